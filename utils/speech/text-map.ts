/**
 * From the shown article to what is spoken and back: the text of each block (a paragraph,
 * a heading, a list item, a caption) with the text nodes it is made of, its sentences, and
 * the DOM Range of a sentence, which the reader sees highlighted. DOM only, no browser API.
 */
import { speechPieces } from './sentences.ts';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'LI', 'MAIN', 'P', 'PRE', 'SECTION', 'TD', 'TH', 'SUMMARY',
]);
/** Never read: hidden text, and what is not prose. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA']);

export interface Block {
  readonly element: Element;
  readonly text: string;
  /** Each text node and where its text starts in `text`. */
  readonly nodes: readonly { readonly node: Text; readonly start: number }[];
}

export interface Sentence {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const skipped = (el: Element): boolean =>
  SKIP.has(el.nodeName.toUpperCase()) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('data-speech-skip');

/** The blocks under `roots`, in document order. */
export function readingBlocks(roots: readonly Element[]): Block[] {
  const blocks: { element: Element; text: string; nodes: { node: Text; start: number }[] }[] = [];
  const walk = (node: Node, block: Element): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (!value) return;
      let last = blocks.at(-1);
      if (last?.element !== block) {
        last = { element: block, text: '', nodes: [] };
        blocks.push(last);
      }
      last.nodes.push({ node: node as Text, start: last.text.length });
      last.text += value;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skipped(el)) return;
    const inner = BLOCK.has(el.nodeName.toUpperCase()) ? el : block;
    // A <br> ends a line: read as a space, so the words on each side do not run together.
    if (el.nodeName.toUpperCase() === 'BR' && blocks.at(-1)?.element === block) blocks.at(-1)!.text += ' ';
    for (const child of el.childNodes) walk(child, inner);
  };
  for (const root of roots) walk(root, root);
  return blocks.filter((b) => /[\p{L}\p{N}]/u.test(b.text));
}

/** Every sentence (or piece of a long one) of every block, in reading order. */
export function sentencesOf(blocks: readonly Block[], lang: string | undefined): Sentence[] {
  return blocks.flatMap((block, i) =>
    speechPieces(block.text, lang).map((piece) => ({ block: i, start: piece.start, end: piece.end, text: block.text.slice(piece.start, piece.end).replace(/\s+/g, ' ') })),
  );
}

/** The text node and offset at `offset` of a block's text; a <br>'s space maps to the end of the node before it. */
function position(block: Block, offset: number, atEnd: boolean): { node: Text; offset: number } {
  let found = block.nodes[0]!;
  for (const entry of block.nodes) {
    if (entry.start < offset || (!atEnd && entry.start === offset)) found = entry;
    else break;
  }
  return { node: found.node, offset: Math.min(offset - found.start, found.node.length) };
}

export function rangeOf(blocks: readonly Block[], sentence: Sentence, doc: Document): Range | null {
  const block = blocks[sentence.block];
  if (!block?.nodes.length) return null;
  const range = doc.createRange();
  const from = position(block, sentence.start, false);
  const to = position(block, sentence.end, true);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
