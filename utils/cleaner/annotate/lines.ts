/**
 * The article as lines of text, and the one place the annotator changes the DOM.
 *
 * Marks are found in text («ИГ<sup>*</sup>» reads «ИГ*»; a name can span <b> and plain text),
 * so every run of inline content between block boundaries and <br> becomes one line whose
 * text maps back to its text nodes. Legends and footnotes are whole lines: a paragraph, a
 * list item, or a <br>-separated line at the end of a paragraph (a common CMS habit).
 */

import { upperTag } from '../page/elements.ts';
import { step } from './work.ts';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Never text a reader sees. */
const OPAQUE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA']);

/** Inline wrappers that mean nothing once empty (a <sup> that only held the asterisk). */
const DISPOSABLE_INLINE = new Set(['SUP', 'SUB', 'SPAN', 'SMALL', 'B', 'STRONG', 'I', 'EM', 'FONT', 'U', 'MARK']);

export interface TextPiece {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

export interface TextLine {
  readonly text: string;
  readonly pieces: readonly TextPiece[];
  /** The nearest block element holding the line. */
  readonly block: Element;
  /** The <br> before or after the line, removed with it. */
  readonly breakBefore: Element | null;
  readonly breakAfter: Element | null;
  /** Whether this line is all the text its block holds. */
  wholeBlock: boolean;
}

// upperTag: linkedom builds `tagName` afresh on every read, and the walks read it for every element.
const tagOf = (node: Node): string => (node.nodeType === 1 ? upperTag(node as Element) : '');

function holdsBlock(el: Element): boolean {
  for (const child of el.children) {
    const tag = tagOf(child);
    if (BLOCK_TAGS.has(tag) || (!OPAQUE_TAGS.has(tag) && holdsBlock(child))) return true;
  }
  return false;
}

class LineBuilder {
  private pieces: TextPiece[] = [];
  private text = '';
  constructor(
    readonly block: Element,
    private readonly out: TextLine[],
    private breakBefore: Element | null = null,
  ) {}

  add(node: Text): void {
    const value = node.nodeValue ?? '';
    if (!value) return;
    this.pieces.push({ node, start: this.text.length, end: this.text.length + value.length });
    this.text += value;
  }

  finish(breakAfter: Element | null): void {
    if (this.text.trim()) {
      this.out.push({ text: this.text, pieces: this.pieces, block: this.block, breakBefore: this.breakBefore, breakAfter, wholeBlock: false });
    }
    this.pieces = [];
    this.text = '';
    this.breakBefore = breakAfter;
  }
}

/** Every line of visible text under `root`, in document order. */
export function collectLines(root: Element): TextLine[] {
  const lines: TextLine[] = [];
  const walkInline = (node: Node, line: LineBuilder): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line.add(child as Text);
      else if (child.nodeType === 1) {
        const tag = tagOf(child);
        if (OPAQUE_TAGS.has(tag)) continue;
        if (tag === 'BR') line.finish(child as Element);
        else walkInline(child, line);
      }
    }
  };
  const walkBlock = (block: Element): void => {
    const before = lines.length;
    let line = new LineBuilder(block, lines);
    for (let child = block.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line.add(child as Text);
      else if (child.nodeType === 1) {
        const el = child as Element;
        const tag = tagOf(el);
        if (OPAQUE_TAGS.has(tag)) continue;
        if (tag === 'BR') line.finish(el);
        else if (BLOCK_TAGS.has(tag) || holdsBlock(el)) {
          line.finish(null);
          walkBlock(el);
          line = new LineBuilder(block, lines);
        } else walkInline(el, line);
      }
    }
    line.finish(null);
    // The root is the article itself: a line in it is never "all of" something removable.
    // (Counted, not sliced: every block of a deep page would copy the lines of its subtree.)
    if (lines.length - before === 1 && lines[before]!.block === block && block !== root) lines[before]!.wholeBlock = true;
  };
  walkBlock(root);
  return lines;
}

