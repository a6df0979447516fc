/**
 * Parses a page snapshot inside the popup with every link and image made absolute.
 *
 * Why here: a document made by DOMParser in an extension page lives under the extension's
 * CSP, whose `base-uri 'none'` blocks any `<base href>`: the page's own and the one the
 * pipeline pins. Its base URL is then the popup's (`chrome-extension://…/popup.html`), so
 * Readability would resolve `/img/a.jpg` to the extension origin and the sanitizer would
 * rightly drop it, losing every relative image and link of the article. Resolving them
 * once, right after parsing, against the base the page itself used fixes that for every
 * filter toggle that follows.
 */

const URL_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['a[href], area[href]', 'href'],
  ['img[src], source[src], video[src], audio[src], track[src]', 'src'],
  ['video[poster]', 'poster'],
  ['blockquote[cite], q[cite], del[cite], ins[cite]', 'cite'],
];
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parsePage(html: string, pageUrl: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = baseOf(doc, pageUrl);
  if (base) absolutize(doc, base);
  return doc;
}

/** The page's `<base href>` resolved against its address, as the browser did on the page. */
function baseOf(doc: Document, pageUrl: string): URL | null {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  const declared = doc.querySelector('base[href]')?.getAttribute('href');
  if (declared) {
    try {
      return new URL(declared, page);
    } catch {
      // Browsers ignore a <base> they cannot parse, and so do we.
    }
  }
  return page;
}

function absolutize(doc: Document, base: URL): void {
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const el of doc.querySelectorAll(selector)) {
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
  for (const el of doc.querySelectorAll('img[srcset], source[srcset]')) {
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
