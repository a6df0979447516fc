/**
 * The registry's name patterns, compiled to regular expressions.
 *
 * Russian inflects names («Исламское государство», «Исламского государства», «Исламскому
 * государству»), so a pattern is a stem with `*` for the ending. Capitals carry meaning
 * («Исламское государство» is the group, «исламское государство» a form of government;
 * «Правый сектор» the group, «правый сектор» a stand in a stadium), so the first letter of
 * every word is matched exactly and the rest in any case (headlines are sometimes in capitals).
 * Syntax, as documented in banned-orgs.json (`match_syntax`):
 *   word word   words separated by any run of whitespace
 *   stem*       an inflectional ending of up to three lower-case letters
 *   (a|b)  x?   a choice; an optional character or group
 *   \.          a literal dot
 *   "           any quotation mark
 *   [context ]  at the start: words that must precede the name and are not part of it
 */

/** Every quotation mark Russian pages use: «» „“ "" and the typewriter ones. */
export const QUOTES = '«»„“”‟"\'‹›';
export const OPENING_QUOTES = '«„“"\'‹';
export const CLOSING_QUOTES = '»“”"\'›';

const QUOTE_CLASS = `[${QUOTES}]`;
const SPACE = '[\\s\\u00a0]+';
const HYPHEN = '[-\\u2010\\u2011\\u2013]';
/** Russian case endings are at most three letters (-ого, -ами, -ыми); four would reach «Азовское». Any case: headlines in capitals inflect too. */
const ENDING = '\\p{L}{0,3}';
/** A name never starts or ends inside a longer word: «ИГ» is not the start of «ИГИЛовцы». */
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}])';

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** ё is written as е on most pages; a pattern with either accepts both. */
function letterClass(ch: string, exactCase: boolean): string {
  const variants = new Set<string>([ch]);
  if (!exactCase) {
    variants.add(ch.toLowerCase());
    variants.add(ch.toUpperCase());
  }
  for (const v of [...variants]) {
    if (v === 'е') variants.add('ё');
    if (v === 'ё') variants.add('е');
    if (v === 'Е') variants.add('Ё');
    if (v === 'Ё') variants.add('Е');
  }
  return variants.size === 1 ? escapeChar(ch) : `[${[...variants].join('')}]`;
}

/**
 * Translates one pattern body. `wordStart` is whether the next letter begins a word, which
 * decides whether its case is exact; inside a group each alternative starts in the state the
 * group started in.
 */
function translate(source: string, anyCase: boolean): string {
  let out = '';
  let wordStart = true;
  const groupStarts: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[++i] ?? '';
      out += escapeChar(next);
      wordStart = false;
    } else if (ch === ' ') {
      out += SPACE;
      wordStart = true;
    } else if (ch === '*') {
      out += ENDING;
    } else if (ch === '?') {
      out += '?';
    } else if (ch === '(') {
      groupStarts.push(wordStart);
      out += '(?:';
    } else if (ch === '|') {
      out += '|';
      wordStart = groupStarts[groupStarts.length - 1] ?? wordStart;
    } else if (ch === ')') {
      groupStarts.pop();
      out += ')';
    } else if (ch === '"') {
      out += QUOTE_CLASS;
      wordStart = true;
    } else if (ch === '-') {
      out += HYPHEN;
      wordStart = true;
    } else if (/\p{L}/u.test(ch)) {
      out += letterClass(ch, !anyCase && wordStart);
      wordStart = false;
    } else {
      out += escapeChar(ch);
      wordStart = false;
    }
  }
  return out;
}

/** Compiles a registry name pattern to a global, Unicode-aware regular expression. */
export function compileNamePattern(pattern: string): RegExp {
  let body = pattern;
  let context = '';
  const contextMatch = /^\[([^\]]*)\]/.exec(body);
  if (contextMatch) {
    // Context words are ordinary words («батальон», «движение»): any case, sentence-initial included.
    context = `(?<=${BEFORE}${translate(contextMatch[1] ?? '', true)})`;
    body = body.slice(contextMatch[0].length);
  }
  return new RegExp(`${context}${BEFORE}${translate(body, false)}${AFTER}`, 'gu');
}

/** An abbreviation matches only as the whole token, in exactly this case: «ФАС» is not «фас». */
export function compileAbbreviation(abbr: string): RegExp {
  return new RegExp(`${BEFORE}${[...abbr].map(escapeChar).join('')}${AFTER}`, 'gu');
}

/** Index of the `)` closing the group that opens at `open`, skipping escapes and character classes; -1 if none. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A `|` outside every group: the expression's alternatives may start differently. */
function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** One atom at the start of `source`: a literal character or a class without ranges or escapes. */
function readAtom(source: string): { chars: string[]; rest: string } | null {
  if (source.startsWith('[')) {
    const end = source.indexOf(']');
    const inner = source.slice(1, end);
    if (end < 0 || !inner || /[\\^\-]/.test(inner)) return null;
    return { chars: [...inner], rest: source.slice(end + 1) };
  }
  const first = [...source][0];
  if (!first || /[\\()[\]{}|.*+?^$]/.test(first)) return null;
  return { chars: [first], rest: source.slice(first.length) };
}

/** The source after its leading look-behinds, which consume nothing; null when one does not parse. */
function afterLookbehinds(regex: RegExp): string | null {
  if (regex.flags.includes('i') || hasTopLevelAlternative(regex.source)) return null;
  let source = regex.source;
  while (source.startsWith('(?<=') || source.startsWith('(?<!')) {
    const end = groupEnd(source, 0);
    if (end < 0) return null;
    source = source.slice(end + 1);
  }
  return source;
}

/**
 * The characters any match of `regex` starts with, read from its source, or null when the
 * source does not tell (a group, an escape, a range or an optional first character). Every
 * compiled name starts with one letter or a quotation mark after its look-behinds, so a line
 * without any of those characters cannot hold the name and its regular expression need not run.
 */
export function leadingChars(regex: RegExp): readonly string[] | null {
  const source = afterLookbehinds(regex);
  const first = source === null ? null : readAtom(source);
  // A first character that may be absent says nothing about how the match starts.
  if (!first || /^(?:[?*]|\{0)/.test(first.rest)) return null;
  return first.chars;
}

/**
 * The two-character openings any match of `regex` starts with («Ис», «ИС» for «Исламское…»),
 * or null when the source does not tell. Many names share a first letter, and a lower-case
 * one («аль-Каида», «движение ЛГБТ») is in nearly every Russian line; two letters are rare.
 */
export function leadingPairs(regex: RegExp): readonly string[] | null {
  const source = afterLookbehinds(regex);
  const first = source === null ? null : readAtom(source);
  // Either atom repeated or optional would make the second character another one.
  if (!first || /^[?*+{]/.test(first.rest)) return null;
  const second = readAtom(first.rest);
  if (!second || /^[?*+{]/.test(second.rest)) return null;
  return first.chars.flatMap((a) => second.chars.map((b) => a + b));
}

/** Whether the text is in Latin script: a Latin name in Russian prose is a proper name, never a common word. */
export function isLatin(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/\p{Script=Cyrillic}/u.test(text);
}
