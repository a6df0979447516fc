import { classAndId, descendantsWhere, hasDescendantWhere, outermostOnly, tagIn, upperTag } from '../../page/elements.ts';
import { normalizeText, visibleText } from '../../page/visible-text.ts';
import { isLinkWithAddress, linkHost, mayLeadTo, onDomain } from '../../page/links.ts';
import { type PageStats } from '../../page/stats.ts';
import { pageStats } from '../../page/walk.ts';
import { blocksWithText, growWrapper, holdsArticle, linkShare, sitsAmongProse } from '../../page/blocks.ts';
import type { FilterContext, FilterMatch } from '../../types.ts';
import { defineFilter } from './define.ts';

/**
 * Cheap first look at text nodes: words every promo uses — the call ("подписывайтесь",
 * "читайте нас", "subscribe", "follow"), the channel (Telegram, MAX, Дзен, newsletter, app) or
 * the insert label ("Читайте также", "Read more", "Related").
 */
const PROMO_WORDS =
  /подпис|читайте|читать|следите|присоедин|канал|соцсет|рассылк|приложени|по теме|смотрите|subscri|newsletter|sign up|follow|join|download|app store|google play|related|read (more|also|next)|also read|see also|more on|мы в|we(’|')re on/i;

/**
 * A call to the reader to follow the outlet somewhere else. Each alternative is imperative or
 * names "our" channel: an article that reports what someone said in their channel uses
 * neither («сообщил в своём Telegram-канале»).
 */
const CALL_TO_FOLLOW = new RegExp(
  [
    'подписыва(йтесь|йся)|подпишитесь|подпишись',
    'читайте (нас|наши новости|новости|все новости|\\S+ )?(\\S+ )?(в|на) (telegram|телеграм|max|макс|дзен|vk|вк|вконтакте|ок|одноклассниках|youtube|rutube|яндекс|соцсет)',
    'следите за (нами|новостями)',
    'присоединяйтесь',
    '(в|на) нашем (telegram|телеграм|max|youtube|дзен)?[- ]?(канале|блоге|паблике|сообществе)',
    'наш (telegram|телеграм|max|youtube)[- ]канал',
    'мы в (telegram|телеграм|max|дзене|соцсетях|социальных сетях|vk|вк)',
    '(скачайте|установите|скачивайте) (наше |наши )?(мобильное )?приложени',
    '(подписаться|подпишитесь) на (нашу )?рассылку|утренн\\S* рассылк|получайте (главные )?новости',
    // English calls name "us"/"our" or a newsletter: "Sign up for a Hulu account" in a deals
    // article is the article's own advice, "Sign up for our newsletter" is the outlet's promo.
    'subscribe (to|for) (us|our)|subscribe (now|today)|(sign up|subscribe) (for|to) (our|the|this|a) .{0,40}(newsletter|briefing|digest|alerts|podcast|channel)',
    '(get|receive) (our|the) .{0,30}(newsletter|briefing)|newsletter.{0,40}(inbox|delivered|every (day|week|morning))|delivered (straight )?to your inbox',
    'follow (us|.{1,40}?) on (telegram|twitter|x|facebook|instagram|google news|whatsapp|threads|bluesky|linkedin|youtube|tiktok|flipboard)',
    'join (us|our .{0,30}) on|we(’|\')re on (telegram|whatsapp)|download (our|the .{0,30}) app|get the .{0,30}app|add .{0,30} to (your )?google news',
  ].join('|'),
);

/** The call opens the block: the shape of a promo line, not of a quote (« … », — said) or a sentence. */
const CALL_OPENS =
  /^(\d{1,2} )?(подписывайтесь|подпишитесь|подпишись|читайте нас|читайте .{0,30} (в|на) (telegram|телеграм|max|дзен|vk|вконтакте)|следите за|присоединяйтесь|все (ключевые|главные|важные) (события|новости)|мы в|скачайте|subscribe to (our|us)|sign up for our|follow us|join us|get our|download our)/;

/**
 * Words of reported speech. A paragraph that cites a channel as its source, or quotes someone
 * urging people to subscribe, is article text even when it contains the call.
 */
const REPORTED_SPEECH =
  /сообщил|сообщает|сообщили|заявил|написал|пишет|рассказал|отметил|призвал|попросил|предложил|говорится|по (его|ее|их) словам|по данным|\bsaid\b|\bsays\b|\bwrote\b|\btold\b|according to|\burged\b|\basked\b/;

/** Where outlets send readers: messengers, social networks, news aggregators and app stores. */
const CHANNEL_HOSTS =
  /(^|\.)(t\.me|telegram\.me|telegram\.org|max\.ru|dzen\.ru|zen\.yandex\.ru|vk\.com|vk\.ru|ok\.ru|youtube\.com|rutube\.ru|twitter\.com|x\.com|facebook\.com|instagram\.com|whatsapp\.com|viber\.com|news\.google\.com|flipboard\.com|apps\.apple\.com|itunes\.apple\.com|play\.google\.com|appgallery\.huawei\.com|rustore\.ru)$/;
const APP_STORES = ['apps.apple.com', 'itunes.apple.com', 'play.google.com', 'appgallery.huawei.com', 'rustore.ru'];
const SUBSCRIBE_HREF = /subscri|newsletter|podpis|rassylk|рассылк|подпис/i;

/** Promo lines are one or two sentences with a link; longer blocks are article text. */
const PROMO_MAX_CHARS = 260;

/**
 * Boxes sites name as promos. A promo line inside one takes the whole box along — its title
 * ("Get the Morning Briefing") and its small print ("By signing up, you agree…") — which
 * the plain wrapper climb would leave behind as orphan lines.
 */
const PROMO_NAMING = /newsletter|subscri|signup|sign-up|(^|[\s_-])(nl|promo|cta)([\s_-]|$)|podpis|rassyl|social-promo|follow-us/;
const PROMO_BOX_MAX_CHARS = 420;

function promoBox(el: Element, stats: PageStats): Element {
  let box = el;
  for (let cur = el.parentElement; cur && cur.tagName !== 'BODY'; cur = cur.parentElement) {
    const s = stats.get(cur);
    if (s.chars > PROMO_BOX_MAX_CHARS || s.h1 || s.prose > 3 || holdsArticle(s, stats.page)) break;
    if (PROMO_NAMING.test(`${classAndId(cur)} ${(cur.getAttribute('data-type') ?? '').toLowerCase()}`)) box = cur;
  }
  return box;
}

/**
 * Labels of "read also" inserts that sites drop between article paragraphs, linking to their
 * own stories. The label is the block's first words, alone or followed by a colon or dash.
 */
const INSERT_LABEL =
  /^(читайте также|читайте еще|читайте тоже|также читайте|читать также|смотрите также|см\. также|по теме|также по теме|материалы по теме|подробнее по теме|related|related stories|related articles|related content|related coverage|read more|read also|also read|read next|see also|more on this( story)?)\s*(:|—|–|-|\.|$)/;

/** Inserts hold one to three links; a longer list is a related-news block (clickbait-sidebars). */
const INSERT_MAX_LINKS = 3;
const INSERT_MAX_CHARS = 400;

/** `input[type=email], input[name*=mail], button`: a sign-up form's controls. */
function isFormControl(el: Element): boolean {
  const tag = upperTag(el);
  if (tag === 'BUTTON') return true;
  if (tag !== 'INPUT') return false;
  return (el.getAttribute('type') ?? '').toLowerCase() === 'email' || (el.getAttribute('name') ?? '').includes('mail');
}

/** `img, svg`. */
const isPicture = tagIn(new Set(['IMG', 'SVG']));

/** `img, figure, video, iframe, table, ul, ol, blockquote`: what a related card never holds and an article's own box may. */
const isCardContent = tagIn(new Set(['IMG', 'FIGURE', 'VIDEO', 'IFRAME', 'TABLE', 'UL', 'OL', 'BLOCKQUOTE']));

function isChannelLink(a: Element, url: URL): boolean {
  const href = a.getAttribute('href');
  const host = linkHost(href, url);
  return (host !== null && CHANNEL_HOSTS.test(host)) || SUBSCRIBE_HREF.test(href ?? '');
}

const QUOTE_OR_CAPTION = new Set(['BLOCKQUOTE', 'Q', 'FIGCAPTION', 'CITE']);

/** `el.closest('blockquote, q, figcaption, cite')`, without a selector engine's cost per call. */
function inQuoteOrCaption(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (QUOTE_OR_CAPTION.has(cur.tagName.toUpperCase())) return true;
  return false;
}

function quote(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * «Подписывайтесь на … в MAX», «Все ключевые события — в нашем канале», "Follow us on …":
 * a short block with the call that either links to a channel (or a subscribe page) or opens
 * with the call, and is not reported speech.
 */
function callsToFollow(ctx: FilterContext, stats: PageStats, blocks: readonly Element[]): FilterMatch[] {
  const matches: FilterMatch[] = [];
  for (const block of blocks) {
    const promo = growWrapper(block, stats, 40, PROMO_MAX_CHARS);
    const s = stats.get(promo);
    if (s.chars > PROMO_MAX_CHARS || holdsArticle(s, stats.page) || inQuoteOrCaption(promo) || stats.holdsByline(promo)) continue;
    const text = normalizeText(visibleText(promo));
    if (!CALL_TO_FOLLOW.test(text) || REPORTED_SPEECH.test(text)) continue;
    const links = descendantsWhere(promo, isLinkWithAddress);
    const channel = links.find((a) => isChannelLink(a, ctx.url));
    const hasForm = hasDescendantWhere(promo, isFormControl);
    if (!channel && !hasForm && !CALL_OPENS.test(text)) continue;
    const where = channel ? ` → ${linkHost(channel.getAttribute('href'), ctx.url) ?? channel.getAttribute('href')}` : '';
    matches.push({ element: promoBox(promo, stats), reason: `text: «${quote(visibleText(promo))}»${where}` });
  }
  return matches;
}

/**
 * `input[type=email], input[name*=email], input[placeholder*=mail], input[placeholder*=почт]`
 * (HTML compares `type` without case, the others with it).
 */
function asksForEmail(input: Element): boolean {
  return (
    (input.getAttribute('type') ?? '').toLowerCase() === 'email' ||
    (input.getAttribute('name') ?? '').includes('email') ||
    /mail|почт/.test(input.getAttribute('placeholder') ?? '')
  );
}

/**
 * Newsletter sign-up boxes: a form with an e-mail field and little text about a newsletter.
 * Comment forms also ask for an e-mail, but have a text area for the comment.
 */
function newsletterForms(stats: PageStats): FilterMatch[] {
  const matches: FilterMatch[] = [];
  for (const input of stats.withTag(['INPUT'], 'document')) {
    if (!asksForEmail(input)) continue;
    const form = input.closest('form') ?? input.parentElement;
    if (!form || form.querySelector('textarea')) continue;
    const box = growWrapper(form, stats, 200, 500);
    const text = normalizeText(visibleText(box));
    if (!/рассылк|newsletter|subscri|подпис|sign up|дайджест|digest|briefing/.test(text)) continue;
    if (holdsArticle(stats.get(box), stats.page)) continue;
    matches.push({ element: box, reason: `newsletter form: «${quote(visibleText(box), 50)}»` });
  }
  return matches;
}

/**
 * App-store badges: a small block of links to app stores that are images or store names.
 * An article sentence that links to an app's store page has text around the link instead.
 */
function appBadges(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const matches: FilterMatch[] = [];
  const seen = new Set<Element>();
  for (const a of stats.withTag(['A'], 'document')) {
    const href = stats.attr(a, 'href');
    if (href === null || !mayLeadTo(href, ctx.url, APP_STORES)) continue;
    const host = stats.hostOf(a);
    if (!host || !onDomain(host, APP_STORES)) continue;
    const block = growWrapper(a, stats, 80, 200);
    if (seen.has(block) || block === a) continue;
    seen.add(block);
    const stores = new Set(
      descendantsWhere(block, isLinkWithAddress)
        .map((link) => stats.hostOf(link))
        .filter((h): h is string => h !== null && onDomain(h, APP_STORES)),
    );
    // One store link is a badge when it is a picture or the block is little but the link.
    const s = stats.get(block);
    const badge = hasDescendantWhere(a, isPicture) || linkShare(s) >= 0.6;
    if (stores.size >= 2 || (badge && s.chars <= 80)) {
      matches.push({ element: block, reason: `app-store badges: ${[...stores].join(', ')}` });
    }
  }
  return matches;
}

/**
 * «Читайте также: …», "Related: …", or a small box titled "Read more" with one to three links
 * to the outlet's other stories, dropped between article paragraphs.
 */
function readAlsoInserts(stats: PageStats, blocks: readonly Element[]): FilterMatch[] {
  const matches: FilterMatch[] = [];
  for (const block of blocks) {
    const labelText = normalizeText(visibleText(block));
    const label = INSERT_LABEL.exec(labelText)?.[0];
    if (!label || inQuoteOrCaption(block)) continue;
    // The label may be the block's title ("Читайте также" over a list): climb to the box
    // that starts with it and adds the links.
    let insert = block;
    for (let cur = block.parentElement; cur && cur.tagName !== 'BODY'; cur = cur.parentElement) {
      const s = stats.get(cur);
      if (s.chars > INSERT_MAX_CHARS || s.links > INSERT_MAX_LINKS || s.h1 || s.prose > 1) break;
      if (!normalizeText(visibleText(cur)).startsWith(labelText.slice(0, 12))) break;
      insert = cur;
    }
    const s = stats.get(insert);
    if (s.links < 1 || s.links > INSERT_MAX_LINKS || s.chars > INSERT_MAX_CHARS) continue;
    const labelChars = label.replace(/\s/g, '').length;
    // A label inside running text («По теме высказался…», "Related: …") makes an insert only
    // when the rest is the linked headlines; a paragraph that begins so has text of its own.
    // A label that is the box's own title may carry a one-line teaser under each headline.
    const titled = insert !== block;
    if (titled ? s.prose > s.links : s.linkChars + labelChars < s.chars * 0.7) continue;
    // A lone "Read more" link is the label itself, often the button that opens the rest of
    // the article; an insert has a headline besides its label.
    if (s.chars < labelChars + 12) continue;
    matches.push({ element: insert, reason: `insert «${quote(visibleText(insert), 60)}» (${s.links} link${s.links > 1 ? 's' : ''})` });
  }
  return matches;
}

/**
 * Related-story cards dropped between paragraphs without a label: a box (not a paragraph,
 * not a list) standing among the article's paragraphs that holds only one to three links to
 * the site's own pages, with headline-length text and at most a rubric name beside them.
 * An article's own standalone link is a paragraph, or points to a document elsewhere.
 */
function relatedCards(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const containers = new Set<Element>();
  for (const p of stats.withTag(['P'], 'document')) {
    if (p.parentElement && stats.get(p).prose > 0) containers.add(p.parentElement);
  }
  const own = ctx.url.hostname.replace(/^www\./, '');
  const matches: FilterMatch[] = [];
  for (const container of containers) {
    for (const card of container.children) {
      if (!/^(DIV|ASIDE|SECTION)$/.test(card.tagName.toUpperCase()) || !sitsAmongProse(card, stats)) continue;
      const s = stats.get(card);
      if (s.links < 1 || s.links > INSERT_MAX_LINKS || s.chars > 220 || s.prose > s.links || linkShare(s) < 0.6) continue;
      const links = descendantsWhere(card, isLinkWithAddress);
      const internal = links.every((a) => stats.hostOf(a) === own && visibleText(a).length >= 20);
      if (!internal || hasDescendantWhere(card, isCardContent)) continue;
      matches.push({ element: card, reason: `related card «${quote(visibleText(card), 60)}»` });
    }
  }
  return matches;
}

export const promoLinks = defineFilter({
  id: 'promo-links',
  label: { en: 'Promo links', ru: 'Промо-ссылки' },
  description: {
    en: 'Removes calls to follow the outlet (Telegram, MAX, Dzen, newsletters, app badges) and “Read also” inserts inside the article.',
    ru: 'Убирает призывы подписаться на издание (Telegram, MAX, Дзен, рассылки, значки приложений) и вставки «Читайте также» в тексте статьи.',
  },
  noun: {
    en: { one: 'promo link', other: 'promo links' },
    ru: { one: 'промо-ссылка', few: 'промо-ссылки', many: 'промо-ссылок' },
  },
  defaultEnabled: true,
  detect(ctx) {
    const body = ctx.body;
    if (!body) return [];
    const stats = pageStats(ctx);
    const blocks = blocksWithText(stats, PROMO_WORDS);
    return outermostOnly([
      ...callsToFollow(ctx, stats, blocks),
      ...newsletterForms(stats),
      ...appBadges(ctx, stats),
      ...readAlsoInserts(stats, blocks),
      ...relatedCards(ctx, stats),
    ]);
  },
});

