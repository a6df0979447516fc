/**
 * Cookie and consent notices: the consent platforms' banners (consent-platforms.ts) and the
 * notices sites write themselves, found by their wording, an answer button or notice markup.
 */
import { descendantsWhere, describeElement, isInside, outermostOnly, upperTag } from '../../page/elements.ts';
import { normalizeText, visibleText } from '../../page/visible-text.ts';
import type { PageStats } from '../../page/stats.ts';
import { pageStats } from '../../page/walk.ts';
import { blocksWithText, growWrapper, holdsArticle } from '../../page/blocks.ts';
import type { FilterContext, FilterMatch } from '../../types.ts';
import { defineFilter } from './define.ts';
import { consentSelectorMatches } from '../consent-platforms.ts';

/** Cheap first look at text nodes: the words every cookie or personal-data notice uses. */
const NOTICE_WORDS = /cookie|куки|персональн|consent|gdpr|privacy|конфиденциальн/i;

/**
 * What the notice is about. A notice names cookies, or the processing of personal data that
 * Russian law (152-ФЗ) makes sites announce; "privacy" alone is every footer's link.
 * (`\b` only knows Latin letters, so the Russian word gets its own boundary.)
 */
// Word endings and the word between are bounded ({0,12}, {1,30}): `\S*` rescanned a long
// run of letters from every start in it.
const COOKIE_TOPIC =
  /\bcookies?\b|(^|[^а-я])куки|файл\S{0,12} cookie|персональн\S{0,12} данн|обработк\S{0,12} (ваших )?данн|tracking technolog|similar technolog|метрическ\S{0,12} программ|яндекс\.?\s?метрик/;

/**
 * How a notice talks to the reader, as opposed to an article that talks about cookies: it
 * says that this site uses them and that staying on it means agreeing.
 */
const NOTICE_PHRASING =
  // eslint-disable-next-line redos/no-vulnerable -- quadratic at worst (recheck), not exponential: the word parts are bounded ({0,12}, {1,30})
  /(мы|сайт|сайте|портал|ресурс)\S{0,12} (\S{1,30} )?(использу|применя|собира|обрабатыва)|используются|использует|продолжая|оставаясь на|вы (даете|соглашаетесь|принимаете)|согласие на|we use|this (site|website) uses|our (site|website) uses|uses cookies|by (continuing|using|clicking|browsing)|you (agree|consent|accept)|accept|allow|manage (cookie|consent|preferences)|cookie settings|настро\S* cookie/;

/** Labels of the buttons that answer a notice. Whole-label matches only: "Ok" inside a sentence is not a button. */
const ANSWER_LABEL =
  /^(ok|ок|окей|okay|ok!|хорошо|понятно|понял|понятно, спасибо|ясно|принять|принять все|принять всё|принимаю|я согласен|я согласна|согласен|согласна|согласиться|соглашаюсь|да, согласен|закрыть|продолжить|accept|accept all|accept all cookies|accept cookies|i accept|agree|i agree|agree and close|got it|allow|allow all|allow cookies|close|dismiss|continue|yes|×|✕|✖|x)[.!]?$/;

/** An icon-only answer: a close or accept control named only by its class or aria-label. */
const ANSWER_HINT = /close|закрыть|accept|agree|dismiss|принять|соглас/;

/**
 * Markup of a notice rather than of text: its own naming (cookie, consent, gdpr, notice,
 * banner, popup, toast…), a dialog role, or inline fixed positioning. Checked on the block and
 * its two nearest ancestors, because the naming often sits on a wrapper.
 */
const NOTICE_MARKUP = /cookie|consent|gdpr|privacy|notice|notification|banner|popup|pop-up|modal|dialog|alert|toast|snackbar|overlay|disclaimer|warning|informer|(^|[\s_-])(bar|fixed|sticky|bottom)($|[\s_-])/;

/** Home-grown notices are a sentence or two and a button; longer text is a policy page or an article. */
const NOTICE_MAX_CHARS = 600;

const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SPAN', 'DIV', 'LABEL']);

/** `button, [role=button], input[type=button], input[type=submit], a, span, div, label`. */
function isControlLike(el: Element): boolean {
  const tag = upperTag(el);
  if (CONTROL_TAGS.has(tag) || el.getAttribute('role') === 'button') return true;
  const type = tag === 'INPUT' ? (el.getAttribute('type') ?? '').toLowerCase() : '';
  return type === 'button' || type === 'submit';
}

