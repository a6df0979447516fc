/**
 * The headline as the page shows it. Readability prefers the metadata title (JSON-LD,
 * og:title, <title>), which outlets dress differently from the page for social cards and
 * search results. The reader checks the popup's title against the headline on the page, so
 * the title is the visible headline (an <h1>, or an <h2> where the template gives <h1> to
 * the logo) that one of the titles the page declares confirms; each way a declared title
 * differs from the headline on the web is one rule below. Together they agree with the
 * fundus-dev headline on 117 of 129 pages (bare Readability 109; letters and digits
 * compared), and on the other 12 the page shows another headline than the card or SEO title
 * fundus recorded; every ru-news-dev and golden title is right:
 * - equal, or equal but for punctuation between a kicker and its headline, which a template
 *   sets as two spans of one heading («Rückbau von Atomkraftwerk» + «Kühltürme von …»);
 * - one part of the heading: a kicker span and a headline span, where the card carries the
 *   headline only (n-tv: og:title "Judy Lybke, ganz und gar nicht eigenartig");
 * - cut short: «Нюша поддержала Putin Team» on the card, «… и поздравила больных детей с
 *   Новым годом» on the page;
 * - the site or the section after it: "… | Sport", "… - Golem.de", "… | DW | 28.04.2023";
 * - a rubric or kicker before it: «Фото: Уикенд в горах…», "WATCH: …". The reader saw the
 *   headline without it, unless the page shows that very kicker right above the heading
 *   (junge Welt: «Nationaler Veteranentag» over «Orden fürs Morden»): then the declared
 *   title is what the reader saw, in one line.
 * The declared titles are tried in Readability's order (JSON-LD headline, then the metas),
 * then og:title, twitter:title and <title>: outlets that put an SEO headline in JSON-LD
 * still show the og:title one (latimes.com, businessinsider.com). A declared title that is
 * the site's own name («Газета «Коммерсантъ»») confirms nothing and is never the title.
 */
import { foldSpaces } from '../page/visible-text.ts';
import { decodeEntities } from './entities.ts';
import { datesNearHeadings } from './dates.ts';

/** Longest headline taken: past this an h1 is a lead or a block, not a title. */
const MAX_HEADLINE = 300;

/** Shorter titles are no evidence: "News" begins headlines of every kind. */
const MIN_TITLE = 12;

/**
 * A rubric before the headline is one to three words («Фото», "WATCH", "Live updates"); four
 * words and a colon are as often a clause of the headline ("What the council decided
 * tonight: …"). A kicker the heading sets as a span of its own may be longer ("Iranischer
 * Angriff auf Israel"), the page having shown it as apart from the headline.
 */
const MAX_RUBRIC_WORDS = 3;
const MAX_KICKER_WORDS = 6;

/** What follows a headline in a declared title: the site, its section, a date. Past this it is more headline. */
const MAX_SUFFIX_WORDS = 8;

/** A heading as the reader sees it. */
export interface Headline {
  readonly text: string;
  /** The texts of its child elements when it has two or more (a kicker span and a headline span). */
  readonly parts: readonly string[];
  /** The last line of the element right before it: a kicker set apart from the heading. */
  readonly kicker: string | null;
  /** The publication date stated right above or under it (extract/dates.ts). */
  readonly date?: string | null;
}

/** The titles the page declares for machines, and its name. */
export interface DeclaredTitles {
  readonly titles: readonly string[];
  readonly siteNames: readonly string[];
}

/**
 * Read before Readability runs, which may remove the headline from the page as a duplicate.
 * <h2> counts too: article templates that give <h1> to the lead or the site logo set the
 * headline in an <h2>; only a text that a declared title confirms is ever taken from here,
 * so a page's other h2s (sections, teasers) do nothing.
 */
