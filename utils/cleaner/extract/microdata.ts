/**
 * schema.org microdata written for machines, which the site's style sheet hides and a
 * saved copy of the page does not. Outlets repeat the article's metadata as elements
 * carrying `itemprop` (ria.ru: the page URL, the headline, the image URLs,
 * `20200303T1835+0300`, each in a <div>), where search engines read it and readers never
 * see it: the block's class is `display: none` in a style sheet Declutter does not have.
 * Readability takes such a block for the article's first paragraphs.
 *
 * A person reads dates as «3 марта 2020, 18:35» and links as words; a block made only of
 * itemprop values, one of them a bare URL or a machine timestamp, is data. So are such
 * values alone: an itemprop element whose whole text is a URL or an ISO timestamp with its
 * time. Microdata a reader sees (a byline's `<span itemprop="name">`, a dateline
 * `<time itemprop="datePublished">3 марта</time>`, the article body itself) holds words, or
 * text outside itemprop elements, and stays.
 */

import type { PageStats } from '../page/stats.ts';

/** A bare address: the text is a URL and nothing else. */
const URL_VALUE = /^(?:https?:)?\/\/[^\s]+$/iu;
/** A machine timestamp with its time: 2020-03-03T18:35, 20200303T1835+0300, 2020-03-03 18:35:00Z. */
const TIMESTAMP = /^\d{4}-?\d{2}-?\d{2}[T ]\d{2}:?\d{2}(?::?\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;
/** A date in the machine's order, 2020-03-03: data inside a data block, a possible dateline alone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Longest value in a data block: a description repeats the lead in a sentence or two, never an article. */
const MAX_VALUE_CHARS = 400;

/** Longest text of an itemprop element read as one value: past this it holds prose. */
const MAX_VALUE_ELEMENT_CHARS = 300;

/**
 * Elements of the page that hold only machine-readable microdata, outermost first. Read
 * from the page walk's entries (attribute names known), so pages without microdata, nearly
 * all, cost no DOM query.
 */
export function machineMetadata(stats: PageStats): Element[] {
  const found: Element[] = [];
  for (const entry of stats.elements) {
    const { attributes, el } = entry;
    if (!attributes.includes('itemprop') && !attributes.includes('itemscope')) continue;
    // Document order: only the last element found can hold this one.
    if (found.length && found[found.length - 1]!.contains(el)) continue;
    if (attributes.includes('itemscope') && isDataBlock(el)) found.push(el);
    else if (attributes.includes('itemprop') && entry.chars <= MAX_VALUE_ELEMENT_CHARS && isMachineValue((el.textContent ?? '').trim())) found.push(el);
  }
  return found;
}

function isMachineValue(text: string): boolean {
  return URL_VALUE.test(text) || TIMESTAMP.test(text);
}

/** Every text of the block sits right in an itemprop element, none is prose, and one is a URL or a timestamp. */
function isDataBlock(scope: Element): boolean {
  let machine = false;
  let any = false;
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (!text) continue;
    const parent = node.parentElement;
    if (parent && /^(?:script|style|noscript|template)$/.test(parent.localName)) continue;
    if (!parent || !parent.hasAttribute('itemprop') || /\barticleBody\b|\btext\b/.test(parent.getAttribute('itemprop') ?? '')) return false;
    if (text.length > MAX_VALUE_CHARS) return false;
    any = true;
    if (URL_VALUE.test(text) || TIMESTAMP.test(text) || ISO_DATE.test(text)) machine = true;
  }
  return any && machine;
}
