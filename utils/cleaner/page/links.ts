/**
 * Links and the hosts they lead to: the share of a block's text inside links, the host of an
 * address told without the URL parser wherever that is certain, and whether an address can
 * lead to one of a rule's domains.
 */
import { upperTag } from './elements.ts';
import { visibleText } from './visible-text.ts';

/** Share of the element's text that sits inside links: near 1 for menus and headline lists. */
export function linkDensity(el: Element, text = visibleText(el)): number {
  if (!text) return 0;
  let linked = 0;
  // The links are found by a walk rather than `querySelectorAll('a')`, which costs a selector
  // compilation per call under linkedom; a link inside a link counts twice, as it did there.
  const walk = (node: Element): void => {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName.toUpperCase() === 'A') linked += visibleText(child).length;
      walk(child);
    }
  };
  walk(el);
  return Math.min(1, linked / text.length);
}

/**
 * An absolute http(s) address whose host the URL parser would return as written, lower-cased:
 * plain ASCII letters, digits, dots and hyphens, then a port, a path, a query, a fragment or
 * nothing. Anything else (credentials, escapes, IDN, stray whitespace or backslashes, a host
 * the parser rewrites) goes through the parser.
 */
const PLAIN_ABSOLUTE = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d*)?(?:[/?#][^\t\n\r\\]*)?$/i;
/**
 * An address relative to the page's own host: a path from the root (`/news/1`, but not
 * `//host` or `/\\host`, which name a host), a query, a fragment, or a path whose first
 * segment holds no scheme (`news/1`, `./1`), all without whitespace or backslashes, which the
 * parser strips or turns into slashes. Such a link stays on the base's host.
 */
const PLAIN_RELATIVE = /^(?:\/(?![\/\\])|[?#]|[\w.~-][^:/?#\\]*(?:[/?#]|$))[^\s\\]*$/;
/** A host whose last label is a number is an IPv4 address to the parser, which rewrites it or fails. */
const NUMERIC_HOST = /(^|\.)(\d+|0x[0-9a-f]*)\.?$/i;

/** The element's host when `href` is an absolute http(s) link, else null. */
export function linkHost(href: string | null, base: URL): string | null {
  if (!href) return null;
  // Pages hold hundreds of links: most are plain absolute addresses, read without a URL object.
  const plain = PLAIN_ABSOLUTE.exec(href);
  if (plain && !NUMERIC_HOST.test(plain[1]!)) return plain[1]!.toLowerCase().replace(/^www\./, '');
  if (PLAIN_RELATIVE.test(href)) return base.protocol === 'http:' || base.protocol === 'https:' ? base.hostname.replace(/^www\./, '') : null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Whether `host` is one of `domains` or a subdomain of one. */
export function onDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Whether `linkHost(href, base)` can be on one of `domains` (lower case), told without parsing
 * the address wherever that is certain: pages hold hundreds of links and only a few lead to
 * the domains a rule looks for. The parser takes the host from the address itself, lower-cased,
 * or from the base for a relative one; only percent-escapes and characters outside printable
 * ASCII let it rewrite the host (those addresses are parsed), and a numeric host holds no
 * domain name.
 */
export function mayLeadTo(href: string | null, base: URL, domains: readonly string[]): boolean {
  if (!href) return false;
  if (domains.some((d) => base.hostname.includes(d))) return true;
  if (/[^\x21-\x7e]|%/.test(href)) return true;
  // Printable ASCII from here, where ignoring case is lower-casing (without copying the address).
  let anyDomain = DOMAIN_PATTERNS.get(domains);
  if (!anyDomain) DOMAIN_PATTERNS.set(domains, (anyDomain = new RegExp(domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')));
  return anyDomain.test(href);
}

const DOMAIN_PATTERNS = new WeakMap<readonly string[], RegExp>();

/** `a[href]`. */
export function isLinkWithAddress(el: Element): boolean {
  return upperTag(el) === 'A' && el.hasAttribute('href');
}
