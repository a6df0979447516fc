/**
 * "Too little prose to read": with a listing (listing.ts), the one answer that turns a
 * reader's click away. Readability's cheap check (isProbablyReaderable) is not used for it:
 * it asks for several paragraphs of 140+ characters and turned away real articles Readability
 * reads well (short news, Japanese and Chinese pages, posts written in short paragraphs).
 * A page with no block of a sentence's worth of text anywhere, or an extraction shorter than
 * two sentences, is a caption, a form or a grid of links, not something to read.
 */
import { blockOf } from '../page/blocks.ts';
import { visibleText } from '../page/visible-text.ts';
import type { PageStats } from '../page/stats.ts';

/**
 * Two short sentences, in characters other than spaces: Chinese and Japanese do not space
 * their words, and 80 of their characters already make two sentences.
 */
export const MIN_PROSE_CHARS = 80;
/** One sentence, in the same count: a block of the page that holds one may start a story. */
const MIN_SENTENCE_CHARS = 40;

const ink = (text: string): number => text.replace(/\s+/g, '').length;

/** What Readability returned holds less text than two sentences. */
export function tooLittleProse(content: Element): boolean {
  return ink(visibleText(content, MIN_PROSE_CHARS * 4)) < MIN_PROSE_CHARS;
}

/**
 * No block of the page holds a sentence: Readability need not run (a card grid of 20,000
 * elements took it minutes). One pass over the page's text nodes, summed by the block
 * they belong to, stopping at the first block that has enough.
 */
export function noProseOnPage(stats: PageStats, doc: Document): boolean {
  if (sentenceInWalk(stats)) return false;
  // Markup a parser leaves outside the walked <body> (two <html> tags, a stray </html>, a
  // server's warnings printed before the doctype, which linkedom makes the root's siblings)
  // still holds the story Readability finds. The walk never went there, so that text is a
  // page not yet looked at: only the page's own count and what stands beside the root decide.
  if (stats.texts.length && stats.page.chars >= MIN_SENTENCE_CHARS) return true;
  let outside = stats.page.chars;
  for (const node of doc.childNodes) {
    // Text and elements only: a comment or an <?xml?> declaration is no page.
    if (node !== doc.documentElement && (node.nodeType === 1 || node.nodeType === 3)) outside += ink(node.textContent ?? '');
  }
  return outside < MIN_SENTENCE_CHARS;
}

function sentenceInWalk(stats: PageStats): boolean {
  const inBlock = new Map<Element | null, number>();
  for (const text of stats.texts) {
    const block = blockOf(text);
    const sum = (inBlock.get(block) ?? 0) + ink(text.nodeValue ?? '');
    if (sum >= MIN_SENTENCE_CHARS) return true;
    inBlock.set(block, sum);
  }
  return false;
}
