/**
 * Annotation notes as numbered footnotes, for print and for the exported files: one number
 * an annotation, in the order a reader meets its first mark (the title's marks come first,
 * as the title does). Pure: DOM in, numbers and plain text out.
 */
import { describeAnnotation, noteAsText } from '../cleaner/annotate/describe.ts';
import type { Annotation, Lang } from '../cleaner/types.ts';

export interface Footnote {
  readonly number: number;
  readonly id: string;
  /** The whole note as plain text, in the UI's language. */
  readonly text: string;
}

/** Every mark of a known annotation under `roots`, in document order. */
export function annotationMarks(roots: readonly ParentNode[], annotations: readonly Annotation[]): HTMLElement[] {
  const known = new Set(annotations.map((a) => a.id));
  return roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('[data-annotation]')].filter((mark) => known.has(mark.dataset.annotation ?? mark.getAttribute('data-annotation') ?? '')));
}

const markId = (mark: Element): string => mark.getAttribute('data-annotation') ?? '';

/**
 * Numbers the annotations a reader meets: first in the title (by its spans), then in the
 * marks under `roots`. An annotation with no mark anywhere gets no number: its note would be
 * a footnote nothing refers to.
 */
export function numberFootnotes(
  annotations: readonly Annotation[],
  lang: Lang,
  options: { titleFirst?: boolean; roots: readonly ParentNode[] },
): { footnotes: Footnote[]; numberOf: ReadonlyMap<string, number> } {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  if (options.titleFirst !== false) {
    const inTitle = annotations
      .flatMap((a) => a.titleSpans.map((span) => ({ id: a.id, start: span.start })))
      .sort((x, y) => x.start - y.start);
    for (const span of inTitle) add(span.id);
  }
  for (const mark of annotationMarks(options.roots, annotations)) add(markId(mark));
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const footnotes = order.map((id, i) => ({ number: i + 1, id, text: noteAsText(describeAnnotation(byId.get(id)!, lang)) }));
  return { footnotes, numberOf: new Map(footnotes.map((f) => [f.id, f.number])) };
}

/**
 * The title as text pieces, each annotated span followed by its footnote number, for
 * exporters that write the title themselves (Markdown `# …`, the saved page's `<h1>`).
 */
export function titlePieces(title: string, annotations: readonly Annotation[], numberOf: ReadonlyMap<string, number>): { text: string; note: number | null }[] {
  const spans = annotations
    .flatMap((a) => a.titleSpans.map((span) => ({ ...span, number: numberOf.get(a.id) ?? null })))
    .filter((span) => span.start >= 0 && span.end <= title.length && span.start < span.end)
    .sort((x, y) => x.start - y.start);
  const pieces: { text: string; note: number | null }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    pieces.push({ text: title.slice(at, span.end), note: span.number });
    at = span.end;
  }
  if (at < title.length || !pieces.length) pieces.push({ text: title.slice(at), note: null });
  return pieces;
}
