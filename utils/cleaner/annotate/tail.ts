/**
 * What follows a name on the page: closing quotes, a footnote symbol, a disclaimer in brackets
 * («(организация запрещена в России)»), an alias in brackets with the symbol after it
 * («(ИГ)*»). Every read is bounded: brackets are looked for within 400 characters, symbols
 * are matched where they stand (sticky expressions), never on a copy of the rest of the line.
 */
import { disclaimerMeaning, noteMeaning, type NoteMeaning } from './marks.ts';
import { CLOSING_QUOTES, OPENING_QUOTES } from './patterns.ts';
import { isIn } from './candidates.ts';
import type { Range } from './coverage.ts';
import { FOOTNOTE_DIGIT, markKey, STAR_RUN } from './symbols.ts';
import { step } from './work.ts';

export const isSpace = (ch: string | undefined): boolean => ch === ' ' || (ch !== undefined && ch !== '' && /[\s\u00a0]/.test(ch));

/** A letter or digit; the Latin and Cyrillic ones without a regular expression. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || (code >= 0x410 && code <= 0x44f)) return true;
  if (code < 0x80) return false;
  return /[\p{L}\p{N}]/u.test(ch);
}

/** Brackets farther than this from their pair are prose, not a disclaimer. */
const BRACKET_REACH = 400;

