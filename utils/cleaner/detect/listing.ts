/**
 * Tells a list of stories from a story. A front page or a section page whose teasers run to
 * two sentences has prose enough (prose.ts), and Readability then returns the card grid as "the article": kilobytes of
 * headlines and blurbs. What such content has and an article has not is shape: most of its
 * text sits in a run of six or more sibling blocks built alike (same tag, same class), each
 * leading with its own headline link to a different page. An article's paragraphs are alike
 * too, but they do not each open with a link elsewhere; a related-links box at an article's
 * end is alike as well, but it holds a small share of the text.
 */
import { foldSpaces, visibleText } from '../page/visible-text.ts';

const MIN_CARDS = 6;
/** Share of a group of alike siblings that must be cards. */
const CARD_MAJORITY = 0.6;
/** Share of the content's text the cards must hold. */
const TEXT_SHARE = 0.5;
/** A teaser is a headline and a blurb; a block longer than this is prose, whatever it starts with. */
const MAX_CARD_CHARS = 1200;
/** A headline link's text starts within this many characters of the card's (after a kicker or a time). */
const LEAD_CHARS = 60;

export function looksLikeListing(content: Element, page: URL): boolean {
  // Most articles have no block with six children at all: they are answered without reading
  // their text.
  const parents = parentsOfMany(content, MIN_CARDS);
  if (!parents.length) return false;
  const total = visibleText(content).length;
  if (!total) return false;
  for (const parent of parents) {
    for (const group of alikeChildren(parent)) {
      if (group.length < MIN_CARDS) continue;
      const cards = group.map((el) => ({ el, target: leadTarget(el, page) })).filter((c) => c.target !== null);
      if (cards.length < MIN_CARDS || cards.length < group.length * CARD_MAJORITY) continue;
      if (new Set(cards.map((c) => c.target)).size < MIN_CARDS) continue;
      const cardText = cards.reduce((sum, c) => sum + visibleText(c.el).length, 0);
      if (cardText >= total * TEXT_SHARE) return true;
    }
  }
  return false;
}

/** `root` and the elements inside it with at least `min` element children, in document order. */
function parentsOfMany(root: Element, min: number): Element[] {
  const found: Element[] = [];
  const walk = (el: Element): void => {
    let children = 0;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) children += 1;
    if (children >= min) found.push(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) walk(child);
  };
  walk(root);
  return found;
}

function alikeChildren(parent: Element): Element[][] {
  const groups = new Map<string, Element[]>();
  for (const child of parent.children) {
    const key = `${child.localName} ${foldSpaces(child.getAttribute('class') ?? '').split(' ').sort().join(' ')}`;
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  return [...groups.values()];
}

/** The page a block leads to through a headline link at its start (or in its heading), if any. */
function leadTarget(block: Element, page: URL): string | null {
  const text = visibleText(block);
  if (text.length < 20 || text.length > MAX_CARD_CHARS) return null;
  for (const link of block.querySelectorAll('a[href]')) {
    const linkText = visibleText(link);
    if (linkText.length < 12 || !linkText.includes(' ')) continue;
    let target: URL;
    try {
      target = new URL(link.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') continue;
    const address = `${target.origin}${target.pathname}`;
    if (address === `${page.origin}${page.pathname}`) continue;
    const heading = link.closest('h1, h2, h3, h4, h5, h6');
    if (heading && block.contains(heading)) return address;
    const at = text.indexOf(linkText.slice(0, 24));
    if (at >= 0 && at <= LEAD_CHARS && standsAlone(link, block)) return address;
  }
  return null;
}

const INLINE = new Set(['a', 'b', 'strong', 'i', 'em', 'span', 'u', 'small', 'mark', 'cite', 'q']);

/**
 * A headline is a line of its own; a link that opens or sits in a sentence ("<a>Apple cut
 * prices</a> on Tuesday, …", "<b><a>Apple cut prices</a>.</b> The company…", or text in
 * <span>s around it, as CMS editors produce) is prose, as in the numbered roundups news
 * sites publish as articles. Climbs out of inline wrappers that hold nothing but the link,
 * then looks at the nearest non-blank neighbour on each side: running text, or an inline
 * element with text, makes it prose.
 */
function standsAlone(link: Element, block: Element): boolean {
  let unit: Element = link;
  const linkText = visibleText(link);
  while (unit.parentElement && unit.parentElement !== block && INLINE.has(unit.parentElement.localName) && visibleText(unit.parentElement) === linkText) {
    unit = unit.parentElement;
  }
  return !isProse(neighbour(unit, 'previousSibling')) && !isProse(neighbour(unit, 'nextSibling'));
}

function neighbour(node: Node, side: 'previousSibling' | 'nextSibling'): Node | null {
  let next = node[side];
  while (next && next.nodeType !== 1 && !(next.nodeType === 3 && /\S/.test(next.nodeValue ?? ''))) next = next[side];
  return next;
}

function isProse(node: Node | null): boolean {
  if (!node) return false;
  // Even a full stop right after a link makes it part of a sentence.
  if (node.nodeType === 3) return true;
  return INLINE.has((node as Element).localName) && visibleText(node as Element).length > 0;
}
