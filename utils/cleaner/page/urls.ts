/**
 * Makes a page's links and media absolute before anything reads them. Readability resolves
 * relative URLs against `document.baseURI`, which is wrong in two of the places the core
 * runs: a snapshot parsed in the popup has the popup's own address as its base (and the
 * extension's CSP, `base-uri 'none'`, refuses any `<base>`), and linkedom has no baseURI at
 * all. Resolving once against the base the page itself used gives every DOM the same URLs.
 */

/** The attributes that hold an address, by element (local name). */
const URL_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['a', ['href']],
  ['area', ['href']],
  ['img', ['src', 'srcset']],
  ['source', ['src', 'srcset']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['track', ['src']],
  ['blockquote', ['cite']],
  ['q', ['cite']],
  ['del', ['cite']],
  ['ins', ['cite']],
]);
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The page's `<base href>` resolved against its address, as the browser did on the page.
 * `bases` are the document's <base> elements in tree order (the page walk lists them).
 */
export function pageBase(bases: readonly Element[], pageUrl: string): URL {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return new URL('about:blank');
  }
  // A browser takes the first <base> with an address, wherever it is. A snapshot carries its
  // href as data-declutter-href (entrypoints/content/handlers.ts).
  for (const base of bases) {
    const declared = base.getAttribute('href') ?? base.getAttribute('data-declutter-href');
    if (declared === null) continue;
    try {
      return new URL(declared, page);
    } catch {
      // Browsers ignore a <base> they cannot parse, and so do we.
      return page;
    }
  }
  return page;
}

/** One walk over the elements, reading only the attributes their tag can hold an address in. */
export function absolutizeUrls(root: ParentNode, base: URL): void {
  if (base.protocol !== 'http:' && base.protocol !== 'https:' && base.protocol !== 'file:') return;
  const walk = (parent: ParentNode): void => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      const attributes = URL_ATTRIBUTES.get(el.localName);
      if (attributes) for (const name of attributes) absolutizeAttribute(el, name, base);
      if (el.firstElementChild) walk(el);
    }
  };
  walk(root);
}

function absolutizeAttribute(el: Element, name: string, base: URL): void {
  const value = el.getAttribute(name);
  if (value === null) return;
  if (name === 'srcset') {
    el.setAttribute(name, absoluteSrcset(value, base));
    return;
  }
  const trimmed = value.trim();
  // In-page anchors stay as they are: Readability and the sanitizer decide about them.
  if (!trimmed || trimmed.startsWith('#') || HAS_SCHEME.test(trimmed)) return;
  try {
    el.setAttribute(name, new URL(trimmed, base).href);
  } catch {
    el.removeAttribute(name);
  }
}

function absoluteSrcset(srcset: string, base: URL): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [src = '', ...descriptor] = candidate.trim().split(/\s+/);
      if (!src || HAS_SCHEME.test(src)) return candidate.trim();
      try {
        return [new URL(src, base).href, ...descriptor].join(' ');
      } catch {
        return '';
      }
    })
    .filter(Boolean)
    .join(', ');
}
