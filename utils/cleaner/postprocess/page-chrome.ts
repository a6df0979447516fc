import { linkDensity, visibleText } from '../dom.ts';
import { countWords } from '../text.ts';
import { hasClassWord } from './class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';
import { isProse } from './story.ts';

/** Class words of site navigation: menus, bars of section links, breadcrumbs, skip links. */
const NAVIGATION = new Set([
  'nav', 'navbar', 'navigation', 'topnav', 'subnav', 'sitenav', 'menu', 'menubar', 'megamenu',
  'breadcrumb', 'breadcrumbs', 'crumbs', 'crumb', 'masthead', 'pagination', 'pager', 'skip',
]);
const NAVIGATION_ROLES = new Set(['navigation', 'menu', 'menubar', 'banner', 'contentinfo', 'search', 'toolbar', 'tablist']);

/**
 * A site's legal line: it opens with the copyright sign or word, puts the sign before a
 * year, or reserves all rights. A story that discusses copyright does neither.
 */
const COPYRIGHT =
  /^(©|\(c\)\s*\d{4}|copyright\b)|©\s*\d{4}|all rights reserved|todos os direitos reservados|все права защищены|alle rechte vorbehalten|tous droits réservés/i;

export const pageChrome = definePostStep({
  id: 'page-chrome',
  why:
    'When the story has few paragraphs or the site nests it loosely, Readability picks a container high up ' +
    'the page and brings the site\'s own furniture along: the header with its sign-in link and section menu, ' +
    'breadcrumbs, skip links, the copyright footer. None of it belongs to the story on any site.',
  detect({ root, url }) {
    const found: PostMatch[] = [];
    for (const el of root.querySelectorAll('*')) {
      const reason = chromeReason(el, url);
      if (reason) found.push({ element: el, reason });
    }
    return found;
  },
});

function chromeReason(el: Element, url: URL): string | null {
  const tag = el.tagName;
  const role = el.getAttribute('role')?.toLowerCase() ?? '';
  const text = visibleText(el);
  // Furniture never holds running prose; an element that does is the story whatever its name.
  if (hasProse(el)) return null;
  if (tag === 'NAV' || NAVIGATION_ROLES.has(role)) return `<${tag.toLowerCase()}${role ? ` role=${role}` : ''}>: site navigation`;
  if (tag === 'FORM' && !el.querySelector('textarea')) return 'a form (search, sign-in) inside the article';
  if (hasClassWord(el, NAVIGATION) && (linkDensity(el, text) >= 0.5 || countWords(text) <= 4)) return 'named as navigation';
  if ((tag === 'HEADER' || tag === 'FOOTER') && (el.querySelector('nav, form') || isLinkMenu(el))) return `site ${tag.toLowerCase()} with menus`;
  if ((tag === 'UL' || tag === 'OL') && isLinkMenu(el)) return 'a list of bare section links';
  if (tag === 'A' && /^#/.test(el.getAttribute('href') ?? '') && /^skip\b/i.test(text)) return 'skip link';
  if (isOwnAddress(text, url) && aloneOnItsLine(el, text)) return 'the page\'s own address, printed for paper';
  if (COPYRIGHT.test(text) && countWords(text) <= 40 && isBlockLike(el) && !el.closest('figure, figcaption')) return 'copyright line';
  return null;
}

function hasProse(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) if (isProse(p)) return true;
  return false;
}

/**
 * A menu: three or more items, each just a link of a few words. A list of sources or
 * products in a story has longer items or words outside the links.
 */
function isLinkMenu(el: Element): boolean {
  const items = el.querySelectorAll('li');
  if (items.length < 3) return false;
  let words = 0;
  for (const li of items) {
    const text = visibleText(li);
    if (!text) continue;
    if (linkDensity(li, text) < 0.9) return false;
    words += countWords(text);
  }
  return words / items.length <= 3;
}

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'FOOTER', 'SMALL', 'SPAN', 'LI', 'ASIDE']);

function isBlockLike(el: Element): boolean {
  if (!BLOCKS.has(el.tagName)) return false;
  // The innermost element holding the line, not the paragraph around a quoted "©".
  return !Array.from(el.children).some((child) => COPYRIGHT.test(visibleText(child)));
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
function aloneOnItsLine(el: Element, text: string): boolean {
  if (el.tagName === 'A' || el.closest('a')) return false;
  const parent = el.parentElement;
  return !parent || countWords(visibleText(parent)) - countWords(text) <= 2;
}
