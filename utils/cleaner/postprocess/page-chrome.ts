import type { ArticleMeasure } from './measure.ts';
import { hasClassWord } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words of site navigation: menus, bars of section links, breadcrumbs, skip links. */
const NAVIGATION = new Set([
  'nav', 'navbar', 'navigation', 'topnav', 'subnav', 'sitenav', 'menu', 'menubar', 'megamenu',
  'breadcrumb', 'breadcrumbs', 'crumbs', 'crumb', 'masthead', 'pagination', 'pager', 'skip',
]);
const LEGAL = new Set(['copyright', 'copyrights', 'legal', 'imprint', 'colophon']);
const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar', 'banner', 'contentinfo', 'search', 'toolbar', 'tablist']);

/**
 * A site's legal line: it opens with the copyright sign or word, puts the sign before a
 * year, or reserves all rights. A story that discusses copyright does neither.
 */
const COPYRIGHT =
  /^(©|\(c\)\s*\d{4}|copyright\b)|©\s*\d{4}|all rights reserved|todos os direitos reservados|все права защищены|alle rechte vorbehalten|tous droits réservés/i;

export const pageChrome = definePostStep({
  id: 'page-chrome',
  filter: 'navigation',
  why:
    'When the story has few paragraphs or the site nests it loosely, Readability picks a container high up ' +
    'the page and brings the site\'s own furniture along: the header with its sign-in link and section menu, ' +
    'breadcrumbs, skip links, the copyright footer. None of it belongs to the story on any site.',
  detect({ measure, url }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const reason = chromeReason(el, url, measure);
      if (reason) found.push({ element: el, reason });
    }
    return found;
  },
});

function chromeReason(el: Element, url: URL, m: ArticleMeasure): string | null {
  const tag = el.tagName;
  const role = el.getAttribute('role')?.toLowerCase() ?? '';
  // The site's legal block (address, phone, copyright) under every page, named as such; its
  // lines are long enough to pass for prose.
  if (hasClassWord(el, LEGAL) && m.words(el) <= 60 && !m.within(el, FIGURE) && !m.hasMedia(el)) return 'named as the site\'s legal footer';
  // Furniture never holds running prose; an element that does is the story whatever its name.
  if (m.proseParagraphs(el) > (el.tagName === 'P' && m.isProse(el) ? 1 : 0)) return null;
  if (tag === 'NAV' || NAVIGATION_ROLES.has(role)) return `<${tag.toLowerCase()}${role ? ` role=${role}` : ''}>: site navigation`;
  if (tag === 'FORM' && !el.querySelector('textarea')) return 'a form (search, sign-in) inside the article';
  if (hasClassWord(el, NAVIGATION) && (m.linkDensity(el) >= 0.5 || m.words(el) <= 4)) return 'named as navigation';
  if ((tag === 'HEADER' || tag === 'FOOTER') && (el.querySelector('nav, form') || isLinkMenu(el, m))) return `site ${tag.toLowerCase()} with menus`;
  if ((tag === 'UL' || tag === 'OL') && isLinkMenu(el, m)) return 'a list of bare section links';
  if (m.words(el) > 40 || (tag !== 'A' && !BLOCKS.has(tag))) return null;
  const text = m.text(el);
  if (tag === 'A' && /^#/.test(el.getAttribute('href') ?? '') && /^skip\b/i.test(text)) return 'skip link';
  if (isOwnAddress(text, url) && aloneOnItsLine(el, m)) return 'the page\'s own address, printed for paper';
  if (COPYRIGHT.test(text) && isBlockLike(el, m) && !m.within(el, FIGURE)) return 'copyright line';
  return null;
}

/**
 * A menu: three or more items, each just a link of a few words. A list of sources or
 * products in a story has longer items or words outside the links.
 */
function isLinkMenu(el: Element, m: ArticleMeasure): boolean {
  const items = el.querySelectorAll('li');
  if (items.length < 3) return false;
  let words = 0;
  for (const li of items) {
    if (!m.text(li)) continue;
    if (m.linkDensity(li) < 0.9) return false;
    words += m.words(li);
  }
  return words / items.length <= 3;
}

const FIGURE = new Set(['FIGURE', 'FIGCAPTION']);
const LINK = new Set(['A']);
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'FOOTER', 'SMALL', 'SPAN', 'LI', 'ASIDE']);

function isBlockLike(el: Element, m: ArticleMeasure): boolean {
  if (!BLOCKS.has(el.tagName)) return false;
  // The innermost element holding the line, not the paragraph around a quoted "©".
  return !Array.from(el.children).some((child) => COPYRIGHT.test(m.text(child)));
}

/** A line that is nothing but an address on this site: the print header's URL. */
function isOwnAddress(text: string, url: URL): boolean {
  if (!/^https?:\/\/\S+$/.test(text)) return false;
  try {
    return new URL(text).hostname.replace(/^www\./, '') === url.hostname.replace(/^www\./, '');
  } catch {
    return false;
  }
}

/** Not a link inside a sentence ("see https://…"): the address is the whole line. */
function aloneOnItsLine(el: Element, m: ArticleMeasure): boolean {
  if (m.within(el, LINK)) return false;
  const parent = el.parentElement;
  return !parent || m.words(parent) - m.words(el) <= 2;
}
