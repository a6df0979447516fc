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

/** A bare address: the text is a URL and nothing else. */
const URL_VALUE = /^(?:https?:)?\/\/[^\s]+$/iu;
/** A machine timestamp with its time: 2020-03-03T18:35, 20200303T1835+0300, 2020-03-03 18:35:00Z. */
const TIMESTAMP = /^\d{4}-?\d{2}-?\d{2}[T ]\d{2}:?\d{2}(?::?\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u;
/** A date in the machine's order, 2020-03-03: data inside a data block, a possible dateline alone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Longest value in a data block: a description repeats the lead in a sentence or two, never an article. */
const MAX_VALUE_CHARS = 400;

/** Elements of `doc` that hold only machine-readable microdata, outermost first. */
export function machineMetadata(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const found = new Set<Element>();
  for (const scope of body.querySelectorAll('[itemscope]')) {
    if (![...found].some((f) => f.contains(scope)) && isDataBlock(scope)) found.add(scope);
  }
  for (const el of body.querySelectorAll('[itemprop]')) {
    if ([...found].some((f) => f.contains(el))) continue;
    const text = (el.textContent ?? '').trim();
    if (URL_VALUE.test(text) || TIMESTAMP.test(text)) found.add(el);
  }
  return [...found];
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
