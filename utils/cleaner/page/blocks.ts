/**
 * Judgments about a block from the walk's counts: its link share, whether it holds the article
 * or only an imprint, the block a text node belongs to, blocks holding some text, the wrapper
 * around a block, and whether it stands between the article's paragraphs.
 */
import type { BlockStats, PageStats } from './stats.ts';

/** Share of a block's visible characters that are link text. */
export function linkShare(s: BlockStats): number {
  return s.chars ? s.linkChars / s.chars : 0;
}

/**
 * Whether a block holds the article rather than sits beside it: its headline, or a real
 * share of the page's running prose. Every filter refuses such blocks, whatever their
 * class names say: sites wrap articles in `.content-widget` or `.sidebar-layout` too.
 * An outlet's imprint is never the article, however much of a page with little text it holds.
 */
export function holdsArticle(s: BlockStats, page: BlockStats): boolean {
  return s.h1 || (s.prose >= 2 && s.proseChars >= page.proseChars * 0.25 && !isImprint(s, s.prose, s.proseChars));
}

/**
 * The prose an imprint holds beside its registration line: the founder's address, the
 * «Редакция не несет ответственности…» or «Все права защищены…» sentence, two paragraphs of a
 * few hundred characters at most. A block with the registration and more prose than this
 * holds something else too: a page's wrapper, or a story that quotes a registration.
 */
const IMPRINT_MAX_PARAGRAPHS = 2;
const IMPRINT_MAX_PROSE_CHARS = 400;

/** A block holding an outlet's registration (`mediaRegistration`) and no more prose than an imprint has. */
export function isImprint(s: BlockStats, paragraphs: number, chars: number): boolean {
  return s.imprint && paragraphs <= IMPRINT_MAX_PARAGRAPHS && chars <= IMPRINT_MAX_PROSE_CHARS;
}

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q',
  'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'NOBR', 'BUTTON',
]);

/** Inline markup: its text runs on with the text around it. */
export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** The nearest ancestor of a node that is not inline markup: the block its text belongs to. */
export function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * Distinct blocks under <body> holding a visible text node that matches `pattern`. Scanning
 * text nodes with a cheap pattern first keeps phrase rules fast: only the few hits are looked
 * at closely.
 */
export function blocksWithText(stats: PageStats, pattern: RegExp): Element[] {
  const blocks = new Set<Element>();
  for (const text of stats.texts) {
    if (!pattern.test(text.nodeValue ?? '')) continue;
    const block = blockOf(text);
    if (block) blocks.add(block);
  }
  return [...blocks];
}

/**
 * Climbs from `el` to the outermost wrapper that adds little of its own: each step may add at
 * most `slack` visible characters (an icon label, a close button, a counter) and the result
 * stays within `maxChars`. Banners and promos sit in several such wrappers, and removing only
 * the innermost would leave an empty frame with its buttons behind.
 */
export function growWrapper(el: Element, stats: PageStats, slack: number, maxChars: number): Element {
  let best = el;
  let current = stats.get(el);
  for (let cur = el.parentElement; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    const s = stats.get(cur);
    if (s.chars - current.chars > slack || s.chars > maxChars || s.h1) break;
    best = cur;
    current = s;
  }
  return best;
}

/**
 * Whether `el` stands between the article's paragraphs: its parent has at least two prose
 * paragraphs of its own. A footer, a list of links or a header there belongs to the article
 * (a source line, a list of documents), even on sites that wrap articles in plain <div>s.
 */
export function sitsAmongProse(el: Element, stats: PageStats): boolean {
  const parent = el.parentElement;
  if (!parent || parent.tagName === 'BODY') return false;
  let prose = 0;
  for (const child of parent.children) {
    if (child !== el && child.tagName.toUpperCase() === 'P' && stats.get(child).prose > 0 && ++prose >= 2) return true;
  }
  return false;
}
