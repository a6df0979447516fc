/**
 * How the annotator changes the article: the element a mention gets, and the title's offsets
 * once its marks are out.
 */
import type { AnnotationKind } from '../types.ts';
import type { TextLine } from './lines.ts';
import type { Range } from './coverage.ts';

/** The id prefix of the elements holding each annotation's note text (aria-describedby targets). */
export const NOTE_ID_PREFIX = 'declutter-note-';

export function cut(text: string, removals: readonly Range[]): string {
  let out = '';
  let cursor = 0;
  for (const r of [...removals].sort((a, b) => a.start - b.start)) {
    if (r.start < cursor) continue;
    out += text.slice(cursor, r.start);
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

export function shift(offset: number, removals: readonly Range[]): number {
  let removed = 0;
  for (const r of removals) if (r.end <= offset) removed += r.end - r.start;
  return offset - removed;
}

export function insideLink(line: TextLine, range: Range): boolean {
  for (const piece of line.pieces) {
    if (piece.end <= range.start || piece.start >= range.end) continue;
    for (let node: Node | null = piece.node.parentNode; node && node !== line.block; node = node.parentNode) {
      if ((node as Element).tagName?.toUpperCase() === 'A') return true;
    }
  }
  return false;
}

/**
 * The mark a mention gets: a focusable element described by the note (rendered by the popup
 * under `NOTE_ID_PREFIX + id`), so keyboard and screen-reader users reach what a pointer
 * shows. Inside a link it only carries the data attributes: a focusable element within a
 * link is a nested control; the summary above the article reaches the same note.
 */
export function markElement(doc: Document, id: string, kind: AnnotationKind, focusable: boolean): Element {
  const el = doc.createElement('span');
  el.setAttribute('class', 'declutter-annotation');
  el.setAttribute('data-annotation', id);
  el.setAttribute('data-annotation-kind', kind);
  if (focusable) {
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-describedby', `${NOTE_ID_PREFIX}${id}`);
  }
  return el;
}
