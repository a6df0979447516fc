/**
 * Small DOM helpers that behave the same in browsers, jsdom and linkedom.
 * linkedom lacks `innerText`, layout and some live collections, so nothing here uses them.
 */

const SPACES = /[\s\u00a0\u2009\u202f\u200b\ufeff]+/g;

/** Folds every run of whitespace, the typographic spaces included, to one space. */
export function foldSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text a reader would see in `el`: script, style and template contents excluded, spaces folded. */
export function visibleText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !INVISIBLE_TAGS.has((child as Element).tagName.toUpperCase())) {
        out += ' ';
        walk(child);
      }
    }
  };
  walk(el);
  return foldSpaces(out);
}

/** Share of the element's text that sits inside links: near 1 for menus and headline lists. */
export function linkDensity(el: Element, text = visibleText(el)): number {
  if (!text) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += visibleText(a).length;
  return Math.min(1, linked / text.length);
}

/** The class and id of an element as one lower-case string, for the naming conventions sites use. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Walks up from `el` (itself included) while `test` holds, returning the outermost such element. */
export function outermost(el: Element, test: (candidate: Element) => boolean, stopAt?: Element | null): Element {
  let best = el;
  for (let cur = el.parentElement; cur && cur !== stopAt && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    if (!test(cur)) break;
    best = cur;
  }
  return best;
}

/** The element's host when `href` is an absolute http(s) link, else null. */
export function linkHost(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Whether `node` is `ancestor` or inside it, without relying on `contains` across documents. */
export function isInside(node: Node, ancestor: Node): boolean {
  for (let cur: Node | null = node; cur; cur = cur.parentNode) if (cur === ancestor) return true;
  return false;
}
