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

/**
 * How a compiled name says "a letter" and "a letter or digit". `UNICODE_CLASSES` is the
 * definition; alphabet.ts builds the same names over plain classes, which a browser compiles
 * a hundred times faster, for the text it has mapped to match them.
 */
export interface WordClasses {
  /** Any letter (`\p{L}`). */
  readonly letter: string;
  /** A class of any letter or digit (`[\p{L}\p{N}]`), without its brackets. */
  readonly wordChars: string;
}

export const UNICODE_CLASSES: WordClasses = { letter: '\\p{L}', wordChars: '\\p{L}\\p{N}' };

/** Russian case endings are at most three letters (-ого, -ами, -ыми); four would reach «Азовское». Any case: headlines in capitals inflect too. */
const ending = (cls: WordClasses): string => `${cls.letter}{0,3}`;
/** A name never starts or ends inside a longer word: «ИГ» is not the start of «ИГИЛовцы». */
const before = (cls: WordClasses): string => `(?<![${cls.wordChars}_])`;
const after = (cls: WordClasses): string => `(?![${cls.wordChars}])`;

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** ё is written as е on most pages; a pattern with either accepts both. */
const YO: Readonly<Record<string, string>> = { е: 'ё', ё: 'е', Е: 'Ё', Ё: 'Е' };

function letterClass(ch: string, exactCase: boolean): string {
  const variants = [ch];
  const add = (v: string): void => {
    if (!variants.includes(v)) variants.push(v);
  };
  if (!exactCase) {
    add(ch.toLowerCase());
    add(ch.toUpperCase());
  }
  for (let i = 0, n = variants.length; i < n; i++) {
    const yo = YO[variants[i]!];
    if (yo) add(yo);
  }
  return variants.length === 1 ? escapeChar(ch) : `[${variants.join('')}]`;
}

/**
 * The ~200 names are translated in every fresh popup, character by character, out of a few
 * dozen distinct characters: each one's translation is worked out once (the letter test and
 * case mapping are slow calls in a page that has not run them yet).
 */
const exactCaseChars = new Map<string, string>();
const anyCaseChars = new Map<string, string>();

/** A character that is not syntax: a letter's class (see `letterClass`), anything else escaped. */
function plainChar(ch: string, exactCase: boolean): string {
  const known = exactCase ? exactCaseChars : anyCaseChars;
  let out = known.get(ch);
  if (out === undefined) {
    out = /\p{L}/u.test(ch) ? letterClass(ch, exactCase) : escapeChar(ch);
    known.set(ch, out);
  }
  return out;
}

/**
 * Translates one pattern body. `wordStart` is whether the next letter begins a word, which
 * decides whether its case is exact; inside a group each alternative starts in the state the
 * group started in.
 */
function translate(source: string, anyCase: boolean, cls: WordClasses): string {
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
      out += ending(cls);
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
    } else {
      out += plainChar(ch, !anyCase && wordStart);
      wordStart = false;
    }
  }
  return out;
}

/** The flags of every compiled name: global (a line is searched for every match), Unicode-aware (`\p{L}`). */
export const PATTERN_FLAGS = 'gu';

/** The regular expression source of a registry name pattern (see `compileNamePattern`). */
export function namePatternSource(pattern: string, cls: WordClasses = UNICODE_CLASSES): string {
  let body = pattern;
  let context = '';
  const contextMatch = /^\[([^\]]*)\]/.exec(body);
  if (contextMatch) {
    // Context words are ordinary words («батальон», «движение»): any case, sentence-initial included.
    context = `(?<=${before(cls)}${translate(contextMatch[1] ?? '', true, cls)})`;
    body = body.slice(contextMatch[0].length);
  }
  return `${context}${before(cls)}${translate(body, false, cls)}${after(cls)}`;
}

/** The regular expression source of an abbreviation (see `compileAbbreviation`). */
export function abbreviationSource(abbr: string, cls: WordClasses = UNICODE_CLASSES): string {
  return `${before(cls)}${[...abbr].map(escapeChar).join('')}${after(cls)}`;
}

/** Compiles a registry name pattern to a global, Unicode-aware regular expression. */
export function compileNamePattern(pattern: string): RegExp {
  return new RegExp(namePatternSource(pattern), PATTERN_FLAGS);
}

/** An abbreviation matches only as the whole token, in exactly this case: «ФАС» is not «фас». */
export function compileAbbreviation(abbr: string): RegExp {
  return new RegExp(abbreviationSource(abbr), PATTERN_FLAGS);
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
  if (!source.includes('|')) return false;
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
  const point = source.codePointAt(0);
  const first = point === undefined ? '' : String.fromCodePoint(point);
  if (!first || /[\\()[\]{}|.*+?^$]/.test(first)) return null;
  return { chars: [first], rest: source.slice(first.length) };
}

/**
 * A regular expression as its source and flags: a compiled one, or one not compiled yet (the
 * registry reads how its names start without compiling them; see registry.ts).
 */
export interface RegexText {
  readonly source: string;
  readonly flags: string;
}

/** The source after its leading look-behinds, which consume nothing; null when one does not parse. */
function afterLookbehinds(regex: RegexText): string | null {
  if (regex.flags.includes('i') || hasTopLevelAlternative(regex.source)) return null;
  let source = regex.source;
  while (source.startsWith('(?<=') || source.startsWith('(?<!')) {
    const end = groupEnd(source, 0);
    if (end < 0) return null;
    source = source.slice(end + 1);
  }
  return source;
}

export interface Openings {
  /**
   * The characters any match starts with, or null when the source does not tell (a group, an
   * escape, a range or an optional first character). Every compiled name starts with one
   * letter or a quotation mark after its look-behinds, so a line without any of those
   * characters cannot hold the name and its regular expression need not run.
   */
  readonly leading: readonly string[] | null;
  /**
   * The two-character openings any match starts with («Ис», «ИС» for «Исламское…»), or null
   * when the source does not tell. Many names share a first letter, and a lower-case one
   * («аль-Каида», «движение ЛГБТ») is in nearly every Russian line; two letters are rare.
   */
  readonly pairs: readonly string[] | null;
}

/** How any match of `regex` starts, read from its source. */
export function openings(regex: RegexText): Openings {
  const source = afterLookbehinds(regex);
  const first = source === null ? null : readAtom(source);
  // A first character that may be absent says nothing about how the match starts.
  const leading = !first || /^(?:[?*]|\{0)/.test(first.rest) ? null : first.chars;
  // Either atom repeated or optional would make the second character another one.
  const second = !first || /^[?*+{]/.test(first.rest) ? null : readAtom(first.rest);
  const pairs = !first || !second || /^[?*+{]/.test(second.rest) ? null : first.chars.flatMap((a) => second.chars.map((b) => a + b));
  return { leading, pairs };
}

/** Whether the text is in Latin script: a Latin name in Russian prose is a proper name, never a common word. */
export function isLatin(text: string): boolean {
  return /\p{Script=Latin}/u.test(text) && !/\p{Script=Cyrillic}/u.test(text);
}
