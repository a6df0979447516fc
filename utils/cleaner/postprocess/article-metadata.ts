import { foldSpaces } from '../page/visible-text.ts';
import { classWords } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';
import type { ArticleMeasure } from './measure.ts';

/**
 * Class words of the lines around a headline and under a story: bylines, dates, section
 * labels, tags, reading time, comment counts. The popup shows byline and date above the
 * article itself, from the page's metadata.
 */
const META_WORDS = new Set([
  'byline', 'bylines', 'dateline', 'timestamp', 'timestamps', 'date', 'dates', 'time', 'pubdate', 'published', 'updated', 'posted',
  'meta', 'metadata', 'kicker', 'eyebrow', 'overline', 'label', 'category', 'categories', 'tags', 'tag', 'tagged', 'topics',
  'readtime', 'reading', 'comments', 'comment', 'author', 'authors', 'writer', 'contributor',
]);

/**
 * A line that says when the story came out or changed. "Originally published on …" is
 * left alone: it names where the story comes from, which readers of a reprint want.
 */
const WHEN = /^(updated|posted|published|last updated|modified|обновлено|опубликовано|publicado|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour|diterbitkan|dipublikasikan)\b/i;
/** "By Jane Doe", "Por …", "Von …": a byline, capitalised name after the word. */
const BYLINE = /^(by|por|von|par|di|door|автор|текст)(?:\s*:)?\s+\p{Lu}/u;
/** "5 min read", "Reading time: 3 minutes", "Tempo de leitura: 1 minuto". */
const READING_TIME =
  /^(reading time|read time|tempo de leitura|tiempo de lectura|время чтения|lesezeit|temps de lecture)\b|\b\d+\s*(min|mins|minute|minutes|minuto|minutos|мин|минут[ау]?)\.?\s*(read|reading|de leitura|de lectura|чтения|lesezeit)\b/i;
/** Tags and categories under a story: "Filed under …", "Tags: …", "Posted in …". */
const TAGS = /^(filed under|tags?\s*:|tagged( with)?\s*:?|posted in|categories\s*:|category\s*:|topics?\s*:|темы\s*:|теги\s*:|рубрика\s*:|marcadores\s*:|schlagwörter\s*:)/i;
/** "SOURCE: News agencies" under a wire story. */
const SOURCE = /^((sources?|via|источник|fonte|fuente|quelle)\s*:|via \S+$)/i;
/** "12 comments", "Comments (3)", "View comments". */
const COMMENTS = /^(\d+\s+(comments?|комментари\w*|comentários?|comentarios?)|(view |show |leave a |add a |no )?comments?( \(\d+\))?|комментари\w*( \(\d+\))?)$/i;

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|' +
  'janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|' +
  'enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|' +
  'januar|februar|märz|juni|juli|oktober|dezember|januari|februari|maret|mei|agustus|desember';
const WEEKDAYS =
  'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thurs|thursday|fri|friday|sat|saturday|sun|sunday|' +
  'понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|' +
  'segunda|terça|quarta|quinta|sexta|sábado|domingo|feira|lunes|martes|miércoles|jueves|viernes';
const DATE_TOKEN = new RegExp(`^(${MONTHS}|${WEEKDAYS}|\\d{1,4}(st|nd|rd|th)?|am|pm|a\\.m|p\\.m|[ap]|m|gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|msk|ist|de|at|on|às|в|г|года|um|uhr|le|à)$`, 'i');

export const articleMetadata = definePostStep({
  id: 'article-metadata',
  why:
    'Around the headline and under the story sit lines about the story: who wrote it, when it was posted ' +
    'and updated, its section, tags, reading time, comment count. The popup shows the byline and date in ' +
    'its own header, so inside the body these lines only repeat them or add site furniture.',
  detect({ measure, byline }) {
    const found: PostMatch[] = [];
    const bylineText = foldSpaces(byline ?? '').toLowerCase();
    const story = measure.story;
    for (const el of measure.elements) {
      const words = measure.words(el);
      // Everything here sits around the story, never inside it.
      if (words > 25 || words === 0 || !story.outside(el) || measure.hasMedia(el) || measure.isProse(el)) continue;
      const reason = metadataReason(el, words, measure, bylineText);
      if (reason) found.push({ element: el, reason });
    }
    return found;
  },
});

