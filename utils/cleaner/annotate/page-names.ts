/**
 * Names the registry does not know, read off the page around a mark: the quoted words before
 * it («Иркутский союз библиофилов»*), else up to three capitalised words in one script
 * («Лев Пономарев*», «Bellingcat* (признан иноагентом)»). Reads at most a name's length back
 * from the mark (a quoted name is under 100 characters, a word under 40), so a page of
 * thousands of marks costs thousands of short reads, not one read of the page per mark.
 */
import { isLatin } from './patterns.ts';
import { CLOSING_QUOTES } from './patterns.ts';
import type { Range } from './coverage.ts';
import { isIn } from './candidates.ts';
import { step } from './work.ts';

/** A mention of an organisation (or person) the registry does not know: keyed by its wording. */
export interface PageName {
  readonly text: string;
  readonly quoted: boolean;
}

const MAX_QUOTED = 100;
const MAX_WORD = 40;

/** A letter or digit; the Latin and Cyrillic ones (most of any Russian page) without a regular expression. */
function isLetterOrDigit(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || (code >= 0x410 && code <= 0x44f)) return true;
  if (code < 0x80) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}
const isNameChar = (ch: string | undefined): boolean => isLetterOrDigit(ch) || ch === '&' || ch === '.' || ch === "'" || ch === '’' || ch === '-';

/**
 * Words for what a person is, which precede a marked name and are capitalised only because a
 * sentence starts with them («Политолог Голубев*», «Журналистка Ветрова (признана иноагентом)»).
 */
const ROLE_NOUN = /^(?:экс-)?(?:политолог|журналист|блогер|активист|правозащитни|адвокат|юрист|депутат|политик|оппозиционер|публицист|социолог|историк|экономист|писател|поэт|художни|режиссер|режиссёр|музыкант|певец|певиц|актер|актёр|актрис|рэпер|ведущ|основател|сооснователь|глава|лидер|руководител|директор|главред|редактор|корреспондент|фотограф|ученый|учёный|бизнесмен|предпринимател|философ|комик|стример|сотрудни|координатор|участни|бывш)\p{L}*$/iu;

/** The quoted name closed by the quotation mark at `close`, if the page quotes one there. */
export function quotedNameEndingAt(text: string, close: number): (Range & PageName) | null {
  const last = text[close];
  if (!isIn(CLOSING_QUOTES, last)) return null;
  const opener = last === '»' ? '«' : last === '“' ? '„' : last!;
  const stop = Math.max(-1, close - MAX_QUOTED - 1);
  let open = -1;
  for (let i = close - 1; i > stop; i--) {
    step();
    // «Легион "Свобода России"»: an inner pair of another kind is part of the name.
    if (text[i] === opener || (opener === '„' && text[i] === '“')) {
      open = i;
      break;
    }
    if (text[i] === last && last === '»') return null;
  }
  if (open < 0) return null;
  const inner = text.slice(open + 1, close);
  if (!/^[\p{Lu}\p{N}]/u.test(inner) && !isLatin(inner.slice(0, 1))) return null;
  return { start: open + 1, end: close, text: inner, quoted: true };
}

/** The last word ending at `end`, at most MAX_WORD characters, or null. */
function wordEndingAt(text: string, end: number): Range | null {
  let start = end;
  while (start > 0 && end - start < MAX_WORD && isNameChar(text[start - 1])) start--;
  step(end - start);
  // A word starts with a letter or digit («.NET» is rare; «-» and «.» join words, never start them).
  while (start < end && !isLetterOrDigit(text[start])) start++;
  return start < end ? { start, end } : null;
}

/**
 * The name a symbol or disclaimer is attached to when the registry does not know it: the
 * quoted words before it, else up to three capitalised words («Лев Пономарев*»,
 * «Bellingcat* (признан иноагентом)») in one script.
 */
export function pageNameBefore(text: string, end: number): (Range & PageName) | null {
  const quoted = quotedNameEndingAt(text, end - 1);
  if (quoted) return quoted;
  if (!isLetterOrDigit(text[end - 1])) return null;
  const words: Range[] = [];
  let pos = end;
  while (words.length < 3) {
    const word = wordEndingAt(text, pos);
    if (!word) break;
    const value = text.slice(word.start, word.end);
    if (!/^[\p{Lu}\p{N}]/u.test(value)) break;
    if (words.length && ROLE_NOUN.test(value)) break;
    if (words.length && isLatin(value) !== isLatin(text.slice(words[0]!.start, words[0]!.end))) break;
    words.unshift(word);
    pos = word.start;
    if (!/^[ \u00a0]$/.test(text[pos - 1] ?? '')) break;
    pos--;
  }
  if (!words.length) return null;
  const start = words[0]!.start;
  return { start, end, text: text.slice(start, end), quoted: false };
}

/**
 * Whether a page-only name is a person: not quoted, two or three capitalised Cyrillic words
 * («Лев Пономарев», «Юрия Дудя»), or one surname after a person's role («политолога Шульман»);
 * or the page's note says so («физическое лицо», «журналист»).
 */
export function looksLikePerson(name: PageName, note: string | null): boolean {
  if (note && /физическ\p{L}*\s+лиц|физлиц|журналист|блогер|политолог|гражданин|гражданка/iu.test(note)) return !name.quoted;
  if (name.quoted || isLatin(name.text)) return false;
  const words = name.text.split(/\s+/u);
  return words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w));
}