export function visibleHeadlines(doc: Document): Headline[] {
  const kept: Element[] = [];
  for (const el of doc.querySelectorAll('h1, h2, [itemprop~="headline"]')) {
    const text = foldSpaces(el.textContent ?? '');
    if (text && text.length <= MAX_HEADLINE && !inTrail(el)) kept.push(el);
  }
  const dates = datesNearHeadings(doc, kept);
  return kept.map((el) => {
    const parts = [...el.children].map((child) => foldSpaces(child.textContent ?? '')).filter(Boolean);
    return { text: foldSpaces(el.textContent ?? ''), parts: parts.length >= 2 ? parts : [], kicker: kickerBefore(el), date: dates.get(el) ?? null };
  });
}

/**
 * A heading inside navigation is the breadcrumb trail's last crumb: templates set the page's
 * title there as an <h1> for search engines (n-tv, businessinsider.de, stuttgarter-zeitung,
 * br.de), often the SEO variant, while the headline the reader sees stands over the story.
 */
function inTrail(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.localName === 'nav' || cur.getAttribute('role') === 'navigation') return true;
    if (/breadcrumb/i.test(cur.getAttribute('class') ?? '') || /BreadcrumbList/.test(cur.getAttribute('itemtype') ?? '')) return true;
  }
  return false;
}

function kickerBefore(el: Element): string | null {
  let leaf = el.previousElementSibling;
  if (!leaf) return null;
  while (leaf.lastElementChild && foldSpaces(leaf.lastElementChild.textContent ?? '')) leaf = leaf.lastElementChild;
  const text = foldSpaces(leaf.textContent ?? '');
  return text && words(text) <= MAX_KICKER_WORDS ? text : null;
}

/** og:title, twitter:title, the title meta, <title>, and the JSON-LD headlines; og:site_name and application-name. */
export function declaredTitles(doc: Document): DeclaredTitles {
  const meta = (selector: string): string[] =>
    [...doc.querySelectorAll(selector)].map((m) => foldSpaces(decodeEntities(m.getAttribute('content') ?? ''))).filter(Boolean);
  const titles = [
    ...meta('meta[property="og:title"], meta[name="og:title"]'),
    ...meta('meta[name="twitter:title"], meta[property="twitter:title"], meta[name="title"]'),
    foldSpaces(decodeEntities(doc.querySelector('head title, title')?.textContent ?? '')),
    ...jsonLdHeadlines(doc),
  ].filter(Boolean);
  return { titles, siteNames: meta('meta[property="og:site_name"], meta[name="application-name"]') };
}

/** Nodes of JSON-LD walked at most: a page's structured data is tens of objects, never thousands. */
const MAX_LD_NODES = 2000;

function jsonLdHeadlines(doc: Document): string[] {
  const found: string[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    for (let seen = 0; stack.length && seen < MAX_LD_NODES; seen++) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const headline = (node as Record<string, unknown>).headline;
        if (typeof headline === 'string') found.push(foldSpaces(decodeEntities(headline)));
        for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
      }
    }
  }
  return found;
}

/** Letters and digits only, lowercased: a title and a heading that differ only in punctuation, spacing or case. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function words(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/**
 * `metadataTitle` is Readability's (entities of structured data may be left in it);
 * `host` the page's, a site name when the page declares none.
 */
export function fullHeadline(metadataTitle: string, headlines: readonly Headline[], declared: DeclaredTitles = { titles: [], siteNames: [] }, host = ''): string {
  const sites = new Set([...declared.siteNames, host.replace(/^www\./, '')].map(key).filter(Boolean));
  const first = foldSpaces(decodeEntities(metadataTitle));
  const candidates = [...new Set([first, ...declared.titles])].filter((c) => c && !sites.has(key(c)));
  const headings = headlines.filter((h) => !sites.has(key(h.text)));
  for (const match of [sameHeadline, sameParts, nearHeadline]) {
    for (const title of candidates) {
      for (const h of headings) {
        const found = match(title, h);
        if (found) return found;
      }
    }
  }
  // Nothing on the page confirms a declared title: Readability's, without the site's name.
  const pick = candidates[0];
  if (pick) return withoutSiteName(pick, sites);
  return headings[0]?.text ?? first;
}