/** Index of the bracket closing the one at `open`, nesting allowed, or -1. */
export function closingBracket(text: string, open: number): number {
  let depth = 0;
  const stop = Math.min(text.length, open + BRACKET_REACH);
  for (let i = open; i < stop; i++) {
    step();
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the bracket opening the one closed at `close`, or -1. */
export function openingBracket(text: string, close: number): number {
  let depth = 0;
  const stop = Math.max(-1, close - BRACKET_REACH);
  for (let i = close; i > stop; i--) {
    step();
    if (text[i] === ')') depth++;
    else if (text[i] === '(' && --depth === 0) return i;
  }
  return -1;
}

export interface Disclaimer extends Range {
  readonly content: string;
  readonly meaning: NoteMeaning;
  /** What of the brackets leaves the text; an alias the page introduces there («(ИГ)») stays. */
  readonly removals: Range[];
  readonly aliases: Range[];
}

const ALIAS_THEN_STATUS = /^([^,;()]{1,40}?)\s*[,;]\s+(\S[\s\S]*)$/u;
const ABBR_THEN_VERB = /^(\p{Lu}{2,6})\s+(?=(?:признан|запрещ|внес|включ|объявл))/u;

/**
 * An abbreviation or a name the page introduces in brackets («ИГ», «Медуза», «ХТШ»): it
 * starts with a capital or a quotation mark and is a few words at most. «принадлежат
 * компании Meta, которая признана…» is a clause, and goes with the disclaimer.
 */
function looksLikeName(text: string): boolean {
  const t = text.trim();
  return /^[\p{Lu}\p{N}«"„“]/u.test(t) && t.split(/\s+/).length <= 4;
}

export function trimRange(text: string, start: number, end: number): Range | null {
  let s = start;
  let e = end;
  while (s < e && (isSpace(text[s]) || isIn(OPENING_QUOTES, text[s]))) s++;
  while (e > s && (isSpace(text[e - 1]) || isIn(CLOSING_QUOTES, text[e - 1]))) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * Reads brackets at `open` as a disclaimer. «(ИГ, запрещена в России)» and «(ИГ (организация
 * запрещена в России))» introduce an abbreviation as well: the abbreviation stays in the text
 * («(ИГ)»), only the disclaimer goes.
 */
export function readDisclaimer(text: string, open: number): Disclaimer | null {
  const close = closingBracket(text, open);
  if (close < 0) return null;
  const content = text.slice(open + 1, close);
  const meaning = disclaimerMeaning(content);
  if (!meaning) return null;
  let cut = open;
  while (cut > 0 && isSpace(text[cut - 1])) cut--;
  const whole: Disclaimer = { start: cut, end: close + 1, content, meaning, removals: [{ start: cut, end: close + 1 }], aliases: [] };

  const innerOpen = content.indexOf('(');
  if (innerOpen > 0) {
    const innerClose = closingBracket(content, innerOpen);
    const outer = content.slice(0, innerOpen) + content.slice(innerClose + 1);
    if (innerClose > innerOpen && !noteMeaning(outer) && outer.trim()) {
      let from = open + 1 + innerOpen;
      while (from > open + 1 && isSpace(text[from - 1])) from--;
      const alias = trimRange(text, open + 1, open + 1 + innerOpen);
      return { ...whole, content: content.slice(innerOpen + 1, innerClose), removals: [{ start: from, end: open + 2 + innerClose }], aliases: alias ? [alias] : [] };
    }
  }
  const aliasComma = ALIAS_THEN_STATUS.exec(content);
  if (aliasComma && looksLikeName(aliasComma[1]!) && !noteMeaning(aliasComma[1]!) && noteMeaning(aliasComma[2]!)) {
    const aliasEnd = open + 1 + aliasComma[1]!.length;
    const alias = trimRange(text, open + 1, aliasEnd);
    return { ...whole, content: aliasComma[2]!, removals: [{ start: aliasEnd, end: close }], aliases: alias ? [alias] : [] };
  }
  const abbr = ABBR_THEN_VERB.exec(content);
  if (abbr) {
    const aliasEnd = open + 1 + abbr[1]!.length;
    return { ...whole, removals: [{ start: aliasEnd, end: close }], aliases: [{ start: open + 1, end: aliasEnd }] };
  }
  return whole;
}

export interface Tail {
  readonly end: number;
  /** The symbol's legend key (markKey), or null. */
  readonly key: number | null;
  readonly starRange: Range | null;
  readonly disclaimer: Disclaimer | null;
  readonly removals: Range[];
  readonly aliases: Range[];
}

const STAR_AT = new RegExp(STAR_RUN, 'uy');
const DIGIT_AT = new RegExp(FOOTNOTE_DIGIT, 'uy');

/** The symbol run at `pos`, if one stands there. */
export function symbolAt(text: string, pos: number, digits: boolean): string | null {
  STAR_AT.lastIndex = pos;
  const star = STAR_AT.exec(text);
  if (star) return star[0];
  if (!digits) return null;
  DIGIT_AT.lastIndex = pos;
  return DIGIT_AT.exec(text)?.[0] ?? null;
}

/**
 * What follows a name ending at `nameEnd`, or null when nothing marks it. `digits`: whether a
 * footnote digit right after the name counts (only where the page's legend explains it).
 */
export function readTail(text: string, nameEnd: number, digits: boolean): Tail | null {
  let pos = nameEnd;
  let key: number | null = null;
  let starRange: Range | null = null;
  let disclaimer: Disclaimer | null = null;
  const removals: Range[] = [];
  const aliases: Range[] = [];
  const skipQuotes = (): void => {
    for (let n = 0; n < 2 && isIn(CLOSING_QUOTES, text[pos]) && text[pos] !== "'"; n++) pos++;
  };
  const takeSymbol = (glued: boolean): boolean => {
    const run = key === null ? symbolAt(text, pos, digits && glued) : null;
    if (!run) return false;
    key = markKey(run);
    starRange = { start: pos, end: pos + run.length };
    removals.push(starRange);
    pos += run.length;
    return true;
  };
  skipQuotes();
  takeSymbol(true);
  skipQuotes();
  // Up to two disclaimers: «Корпорация Meta (запрещена в РФ) (запрещена по решению властей РФ)».
  for (let round = 0; round < 2; round++) {
    let gap = pos;
    while (isSpace(text[gap]) && gap - pos < 3) gap++;
    if (text[gap] !== '(' || gap - pos > 2) break;
    const found = readDisclaimer(text, gap);
    if (found) {
      const previous = disclaimer as Disclaimer | null;
      disclaimer = previous ? { ...previous, content: `${previous.content}; ${found.content}`, end: found.end } : found;
      removals.push(...found.removals);
      aliases.push(...found.aliases);
      pos = found.end;
      skipQuotes();
      takeSymbol(false);
    } else if (key === null && round === 0) {
      // «Исламское государство» (ИГ)* — an alias in brackets, then the symbol for both.
      const close = closingBracket(text, gap);
      const after = close > 0 ? symbolAt(text, close + 1, false) : null;
      const alias = close > 0 ? trimRange(text, gap + 1, close) : null;
      if (after && alias && alias.end - alias.start <= 40) {
        aliases.push(alias);
        pos = close + 1;
        takeSymbol(false);
      }
      break;
    } else break;
  }
  if (key === null && !disclaimer) return null;
  return { end: pos, key, starRange, disclaimer, removals, aliases };
}
