import { describeElement, outermostOnly } from '../../page/elements.ts';
import { normalizeText } from '../../page/visible-text.ts';
import { linkHost, mayLeadTo, onDomain } from '../../page/links.ts';
import { attrOf, namingOf, type BlockStats, type PageStats } from '../../page/stats.ts';
import { pageStats } from '../../page/walk.ts';
import { blocksWithText, growWrapper, holdsArticle, linkShare, sitsAmongProse } from '../../page/blocks.ts';
import type { FilterContext, FilterMatch } from '../../types.ts';
import { defineFilter } from './define.ts';
import { memoByString } from '../../page/memo.ts';

/**
 * Content-recommendation networks that fill a block on news pages with paid or exchanged
 * headlines. They are recognisable by name in their containers' classes and ids, in their
 * loader scripts' addresses and in the links they fill the block with, whatever the site.
 */
const NETWORKS: readonly { readonly name: string; readonly naming: RegExp; readonly domains: readonly string[] }[] = [
  { name: 'smi2', naming: /smi2/, domains: ['smi2.ru', 'smi2.net'] },
  { name: '24smi', naming: /24smi|smi24/, domains: ['24smi.net', '24smi.org', '24smi.info', '24smi.ru'] },
  { name: 'mgid', naming: /mgid|marketgid|_mgwidget|_mgq|_mgc\b|scriptrootc\d/, domains: ['mgid.com', 'marketgid.com'] },
  { name: 'lentainform', naming: /lentainform/, domains: ['lentainform.com'] },
  { name: 'relap', naming: /relap/, domains: ['relap.io', 'relap.ru'] },
  { name: 'taboola', naming: /taboola|trc_related/, domains: ['taboola.com', 'taboolasyndication.com'] },
  { name: 'outbrain', naming: /outbrain|(^|\s)ob-widget/, domains: ['outbrain.com', 'outbrainimg.com'] },
  { name: 'infox', naming: /infox_|infox-/, domains: ['infox.sg'] },
  { name: 'adwile', naming: /adwile/, domains: ['adwile.com'] },
];
const NETWORK_DOMAINS = NETWORKS.flatMap((n) => n.domains);
const ANY_NETWORK_NAMING = new RegExp(NETWORKS.map((n) => n.naming.source).join('|'));
/** Elements repeat the same class names: each distinct naming is tested once. */
const namesNetwork = memoByString((naming) => ANY_NETWORK_NAMING.test(naming), 5000);
const ANY_NETWORK_IN_SCRIPT = /smi2\.(ru|net)|24smi\.|mgid\.com|marketgid|_mgq|_mgc\.|lentainform|relap\.(io|ru)|taboola|outbrain|infox\.sg|adwile/i;

/** Widget loaders are a few lines; a long inline script is the site's own bundle, not worth scanning. */
const LOADER_MAX_CHARS = 4000;

/** The length of `el.textContent`, without building the text of a site's 200 KB inline bundle. */
function textLength(el: Element): number {
  let length = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) length += (child.nodeValue ?? '').length;
    else if (child.nodeType !== 8) return (el.textContent ?? '').length;
  }
  return length;
}

/**
 * Titles of related, popular and partner blocks. The whole title must match (a paragraph that
 * begins «Популярное мнение…» is not a title); some titles go on with the site's name
 * ("More from The Times", «Главное на Украинской правде»).
 */
const BLOCK_TITLE = new RegExp(
  '^(' +
    [
      'новости и материалы', 'популярное', 'самое популярное', 'популярные материалы', 'популярные новости',
      'самое читаемое', 'самое обсуждаемое', 'обсуждаемое', 'читаемое', 'сейчас читают', 'выбор редакции',
      'вам может быть интересно', 'вам будет интересно', 'может быть интересно', 'это интересно', 'интересное',
      'новости партнеров', 'материалы партнеров', 'партнерские материалы', 'новости смИ2', 'новости 24смИ',
      'рекомендуем', 'рекомендуем прочитать', 'рекомендуемые материалы', 'рекомендации', 'читайте также', 'читайте еще',
      'материалы по теме', 'по теме', 'другие материалы рубрики', 'другие материалы', 'другие новости', 'похожие материалы',
      'похожие статьи', 'похожие новости', 'свежие новости', 'свежие материалы', 'последние материалы', 'самое интересное',
      'свежие записи', 'последние записи', 'похожие записи', 'популярные записи',
      // A section's own list ("Most read in Sport", «Популярное в разделе Экономика»).
      'самое читаемое в .{2,40}', 'популярное в .{2,40}', 'ещё в .{2,40}', 'еще в .{2,40}', 'другие новости .{2,40}',
      'последние новости', 'лента новостей', 'главное', 'главное за сутки', 'главное за день', 'главное на .{2,40}',
      'главные новости', 'новости', 'лучшее за неделю', 'не пропустите',
      'recommended', 'recommended for you', 'recommended stories', 'more from .{2,40}', 'more stories', 'more news',
      'popular', 'most popular', 'most read', 'most viewed', 'trending', 'trending now', 'related', 'related stories',
      'related articles', 'related coverage', 'related posts', 'recent posts', 'popular posts', 'latest posts', 'more posts',
      'more articles', 'read next', 'up next', 'what to read next', 'you may also like', 'you might also enjoy',
      'you might also like', 'you may like', 'latest news', 'top stories', 'around the web', 'from our partners',
      'sponsored stories', 'promoted stories', "editor's picks", 'editors’ picks', "don't miss", 'don’t miss',
      'most read in .{2,40}', 'most popular in .{2,40}', 'most viewed in .{2,40}', 'popular in .{2,40}',
      'trending in .{2,40}', 'latest in .{2,40}', 'more in .{2,40}',
    ]
      .map((t) => t.toLowerCase())
      .join('|') +
    ')[.:!]?$',
);
const TITLE_WORDS =
  /новост|материал|популяр|читаем|обсужда|интерес|партнер|партнёр|рекоменд|читайте|по теме|главное|лучшее|пропустите|похожие|свежие|последние|записи|ещё в|еще в|recommend|more |popular|most |trending|related|recent|posts|read next|up next|also like|also enjoy|may like|latest|top stories|around the web|partners|sponsored|promoted|picks|miss/i;

const LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'ASIDE', 'TABLE', 'TD']);

/** A headline is a sentence: its link text runs to several words, unlike a menu's section names. */
const HEADLINE_MIN_AVG_CHARS = 22;

/** Class and id words of related-news blocks, needed for headline lists that stand inside the article. */
const RELATED_NAMING =
  /relat|popular|recommend|more-?news|also|other|similar|teaser|tabloid|sidebar|aside|widget|feed|read-?more|news-?list|headlines|sausage|longgrid|top-?news/;

function avgLinkChars(s: BlockStats): number {
  return s.links ? s.linkChars / s.links : 0;
}

/** Mostly links, at least `minLinks` of them, no running prose of its own. */
function isHeadlineList(s: BlockStats, minLinks: number): boolean {
  return s.links >= minLinks && linkShare(s) >= 0.6 && s.prose <= Math.floor(s.links / 3) && !s.h1;
}

/** A teaser card's text: a kicker and a headline, a line of standfirst at most. */
const CARD_MAX_CHARS_PER_LINK = 160;

/**
 * Teaser cards whose link is laid over the card (an empty <a> stretched across it, or one
 * around the picture only), so their headlines are not link text. Only under a block title:
 * without one, a few short lines with links could be anything.
 */
function isCardList(s: BlockStats): boolean {
  return s.links >= 2 && s.prose === 0 && !s.h1 && s.chars <= s.links * CARD_MAX_CHARS_PER_LINK;
}

/**
 * The block a network marker stands for: the marker itself, or its parent when the parent is
 * the widget's frame (a title such as «Новости партнёров» and the widget, nothing else).
 */
function widgetBlock(marker: Element, stats: PageStats): Element {
  return growWrapper(marker, stats, 60, stats.get(marker).chars + 60);
}

function networkWidgets(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const matches: FilterMatch[] = [];
  const body = ctx.body;
  if (!body) return matches;
  const add = (el: Element, network: string): void => {
    if (el.tagName === 'BODY' || holdsArticle(stats.get(el), stats.page)) return;
    matches.push({ element: el, reason: `widget network: ${network}` });
  };
  for (const entry of stats.elements) {
    const { el, tag } = entry;
    if (tag === 'SCRIPT' || tag === 'IFRAME') {
      const source = attrOf(entry, 'src') ?? '';
      const inline = tag === 'SCRIPT' && !source && textLength(el) <= LOADER_MAX_CHARS ? (el.textContent ?? '') : '';
      const probe = source || (inline.length <= LOADER_MAX_CHARS ? inline : '');
      if (!probe || !ANY_NETWORK_IN_SCRIPT.test(probe)) continue;
      const network = NETWORKS.find((n) => n.naming.test(probe.toLowerCase()) || onDomain(linkHost(source, ctx.url) ?? '', n.domains))?.name ?? 'widget';
      // A loader script fills the element before it (the widget's placeholder) or its own
      // parent when the parent is only the widget's frame.
      const parent = el.parentElement;
      const placeholder = el.previousElementSibling;
      if (parent && parent.tagName !== 'BODY' && isWidgetFrame(parent, stats)) add(widgetBlock(parent, stats), network);
      else if (placeholder && !/^(SCRIPT|P|H[1-6])$/.test(placeholder.tagName) && isWidgetFrame(placeholder, stats)) add(widgetBlock(placeholder, stats), network);
      else if (tag === 'IFRAME') add(el, network);
      continue;
    }
    const naming = namingOf(entry);
    if (naming !== ' ' && namesNetwork(naming)) {
      const network = NETWORKS.find((n) => n.naming.test(naming))?.name ?? 'widget';
      add(widgetBlock(el, stats), network);
      continue;
    }
    // A block filled with links into a network (its "Новости СМИ2" logo and headline links).
    if (tag === 'A' && mayLeadTo(attrOf(entry, 'href'), ctx.url, NETWORK_DOMAINS)) {
      const host = stats.hostOf(el);
      const network = host ? NETWORKS.find((n) => onDomain(host, n.domains)) : undefined;
      if (network && el.parentElement && isWidgetFrame(el.parentElement, stats)) add(widgetBlock(el.parentElement, stats), network.name);
    }
  }
  return matches;
}