function metadataReason(el: Element, words: number, m: ArticleMeasure, byline: string): string | null {
  const story = m.story;
  const named = [...classWords(el)].find((w) => META_WORDS.has(w));
  // Named metadata inside the running story is a site's odd naming; around it, it is metadata.
  if (named && words <= 20) return `named "${named}"`;
  if (el.tagName === 'TIME') return 'a <time> outside the story';
  if (!isLine(el, m)) return null;
  const text = m.text(el);
  if (WHEN.test(text)) return 'when the story was posted or updated';
  if (BYLINE.test(text) && words <= 14) return 'a byline';
  if (byline && repeatsByline(text, byline)) return 'repeats the byline';
  if (READING_TIME.test(text)) return 'reading time';
  if (TAGS.test(text)) return 'tags or categories';
  if (story.after(el) && words <= 10 && SOURCE.test(text)) return 'the wire source line';
  if (COMMENTS.test(text)) return 'comment count';
  // A bare number next to the headline or under the story is a counter (views, shares,
  // comments) whose icon did not survive; the story has no one-number lines.
  if (/^\d{1,3}([\s\u00a0\u202f.,]\d{3})*([.,]\d)?\s*[kKmMкКтТ]?$/.test(text)) return 'a bare counter';
  if (isDateLine(text) && !isDateSpan(text)) return 'a date line';
  if (story.before(el) && words <= 2 && m.linkDensity(el) >= 0.9 && !/^H[1-6]$/.test(el.tagName) && linksToSection(el)) return 'a section label';
  return null;
}

/**
 * A self-contained line: a block, or an inline element holding at least half of its short
 * block ("<span>By Jane Roe</span> | <time>…</time>"). A link inside a sentence ("Beauty
 * company <a>Coty</a> is breaking out") is a word of that sentence, not a line.
 */
function isLine(el: Element, m: ArticleMeasure): boolean {
  if (!/^(P|DIV|LI|H[1-6]|SPAN|TIME|SMALL|A|UL|OL|DL|DD|DT|SECTION|HEADER|FOOTER|ASIDE|ADDRESS|FIGCAPTION|STRONG|B|EM|I)$/.test(el.tagName)) return false;
  if (!/^(SPAN|A|STRONG|B|EM|I|SMALL|TIME)$/.test(el.tagName)) return true;
  const parent = el.parentElement;
  if (!parent) return true;
  const own = m.words(el);
  const line = m.words(parent);
  return line <= 25 && line - own <= Math.max(3, own);
}

/** Nothing but a date and a time, in any of the usual orders and languages. */
function isDateLine(text: string): boolean {
  const tokens = text.toLowerCase().split(/[\s,.;:/|·•–—()-]+/u).filter(Boolean);
  if (!tokens.length || tokens.length > 14) return false;
  const dateish = tokens.filter((t) => DATE_TOKEN.test(t));
  const hasYearOrTime = /\b(19|20)\d{2}\b|\b\d{1,2}:\d{2}\b/.test(text);
  return hasYearOrTime && tokens.length - dateish.length <= 1;
}

const MONTH_WORD = new RegExp(`(^|[^\\p{L}])(${MONTHS})([^\\p{L}]|$)`, 'iu');
// A run of spaces is entered at its first character only (the look-behind), so a long one is
// read once, not from every space in it.
const RANGE = /(?<!\s)\s*(?:[–—|]|(?<=\s)-\s|\bto\b|\buntil\b|\bthrough\b|(?<!\p{L})(?:до|по)(?!\p{L}))\s*/iu;

/**
 * "29 November 2018 | 20 January 2019", «15 мая — 20 июня 2024»: when an exhibition, a
 * festival or a conference runs, which its story states for the reader. A timestamp is one
 * date, with a time more often than not; a span is two dates without one.
 */
function isDateSpan(text: string): boolean {
  if (/\d{1,2}:\d{2}/.test(text)) return false;
  const sides = text.split(RANGE).filter((side) => side.trim());
  // Each side only a date: "Nov 18, 2019 | Updated Nov 19, 2019" is a timestamp pair.
  const onlyDate = (side: string) => side.toLowerCase().split(/[\s,.;:/()]+/u).filter(Boolean).every((t) => DATE_TOKEN.test(t));
  const isDate = (side: string) => onlyDate(side) && ((MONTH_WORD.test(side) && /\d/.test(side)) || /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/.test(side));
  return sides.length === 2 && sides.every(isDate);
}

/**
 * The byline again, alone or with the date: "By Jane Doe - 11/18/19 11:04 PM". A line that
 * goes on in words after the name is something else that happens to start with it.
 */
function repeatsByline(text: string, byline: string): boolean {
  const lower = text.toLowerCase();
  const at = lower.startsWith(byline) ? 0 : lower.startsWith(`by ${byline}`) ? 3 : -1;
  if (at < 0) return false;
  const rest = text.slice(at + byline.length).replace(/^[\s|,·•–—-]+/, '');
  return !rest || WHEN.test(rest) || isDateLine(rest);
}

/**
 * A section's address is short ("/entertainment", "/news/world/"); a link to a story or a
 * product has a long slug or an id, and a label that links there is content.
 */
function linksToSection(el: Element): boolean {
  const href = (el.tagName === 'A' ? el : el.querySelector('a[href]'))?.getAttribute('href');
  if (!href) return false;
  try {
    const segments = new URL(href, 'http://x.invalid/').pathname.split('/').filter(Boolean);
    return segments.length <= 2 && segments.every((s) => s.length <= 30 && !/\d{4,}/.test(s));
  } catch {
    return false;
  }
}
