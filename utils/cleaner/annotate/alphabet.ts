/**
 * The registry's names over plain character classes, and the text mapped to match them.
 *
 * Every compiled name tests "a letter" and "a letter or digit" at its edges and endings
 * (patterns.ts). Written as `\p{L}` and `\p{N}`, each class is expanded by the regex engine to
 * hundreds of ranges whenever a name is built or first run: about 1 ms a name in Chromium,
 * 25-30 ms for the names one page needs, paid on every opening of the popup (each is a fresh
 * page). Written as a class of the letters the names are spelled in (Latin, Cyrillic and the
 * few others the registry uses), they cost next to nothing.
 *
 * The two give the same matches because the text is mapped first, one UTF-16 unit for one,
 * so offsets do not change: a letter outside that class becomes U+0001, which the plain
 * "letter" class holds, a digit outside it U+0002, and every other character stays. A name's
 * own characters all stay, so each one matches exactly where it did; U+0001/U+0002 match no
 * name's character and are read as letter and digit; a U+0001/U+0002 already in the text
 * becomes U+0000, which is neither. A line with a letter or digit outside the BMP (two units,
 * one character) is not mapped: the Unicode-class names run on it as they are.
 */
import type { WordClasses } from './patterns.ts';

const LETTER_STAND_IN = '\u0001';
const DIGIT_STAND_IN = '\u0002';
const NEITHER = '\u0000';

/** The letters and digits kept as they are: the scripts of the registry's names. */
const BASE_LETTERS = 'A-Za-z\\u0410-\\u044f\\u0401\\u0451';
const BASE_DIGITS = '0-9';
const isBaseLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451;
const isBaseDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
/** Every UTF-16 unit but ASCII and the base Cyrillic letters; the stand-ins U+0000-U+0002 are not skipped. */
const OUTSIDE_BASE = /[^\u0003-\u007f\u0401\u0410-\u044f\u0451]/g;

/** What the mapping does with one UTF-16 unit (0: not looked up yet). */
const KEEP = 1;
const LETTER_UNIT = 2;
const DIGIT_UNIT = 3;
const STAND_IN_UNIT = 4;
const HIGH_SURROGATE = 5;

export interface Alphabet {
  /** The classes to compile the names with (`namePatternSource(pattern, classes)`). */
  readonly classes: WordClasses;
  /** The text as those names read it, offsets unchanged; null when the Unicode-class names must run on it. */
  map(text: string): string | null;
}

/**
 * The alphabet for names compiled (with the Unicode classes) to `sources`, or null when a
 * source holds a stand-in character, which would break the mapping.
 */
export function alphabetFor(sources: Iterable<string>): Alphabet | null {
  const kinds = new Uint8Array(0x10000);
  const kindOf = (code: number): number => {
    let kind = kinds[code]!;
    if (kind === 0) {
      if (code === 0 || code === 1 || code === 2) kind = STAND_IN_UNIT;
      else if (code >= 0xd800 && code <= 0xdbff) kind = HIGH_SURROGATE;
      else if (isBaseLetter(code) || isBaseDigit(code)) kind = KEEP;
      else {
        const ch = String.fromCharCode(code);
        kind = LETTER.test(ch) ? LETTER_UNIT : DIGIT.test(ch) ? DIGIT_UNIT : KEEP;
      }
      kinds[code] = kind;
    }
    return kind;
  };

  // A letter or digit a name is spelled with stays itself; the plain classes list it.
  let extraLetters = '';
  let extraDigits = '';
  // Most of the sources' characters are the base ones; a native scan finds the few others.
  for (const source of sources) {
    for (const [unit] of source.matchAll(OUTSIDE_BASE)) {
      const code = unit!.charCodeAt(0);
      const kind = kindOf(code);
      if (kind === STAND_IN_UNIT || kind === HIGH_SURROGATE) return null;
      if (kind === LETTER_UNIT || kind === DIGIT_UNIT) {
        kinds[code] = KEEP;
        const escaped = `\\u{${code.toString(16)}}`;
        if (kind === LETTER_UNIT) extraLetters += escaped;
        else extraDigits += escaped;
      }
    }
  }
  const letters = `${BASE_LETTERS}${extraLetters}\\u0001`;
  const classes: WordClasses = { letter: `[${letters}]`, wordChars: `${BASE_DIGITS}${extraDigits}\\u0002${letters}` };

  const astralCache = new Map<number, boolean>();
  const astralWordChar = (text: string, at: number): boolean => {
    const point = text.codePointAt(at)!;
    let word = astralCache.get(point);
    if (word === undefined) {
      const ch = String.fromCodePoint(point);
      word = /\p{L}|\p{N}/u.test(ch);
      astralCache.set(point, word);
    }
    return word;
  };

  return {
    classes,
    map(text: string): string | null {
      let out = '';
      let copied = 0;
      for (let i = 0; i < text.length; i++) {
        const kind = kindOf(text.charCodeAt(i));
        if (kind === KEEP) continue;
        if (kind === HIGH_SURROGATE) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            if (astralWordChar(text, i)) return null;
            i++;
          }
          // A lone surrogate is no letter or digit: it stays, as every other such unit.
          continue;
        }
        out += text.slice(copied, i) + (kind === LETTER_UNIT ? LETTER_STAND_IN : kind === DIGIT_UNIT ? DIGIT_STAND_IN : NEITHER);
        copied = i + 1;
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
  };
}
