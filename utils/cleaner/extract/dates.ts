/**
 * When the article was published, as a timestamp the popup can show in the reader's own
 * language (components/ArticleView.tsx formats it). Readability reads the date from JSON-LD
 * `datePublished` and the `article:published_time` family of metas, and passes on whatever
 * string the site wrote there ("2023-04-28 18:11:01.0", "20200303T1835+0300"), which a
 * browser's Date may not read. Pages without those metas (Russian outlets above all: lenta.ru,
 * ura.ru, gazeta.ru of the golden and ru-news-dev pages) carry the date next to the headline
 * instead: `<time itemprop="datePublished" datetime="…">`, `<time pubdate>`, or only as the
 * visible dateline «27.08.2018, 18:34». The one nearest the headline is the article's; the
 * other dates on a news page belong to the teasers of other stories, further away.
 */

import { bodyOf } from '../page/elements.ts';

/** Elements looked at before and after the headline: a dateline sits right above or under it, teaser lists do not. */
const BEFORE = 12;
const AFTER = 40;
/** Longest text read as a visible dateline: «20 декабря 2017 в 19:15», "Updated November 15, 2019, 5:00 PM". */
const MAX_DATELINE = 60;

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/iu;

/**
 * Month names by their first three letters, in the languages of the corpora's datelines
 * (Russian in either case, English, German); «мая» and «май» share «ма», hence the two-letter key.
 */
const MONTHS: Readonly<Record<string, number>> = {
  янв: 1, фев: 2, мар: 3, апр: 4, ма: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  mär: 3, mai: 5, okt: 10, dez: 12,
};
const MONTH_WORD = '([A-Za-zА-Яа-яЁёä]{3,10})\\.?';
const DAY_MONTH_YEAR = new RegExp(`(?:^|\\D)(\\d{1,2})\\.?\\s+${MONTH_WORD},?\\s+(\\d{4})(?!\\d)`, 'u');
const MONTH_DAY_YEAR = new RegExp(`${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`, 'u');
const NUMERIC = /(?:^|\D)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u;
const CLOCK = /(?:^|\D)(\d{1,2}):(\d{2})(?!\d)/u;

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  return MONTHS[lower.slice(0, 3)] ?? (lower.startsWith('ма') ? 5 : undefined);
}

const pad = (n: number | string): string => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number): boolean {
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * A timestamp a browser reads the same way everywhere: ISO 8601 with the offset the site
 * gave, or without one (then the page's own local time, as the dateline shows it), or a
 * date alone. Null when the text holds no full date (a bare «16:28», «Вчера»).
 */
export function normalizeDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, m, d, hh, mm, ss, zone] = iso;
    if (!valid(Number(y), Number(m), Number(d))) return null;
    const date = `${y}-${m}-${d}`;
    if (!hh) return date;
    const offset = !zone ? '' : /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return `${date}T${hh}:${mm}:${ss ?? '00'}${offset}`;
  }
  if (value.length > MAX_DATELINE) return null;
  let ymd: [number, number, number] | null = null;
  const numeric = NUMERIC.exec(value);
  const named = DAY_MONTH_YEAR.exec(value);
  const english = MONTH_DAY_YEAR.exec(value);
  if (numeric) ymd = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named && monthOf(named[2]!)) ymd = [Number(named[3]), monthOf(named[2]!)!, Number(named[1])];
  else if (english && monthOf(english[1]!)) ymd = [Number(english[3]), monthOf(english[1]!)!, Number(english[2])];
  if (!ymd || !valid(...ymd)) return null;
  const date = `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}`;
  const clock = CLOCK.exec(value);
  return clock && Number(clock[1]) < 24 ? `${date}T${pad(clock[1]!)}:${clock[2]}` : date;
}

/** A publication date an element states: its datetime/content attribute, or its text when it is a short leaf. */
function dateOf(el: Element): string | null {
  if (/\bdate(Modified|Created)\b/.test(el.getAttribute('itemprop') ?? '')) return null;
  const attr = el.getAttribute('datetime') ?? (/\bdatePublished\b/.test(el.getAttribute('itemprop') ?? '') ? el.getAttribute('content') : null);
  if (attr) {
    const date = normalizeDate(attr);
    if (date) return date;
  }
  if (el.firstElementChild) return null;
  const text = (el.textContent ?? '').trim();
  return text && text.length <= MAX_DATELINE ? normalizeDate(text) : null;
}

/**
 * The date stated nearest each heading (h1, h2 or itemprop=headline), nearer first and after
 * before before at equal distance; read before Readability, which removes datelines.
 */
export function datesNearHeadings(doc: Document, headings: readonly Element[]): Map<Element, string> {
  const found = new Map<Element, string>();
  const body = bodyOf(doc) ?? doc.documentElement;
  if (!headings.length || !body) return found;
  const all = [...body.querySelectorAll('*')];
  const index = new Map(all.map((el, i) => [el, i]));
  for (const heading of headings) {
    const at = index.get(heading);
    if (at === undefined) continue;
    // Above the headline only inside its own header block: what stands before that is the
    // end of the page's preceding lists (teasers with their times), not this story's dateline.
    const grand = heading.parentElement?.parentElement;
    const header = grand && grand !== body && grand !== doc.documentElement ? grand : heading.parentElement;
    for (let step = 1; step <= AFTER; step++) {
      const after = all[at + step];
      const before = step <= BEFORE ? all[at - step] : undefined;
      const date = (after && !heading.contains(after) ? dateOf(after) : null) ?? (before && header?.contains(before) && !before.contains(heading) ? dateOf(before) : null);
      if (date) {
        found.set(heading, date);
        break;
      }
    }
  }
  return found;
}

/**
 * The article's date: the one the page declares for machines (Readability's, from JSON-LD or
 * the metas) in a form every browser reads, else the one stated next to its headline.
 */
export function publicationDate(declared: string | null | undefined, nearHeadline: string | null): string | null {
  const raw = (declared ?? '').trim();
  if (!raw) return nearHeadline;
  return normalizeDate(raw) ?? nearHeadline ?? raw;
}