export type LineEdit =
  | { readonly kind: 'wrap'; readonly start: number; readonly end: number; readonly make: (first: boolean) => Element }
  | { readonly kind: 'remove'; readonly start: number; readonly end: number };

/**
 * Applies non-overlapping edits to one line: wraps ranges in elements and deletes ranges.
 * A range across several text nodes is wrapped piece by piece (`first` tells the piece that
 * carries focus), so no element is ever split or moved.
 */
export function applyLineEdits(line: TextLine, edits: readonly LineEdit[]): void {
  if (!edits.length) return;
  const touched = new Set<Node>();
  // Edits and pieces both in text order, walked together: each edit is read by the pieces it
  // spans, not by every piece of the line (a line of thousands of pieces and marks stays linear).
  const sorted = edits.filter((e) => e.end > e.start).sort((a, b) => a.start - b.start);
  let first = 0;
  for (const piece of line.pieces) {
    while (first < sorted.length && sorted[first]!.end <= piece.start) first++;
    const inside: LineEdit[] = [];
    for (let i = first; i < sorted.length && sorted[i]!.start < piece.end; i++) if (sorted[i]!.end > piece.start) inside.push(sorted[i]!);
    step(inside.length + 1);
    if (!inside.length) continue;
    const value = piece.node.nodeValue ?? '';
    const doc = piece.node.ownerDocument;
    const parent = piece.node.parentNode;
    if (!doc || !parent) continue;
    const parts: Node[] = [];
    let cursor = 0;
    for (const edit of inside) {
      const from = Math.max(edit.start - piece.start, 0);
      const to = Math.min(edit.end - piece.start, value.length);
      if (from > cursor) parts.push(doc.createTextNode(value.slice(cursor, from)));
      if (edit.kind === 'wrap') {
        const wrapper = edit.make(edit.start >= piece.start);
        wrapper.appendChild(doc.createTextNode(value.slice(from, to)));
        parts.push(wrapper);
      }
      cursor = Math.max(cursor, to);
    }
    if (cursor < value.length) parts.push(doc.createTextNode(value.slice(cursor)));
    for (const part of parts) parent.insertBefore(part, piece.node);
    parent.removeChild(piece.node);
    touched.add(parent);
  }
  for (const parent of touched) dropEmptyInline(parent);
}

/** Removes a whole line: its block when the line is all of it, else its text and its <br>. */
export function removeLine(line: TextLine): void {
  if (line.wholeBlock && line.block.parentNode && tagOf(line.block) !== 'BODY') {
    const container = line.block.parentNode;
    line.block.remove();
    dropEmptyContainer(container);
    return;
  }
  const parents = new Set<Node>();
  for (const piece of line.pieces) {
    if (piece.node.parentNode) parents.add(piece.node.parentNode);
    piece.node.parentNode?.removeChild(piece.node);
  }
  for (const parent of parents) dropEmptyInline(parent);
  (line.breakBefore ?? line.breakAfter)?.remove();
}

function dropEmptyInline(node: Node | null): void {
  for (let cur = node; cur && cur.nodeType === 1 && DISPOSABLE_INLINE.has(tagOf(cur)); ) {
    const el = cur as Element;
    if ((el.textContent ?? '') !== '' || el.children.length > 0) return;
    const parent = el.parentNode;
    el.remove();
    cur = parent;
  }
}

/** A list or a wrapper left with nothing in it after its legend items went. */
function dropEmptyContainer(node: Node | null): void {
  for (let cur = node; cur && cur.nodeType === 1; ) {
    const el = cur as Element;
    const tag = tagOf(el);
    if (!['UL', 'OL', 'DL', 'DIV', 'SECTION', 'ASIDE', 'FOOTER'].includes(tag)) return;
    if ((el.textContent ?? '').trim() !== '' || el.querySelector('img, video, picture, iframe, figure')) return;
    const parent = el.parentNode;
    el.remove();
    cur = parent;
  }
}