/** The heading, or one part of it (the headline span beside a kicker span). */
function sameHeadline(title: string, h: Headline): string | null {
  if (h.text === title) return title;
  if (title.length < MIN_TITLE) return null;
  if (!h.parts.length && key(h.text) === key(title)) return h.text;
  return h.parts.find((part) => part.length >= MIN_TITLE && key(part) === key(title)) ?? null;
}

/**
 * The whole of a heading in parts, kicker and headline, which the title punctuates and the
 * heading sets as two lines. Tried after every part: a page that declares the headline
 * span alone somewhere calls that its headline.
 */
function sameParts(title: string, h: Headline): string | null {
  return h.parts.length && title.length >= MIN_TITLE && key(h.text) === key(title) ? title : null;
}

/** The heading when the title is it cut short, with the site after it, or with a rubric or kicker before it. */
function nearHeadline(title: string, h: Headline): string | null {
  const cut = title.replace(/[\s.…]+$/u, '');
  if (cut.length < MIN_TITLE) return null;
  // Cut short, with or without a rubric before it («Видео: Пожарные спасли лошадь…»).
  const afterRubric = RUBRIC.exec(cut)?.[1];
  if (startsWithWhole(h.text, cut) || (afterRubric && afterRubric.length >= MIN_TITLE && startsWithWhole(h.text, afterRubric))) return h.text;
  if (h.text.length >= MIN_TITLE && title.startsWith(h.text) && isSuffix(title.slice(h.text.length))) return h.text;
  for (const shown of [h.text, ...h.parts]) {
    if (shown.length < MIN_TITLE || shown.length >= title.length || !title.endsWith(shown)) continue;
    // What stands before the shown headline, if it ends in a separator (kicker: …); read by
    // trimming rather than one pattern, whose spaces could be taken two ways (backtracking).
    const before = title.slice(0, title.length - shown.length).trimEnd();
    const kicker = /[:|–—-]$/u.test(before) ? before.slice(0, -1).trimEnd() : '';
    if (!kicker || words(kicker) > (shown === h.text ? MAX_RUBRIC_WORDS : MAX_KICKER_WORDS)) continue;
    return h.kicker && key(h.kicker) === key(kicker) ? title : shown;
  }
  return null;
}

/** One to three words and a colon, then the rest. */
const RUBRIC = /^[^\s:]+(?:\s+[^\s:]+){0,2}\s*:\s+(\S.*)$/u;

/** `text` is `start` and goes on past a word boundary. */
function startsWithWhole(text: string, start: string): boolean {
  return text.length > start.length && text.startsWith(start) && /^[\s,.:;—–-]/u.test(text.slice(start.length));
}

/** " | Sport", " - Golem.de", " | DW | 28.04.2023": a separator, then a few words. */
function isSuffix(rest: string): boolean {
  const tail = /^\s*[|:–—·•,/-]\s*(\S.*)$/u.exec(rest)?.[1];
  return !!tail && words(tail) <= MAX_SUFFIX_WORDS;
}

function withoutSiteName(title: string, sites: ReadonlySet<string>): string {
  const at = Math.max(title.lastIndexOf(' | '), title.lastIndexOf(' - '), title.lastIndexOf(' – '), title.lastIndexOf(' — '));
  if (at < MIN_TITLE) return title;
  return sites.has(key(title.slice(at + 3))) ? title.slice(0, at).trim() : title;
}

/** The heading the title was taken from, or that the title names whole. */
export function headingOf(title: string, headlines: readonly Headline[]): Headline | undefined {
  return headlines.find((h) => h.text === title || h.parts.includes(title) || (h.text.length >= MIN_TITLE && title.includes(h.text)));
}
