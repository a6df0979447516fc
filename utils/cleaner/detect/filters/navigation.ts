import { describeElement, hasToken, outermostOnly } from '../../page/elements.ts';
import { normalizeText, visibleText } from '../../page/visible-text.ts';
import { attrOf, namingOf, type BlockStats, type ElementEntry, type PageStats } from '../../page/stats.ts';
import { pageStats } from '../../page/walk.ts';
import { growWrapper, holdsArticle, linkShare, sitsAmongProse } from '../../page/blocks.ts';
import type { FilterContext, FilterMatch } from '../../types.ts';
import { defineFilter } from './define.ts';
import { memoByString } from '../../page/memo.ts';

/**
 * Class and id words sites give their menus, crumbs, pagers and tag lists, as whole words of
 * a BEM- or snake-case name (`b-breadcrumbs`, `top_menu_item`, `post-navigation`), so that
 * `canvas` or `menuet` do not count.
 */
const NAV_NAMING =
  /(^|[\s_-])(breadcrumbs?|crumbs|pagination|paginator|pager|paging|navbar|nav|navigation|menu|submenu|topmenu|mainmenu|megamenu|tags|tag-list|taglist|tag-cloud|tagcloud|tags-list|rubricator|sitemap)($|[\s_\d-])/;

/**
 * The page's own header and footer by name, for sites older than the <header>/<footer> tags:
 * a whole class or id such as `footer`, `site-header`, `b-footer`, `footer_wrapper`. Parts of
 * other things (`modal-footer`, `card-header`, `entry-footer`) are not the page's chrome.
 */
const CHROME_NAME = /^([blg]-)?((site|page|main|global|top|bottom)[-_]?)?(header|footer|masthead)([-_](wrapper|wrap|container|inner|stub|main|top|bottom|line))?$/;

function chromeName(naming: string): string | null {
  if (!/header|footer|masthead/.test(naming)) return null;
  for (const name of naming.split(/\s+/)) {
    const match = CHROME_NAME.exec(name);
    if (match) return match[4] ?? null;
  }
  return null;
}

/** What a naming says, worked out once per distinct naming: the walk asks about every element of the page. */
interface NamingSays {
  /** The NAV_NAMING word, or null. */
  readonly nav: string | null;
  readonly chrome: string | null;
}

const namingSays = memoByString((naming): NamingSays => {
  const nav = NAV_NAMING.exec(naming);
  return { nav: nav ? (nav[2] ?? 'menu') : null, chrome: chromeName(naming) };
}, 5000);

const COPYRIGHT = /©|\(c\)|copyright|все права|all rights reserved|перепечатка|(^|\s)(0|6|12|16|18)\+/;

/**
 * Links that lead to a list of everything rather than to a story, which news sites put under
 * every block and at the top of every page («Все новости», «Новые материалы +»), and the
 * "Skip to content" links for keyboard users, which the reader view makes pointless.
 */
const LIST_LINK_LABEL =
  /^(все новости|все материалы|все статьи|все публикации|новые материалы|лента новостей|другие новости|еще новости|больше новостей|показать еще|загрузить еще|читать все|на главную|наверх|перейти к содержимому|перейти к основному содержанию|к содержанию|all news|more news|all stories|load more|show more|view all|see all|back to top|skip to content|skip to main content|skip to navigation)\s*[+›»→>]?$/;

/**
 * Menus are links with short labels: a section name is one to three words. Headline lists
 * have long link texts and are clickbait-sidebars' business.
 */
const MENU_MAX_AVG_LINK_CHARS = 22;
const MENU_MIN_LINKS = 4;

function avgLinkChars(s: BlockStats): number {
  return s.links ? s.linkChars / s.links : 0;
}

function isLinkBlock(s: BlockStats): boolean {
  return s.links >= 1 && s.prose === 0 && (linkShare(s) >= 0.5 || s.chars <= 40);
}

/** Blocks that declare themselves navigation: <nav>, role=navigation, breadcrumb markup, menu/pager/tag names. */
function declaredNavigation(entry: ElementEntry, stats: PageStats): FilterMatch | null {
  const { el, tag } = entry;
  const role = attrOf(entry, 'role') ?? '';
  const itemtype = attrOf(entry, 'itemtype') ?? '';
  const aria = (attrOf(entry, 'aria-label') ?? '').toLowerCase();
  let why: string | null = null;
  if (tag === 'NAV') why = 'navigation element';
  else if (role === 'navigation' || role === 'menubar') why = `role=${role}`;
  else if (/BreadcrumbList/.test(itemtype) || /breadcrumb|хлебн/.test(aria)) why = 'breadcrumbs';
  else why = namingSays(namingOf(entry)).nav;
  if (!why) return null;
  const s = stats.get(el);
  // Breadcrumbs end with the page's own title as plain text, which can outweigh the links;
  // a declared navigation block may be that, as long as it stays short and has no prose.
  const shortDeclared = s.links >= 1 && s.prose === 0 && s.chars <= 200;
  if (!(isLinkBlock(s) || shortDeclared) || holdsArticle(s, stats.page) || stats.holdsByline(el)) return null;
  return { element: el, reason: `${why} ${describeElement(el)}` };
}

/**
 * The page's header and footer: logo, menus, copyright, contacts. Only outside the article
 * (not in its container, not between its paragraphs), never with the headline in it, and a header must be mostly links — an article header
 * standing outside <article> is mostly its title and lead.
 */
