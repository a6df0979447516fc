/**
 * Makes a page's links and media absolute before anything reads them. Readability resolves
 * relative URLs against `document.baseURI`, which is wrong in two of the places the core
 * runs: a snapshot parsed in the popup has the popup's own address as its base (and the
 * extension's CSP, `base-uri 'none'`, refuses any `<base>`), and linkedom has no baseURI at
 * all. Resolving once against the base the page itself used gives every DOM the same URLs.
 */

const URL_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['a[href], area[href]', 'href'],
  ['img[src], source[src], video[src], audio[src], track[src]', 'src'],
  ['video[poster]', 'poster'],
  ['blockquote[cite], q[cite], del[cite], ins[cite]', 'cite'],
];
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The page's `<base href>` resolved against its address, as the browser did on the page. */
export function pageBase(doc: Document, pageUrl: string): URL {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return new URL('about:blank');
  }
  // A snapshot carries <base href> as data-declutter-href (entrypoints/content/handlers.ts).
  const base = doc.querySelector('base[href], base[data-declutter-href]');
  const declared = base?.getAttribute('href') ?? base?.getAttribute('data-declutter-href');
  if (declared) {
    try {
      return new URL(declared, page);
    } catch {
      // Browsers ignore a <base> they cannot parse, and so do we.
    }
  }
  return page;
}

export function absolutizeUrls(root: ParentNode, base: URL): void {
  if (base.protocol !== 'http:' && base.protocol !== 'https:' && base.protocol !== 'file:') return;
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute)?.trim() ?? '';
      // In-page anchors stay as they are: Readability and the sanitizer decide about them.
      if (!value || value.startsWith('#') || HAS_SCHEME.test(value)) continue;
      try {
        el.setAttribute(attribute, new URL(value, base).href);
      } catch {
        el.removeAttribute(attribute);
      }
    }
  }
  for (const el of root.querySelectorAll('img[srcset], source[srcset]')) {
    const candidates = (el.getAttribute('srcset') ?? '').split(',').map((candidate) => {
      const [src = '', ...descriptor] = candidate.trim().split(/\s+/);
      if (!src || HAS_SCHEME.test(src)) return candidate.trim();
      try {
        return [new URL(src, base).href, ...descriptor].join(' ');
      } catch {
        return '';
      }
    });
    el.setAttribute('srcset', candidates.filter(Boolean).join(', '));
  }
}
