/**
 * The exporters, one chunk: the popup loads this module only when the reader asks for a
 * copy or a file (a dynamic import), so turndown never weighs on the popup's first paint.
 */
export { articleToMarkdown } from './markdown.ts';
export { articleToText } from './text.ts';
export { articleToHtml } from './html.ts';
export { fileNameFor } from './meta.ts';
export type { ExportInput } from './meta.ts';