function siteChrome(entry: ElementEntry, stats: PageStats): FilterMatch | null {
  const { el, tag } = entry;
  const role = attrOf(entry, 'role') ?? '';
  const naming = namingSays(namingOf(entry)).chrome;
  const isFooter = tag === 'FOOTER' || role === 'contentinfo' || naming === 'footer';
  const isHeader = tag === 'HEADER' || role === 'banner' || naming === 'header' || naming === 'masthead';
  if (!isFooter && !isHeader) return null;
  // The counts first: the walks up to an article container and through the block's subtree
  // are the costly questions, and most headers and footers fail a count.
  const s = stats.get(el);
  if (s.h1 || holdsArticle(s, stats.page)) return null;
  if (isHeader && (s.links < 2 || linkShare(s) < 0.4)) return null;
  // A footer without links is the copyright line («© 2024 …», "All rights reserved", 18+).
  if (s.links < 1 && !(isFooter && s.chars <= 400 && COPYRIGHT.test(normalizeText(visibleText(el))))) return null;
  const parent = el.parentElement;
  if ((parent && stats.inArticleContainer(parent)) || stats.holdsArticleContainer(el) || sitsAmongProse(el, stats)) return null;
  if (isHeader && el.querySelector('h2, time')) return null;
  return { element: el, reason: `site ${isFooter ? 'footer' : 'header'} ${describeElement(el)}` };
}

/**
 * Menus without markup: a block of at least four links with short labels and almost no other
 * text, outside the article. Inside the article, or between its paragraphs, such a list may
 * be the article's own (a list of documents, a table of contents), so there it needs one of
 * the declared signs above.
 */
function plainMenu(entry: ElementEntry, stats: PageStats): FilterMatch | null {
  const { el, tag } = entry;
  const s: BlockStats = entry;
  if (s.links < MENU_MIN_LINKS || linkShare(s) < 0.8 || avgLinkChars(s) > MENU_MAX_AVG_LINK_CHARS || s.prose > 0) return null;
  if (!/^(UL|OL|DIV|SECTION|ASIDE|MENU|P|TD|SPAN)$/.test(tag)) return null;
  if (stats.inArticleContainer(el) || sitsAmongProse(el, stats) || holdsArticle(s, stats.page)) return null;
  return { element: el, reason: `menu of ${s.links} short links ${describeElement(el)}` };
}

/** «Все новости», «Новые материалы +», "Load more": a lone link or button to a listing. */
function listingLink(entry: ElementEntry, stats: PageStats): FilterMatch | null {
  const { el, tag } = entry;
  if (tag !== 'A' && tag !== 'BUTTON' && attrOf(entry, 'role') !== 'button') return null;
  const s: BlockStats = entry;
  if (s.chars === 0 || s.chars > 30) return null;
  const text = visibleText(el);
  if (!LIST_LINK_LABEL.test(normalizeText(text))) return null;
  // Its wrapper goes too when the wrapper holds nothing else (a <p> or <div> around the link).
  return { element: growWrapper(el, stats, 2, 32), reason: `listing link «${text}»` };
}

/** Tag lists and previous/next links, marked by rel=tag / rel=prev / rel=next. */
function relLinks(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const matches: FilterMatch[] = [];
  const seen = new Set<Element>();
  // `a[rel~=tag], a[rel~=prev], a[rel~=next]`, from the page's list of links.
  for (const a of stats.withTag(['A'], 'document')) {
    const rel = stats.attr(a, 'rel');
    if (!hasToken(rel, 'tag', true) && !hasToken(rel, 'prev', true) && !hasToken(rel, 'next', true)) continue;
    const kind = /\btag\b/.test(a.getAttribute('rel') ?? '') ? 'tags' : 'previous/next links';
    const block = a.parentElement && a.parentElement.tagName !== 'BODY' ? growWrapper(a.parentElement, stats, 20, 400) : null;
    if (!block || seen.has(block)) continue;
    seen.add(block);
    const s = stats.get(block);
    if (s.links < (kind === 'tags' ? 2 : 1) || linkShare(s) < 0.5 || s.prose > 0 || holdsArticle(s, stats.page) || stats.holdsByline(block)) continue;
    matches.push({ element: block, reason: `${kind} ${describeElement(block)}` });
  }
  return matches;
}

export const navigation = defineFilter({
  id: 'navigation',
  label: { en: 'Navigation', ru: 'Навигация' },
  description: {
    en: 'Removes site menus, breadcrumbs, tag lists, pagination, “All news” links and the site’s header and footer around the article.',
    ru: 'Убирает меню сайта, «хлебные крошки», списки тегов, пагинацию, ссылки «Все новости» и шапку и подвал сайта вокруг статьи.',
  },
  noun: {
    en: { one: 'navigation block', other: 'navigation blocks' },
    ru: { one: 'навигационный блок', few: 'навигационных блока', many: 'навигационных блоков' },
  },
  defaultEnabled: true,
  detect(ctx) {
    const body = ctx.body;
    if (!body) return [];
    const stats = pageStats(ctx);
    const matches = stats.outside((entry) => declaredNavigation(entry, stats) ?? siteChrome(entry, stats) ?? plainMenu(entry, stats) ?? listingLink(entry, stats));
    return outermostOnly([...matches, ...relLinks(ctx, stats)]);
  },
});