/**
 * A frame around a widget: empty (filled by script later) or a list of links with a title at
 * most. Never a paragraph: «Источник: СМИ2» in the article is a sentence, not a widget.
 */
function isWidgetFrame(el: Element, stats: PageStats): boolean {
  const s = stats.get(el);
  return el.tagName.toUpperCase() !== 'P' && s.prose === 0 && !s.h1 && (s.chars <= 60 || linkShare(s) >= 0.6);
}

/**
 * «Новости и материалы», «Популярное», "Recommended", "More from …": a title followed by
 * headline links. The block is the smallest ancestor of the title holding at least two
 * links that make up most of its text; it goes whole, title included.
 */
function titledBlocks(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const body = ctx.body;
  if (!body) return [];
  const matches: FilterMatch[] = [];
  for (const title of blocksWithText(stats, TITLE_WORDS)) {
    const titleStats = stats.get(title);
    if (titleStats.chars > 50 || titleStats.h1) continue;
    const titleText = normalizeText(title.textContent ?? '');
    if (!BLOCK_TITLE.test(titleText)) continue;
    for (let cur = title.parentElement; cur && cur.tagName !== 'BODY'; cur = cur.parentElement) {
      const s = stats.get(cur);
      if (holdsArticle(s, stats.page) || s.h1) break;
      const rest: BlockStats = { ...s, chars: s.chars - titleStats.chars, linkChars: s.linkChars - titleStats.linkChars };
      // Two links are enough under a title this specific («Новости партнеров» over two ads).
      if (isHeadlineList(rest, 2) || isCardList(rest)) {
        matches.push({ element: growWrapper(cur, stats, 30, s.chars + 30), reason: `titled «${title.textContent?.trim()}» with ${s.links} links` });
        break;
      }
      // Past a few levels the title belongs to a column, not to a block.
      if (s.chars > titleStats.chars + 3000) break;
    }
  }
  return matches;
}

/**
 * Lists of headlines without a title: news feeds down the side, "sausage" strips, teaser
 * grids. At least five links whose texts read as headlines and make up most of the block.
 * Inside the article, or between its paragraphs, such a list may be the article's own
 * chronology, so there it needs the naming of a related block.
 */
function headlineLists(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const body = ctx.body;
  if (!body) return [];
  const candidates = stats.outside((entry): FilterMatch | null => {
    if (!LIST_TAGS.has(entry.tag)) return null;
    const { el } = entry;
    const s: BlockStats = entry;
    if (!isHeadlineList(s, 5) || linkShare(s) < 0.7 || avgLinkChars(s) < HEADLINE_MIN_AVG_CHARS || holdsArticle(s, stats.page)) return null;
    const inArticle = stats.inArticleElement(el) || sitsAmongProse(el, stats);
    if (inArticle && !RELATED_NAMING.test(stats.naming(el)) && entry.tag !== 'ASIDE') return null;
    return { element: el, reason: `${s.links} headline links ${describeElement(el)}` };
  });
  return outermostOnly(candidates).flatMap((m) => {
    const title = listTitle(m.element, stats);
    return title ? [m, { element: title, reason: `title of ${m.reason}` }] : [m];
  });
}

/**
 * The title just before a list («関連記事», «Свежие новости», "Latest"), so that the whole block
 * goes: a heading or a short unlinked line named as a title, directly preceding the list.
 */
function listTitle(list: Element, stats: PageStats): Element | null {
  const prev = list.previousElementSibling;
  if (!prev) return null;
  const s = stats.get(prev);
  if (s.chars === 0 || s.chars > 40 || s.links > 1 || s.h1) return null;
  return /^H[2-6]$/.test(prev.tagName.toUpperCase()) || /title|head|caption/.test(stats.naming(prev)) ? prev : null;
}

export const clickbaitSidebars = defineFilter({
  id: 'clickbait-sidebars',
  label: { en: 'Related and popular news', ru: 'Подборки новостей' },
  description: {
    en: 'Removes “Popular”, “Recommended” and related-news lists and widget networks (smi2, 24smi, MGID, Relap, Taboola, Outbrain) beside the article.',
    ru: 'Убирает списки «Популярное», «Новости и материалы», «Вам может быть интересно» и виджеты сетей (СМИ2, 24СМИ, MGID, Relap, Taboola, Outbrain).',
  },
  noun: {
    en: { one: 'sidebar', other: 'sidebars' },
    ru: { one: 'боковая колонка', few: 'боковые колонки', many: 'боковых колонок' },
  },
  defaultEnabled: true,
  detect(ctx) {
    const stats = pageStats(ctx);
    return outermostOnly([...networkWidgets(ctx, stats), ...titledBlocks(ctx, stats), ...headlineLists(ctx, stats)]);
  },
});
