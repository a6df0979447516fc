/**
 * The article as Markdown (GFM), for "Copy as Markdown" and "Save as Markdown": a title,
 * a meta line, the body converted by turndown with its GFM plugin (tables, strikethrough),
 * annotation notes as numbered footnotes (`[^1]`), and the source address at the end. The
 * saved file opens with a small YAML front matter. Pure: the sanitized body in, text out.
 */
import TurndownService from 'turndown';
import { gfm } from '@joplin/turndown-plugin-gfm';
import { t } from '../i18n.ts';
import { numberFootnotes, titlePieces } from './footnotes.ts';
import { articleMeta, type ArticleMeta, type ExportInput } from './meta.ts';

function service(numberOf: ReadonlyMap<string, number>): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  td.use(gfm);
  // A marked mention keeps its words and gains the number of its note.
  td.addRule('annotation', {
    filter: (node) => node.nodeName === 'SPAN' && numberOf.has(node.getAttribute('data-annotation') ?? ''),
    replacement: (content, node) => `${content}[^${numberOf.get((node as Element).getAttribute('data-annotation') ?? '')}]`,
  });
  // A caption reads as one, under its picture, not as one more paragraph of the story.
  td.addRule('caption', {
    filter: 'figcaption',
    replacement: (content) => {
      const text = content.trim();
      return text && !text.includes('\n') ? `\n\n_${text}_\n\n` : `\n\n${text}\n\n`;
    },
  });
  // An image without an address (the sanitizer drops any but http(s)) would be `![alt]()`.
  td.addRule('image-without-src', {
    filter: (node) => node.nodeName === 'IMG' && !node.getAttribute('src'),
    replacement: () => '',
  });
  return td;
}

/** A YAML front matter line; a JSON string is a valid YAML double-quoted scalar. */
const yaml = (key: string, value: string | null): string | null =>
  value === null ? null : `${key}: ${JSON.stringify(value.replace(/[\u2028\u2029]/g, ' '))}`;

export function frontMatter(title: string, meta: ArticleMeta): string {
  const lines = [yaml('title', title), yaml('source', meta.source), yaml('byline', meta.byline), yaml('date', meta.date), yaml('site', meta.site)];
  return ['---', ...lines.filter((line): line is string => line !== null), '---'].join('\n');
}

/** A container the converter may consume: a copy of the sanitized body, never the shown one. */
export function bodyCopy(body: DocumentFragment | Element): HTMLElement {
  const doc = body.ownerDocument!;
  const root = doc.createElement('div');
  root.append(body.cloneNode(true));
  return root;
}

export function articleToMarkdown(input: ExportInput, options: { frontMatter?: boolean } = {}): string {
  const { article, lang } = input;
  const meta = articleMeta(article, input.url, lang);
  const root = bodyCopy(input.body);
  const { footnotes, numberOf } = numberFootnotes(input.annotations, lang, { roots: [root] });
  const td = service(numberOf);
  const title = titlePieces(article.title, input.annotations, numberOf)
    .map((piece) => td.escape(piece.text) + (piece.note ? `[^${piece.note}]` : ''))
    .join('');
  const metaLine = [meta.byline, meta.dateText, meta.site].filter(Boolean).map((part) => td.escape(part!)).join(' · ');
  const parts = [
    options.frontMatter ? frontMatter(article.title, meta) : null,
    `# ${title || td.escape(t(lang, 'noTitle'))}`,
    metaLine ? `_${metaLine}_` : null,
    td.turndown(root).trim(),
    meta.source ? `${t(lang, 'exportSource')}: <${meta.source}>` : null,
    footnotes.length ? footnotes.map((note) => `[^${note.number}]: ${td.escape(note.text)}`).join('\n') : null,
  ];
  return `${parts.filter((part): part is string => !!part).join('\n\n')}\n`;
}