function answerControl(block: Element): string | null {
  for (const el of descendantsWhere(block, isControlLike)) {
    const label = el.tagName.toUpperCase() === 'INPUT' ? normalizeText(el.getAttribute('value') ?? '') : normalizeText(visibleText(el));
    if (label && label.length <= 30 && ANSWER_LABEL.test(label)) return `«${foldLabel(el)}»`;
    if (!label && ANSWER_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`.toLowerCase())) {
      return describeElement(el);
    }
  }
  return null;
}

function foldLabel(el: Element): string {
  return el.tagName.toUpperCase() === 'INPUT' ? (el.getAttribute('value') ?? '').trim() : visibleText(el);
}

function noticeMarkup(block: Element): string | null {
  let el: Element | null = block;
  for (let depth = 0; el && depth < 3 && el.tagName !== 'BODY'; depth += 1, el = el.parentElement) {
    const naming = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('aria-label') ?? ''}`.toLowerCase();
    const role = el.getAttribute('role') ?? '';
    // A snapshot carries style="…" as data-declutter-style (entrypoints/content/handlers.ts).
    const style = (el.getAttribute('style') ?? el.getAttribute('data-declutter-style') ?? '').toLowerCase();
    if (NOTICE_MARKUP.test(naming) || /dialog|alert/.test(role) || /position:\s*(fixed|sticky)/.test(style) || el.tagName === 'DIALOG') {
      return describeElement(el);
    }
  }
  return null;
}

const QUOTE_TAGS = new Set(['BLOCKQUOTE', 'Q', 'FIGCAPTION']);

/** `el.closest('article p, blockquote, q, figcaption, [itemprop=articleBody] p') !== null`. */
function inQuoteOrArticleParagraph(el: Element, stats: PageStats): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const tag = upperTag(cur);
    if (QUOTE_TAGS.has(tag)) return true;
    if (tag === 'P' && cur.parentElement && stats.inArticleElement(cur.parentElement)) return true;
  }
  return false;
}

function quote(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Home-grown notices (most Russian sites write their own): a SMALL block whose text is about
 * cookies or personal data, phrased as a notice to the reader, that either has an answer
 * button or is marked up as a bar or dialog. An article paragraph about the EU cookie law
 * has neither the phrasing plus a button nor notice markup, and is usually far longer.
 */
function homeGrownNotices(ctx: FilterContext, stats: PageStats, taken: readonly Element[]): FilterMatch[] {
  const body = ctx.body;
  if (!body) return [];
  const matches: FilterMatch[] = [];
  const seen = new Set<Element>();
  for (const block of blocksWithText(stats, NOTICE_WORDS)) {
    const notice = growWrapper(block, stats, 60, NOTICE_MAX_CHARS);
    if (seen.has(notice) || taken.some((t) => isInside(notice, t))) continue;
    seen.add(notice);
    const s = stats.get(notice);
    if (s.chars > NOTICE_MAX_CHARS || holdsArticle(s, stats.page) || s.prose > 1) continue;
    if (inQuoteOrArticleParagraph(notice, stats)) continue;
    const text = normalizeText(visibleText(notice));
    if (!COOKIE_TOPIC.test(text) || !NOTICE_PHRASING.test(text)) continue;
    const control = answerControl(notice);
    const markup = control ? null : noticeMarkup(notice);
    if (!control && !markup) continue;
    const shown = quote(visibleText(notice));
    matches.push({ element: notice, reason: control ? `notice text «${shown}» with button ${control}` : `notice text «${shown}» in ${markup}` });
  }
  return matches;
}

export const cookieBanners = defineFilter({
  id: 'cookie-banners',
  label: { en: 'Cookie and consent notices', ru: 'Уведомления о cookies' },
  description: {
    en: 'Removes cookie and consent banners: consent platforms (OneTrust, Cookiebot, Didomi…) and sites’ own “we use cookies” bars.',
    ru: 'Убирает баннеры о cookies и согласии на обработку данных: окна платформ согласия и собственные плашки сайтов «мы используем cookies».',
  },
  noun: {
    en: { one: 'cookie notice', other: 'cookie notices' },
    ru: { one: 'уведомление о cookies', few: 'уведомления о cookies', many: 'уведомлений о cookies' },
  },
  defaultEnabled: true,
  detect(ctx) {
    const stats = pageStats(ctx);
    const bySelector = outermostOnly(consentSelectorMatches(ctx, stats));
    return outermostOnly([...bySelector, ...homeGrownNotices(ctx, stats, bySelector.map((m) => m.element))]);
  },
});
