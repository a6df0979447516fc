/**
 * Words as the reader counts them: runs of letters and digits (`[\p{L}\p{N}]+`), joined by a
 * single hyphen or apostrophe (`[-'’]`) into one word («северо-запад», "don't").
 *
 * Counted by a loop over the text rather than by that expression. Its Unicode classes cost
 * a regex engine a few milliseconds to build and to run the first time (Chromium expands each
 * to hundreds of ranges), and the popup is a fresh page on every click, so a reader paid that
 * on each opening; post-processing counts the words of every text node. Latin and Cyrillic
 * letters and ASCII digits are known by their codes; any other character is asked of the
 * Unicode classes once, and remembered.
 */

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** One UTF-16 unit's kind, looked up once: 0 not yet, 1 a letter or digit, 2 not. */
const kinds = new Uint8Array(0x10000);
const WORD_UNIT = 1;
const OTHER_UNIT = 2;

function unitKind(code: number): number {
  let kind = kinds[code]!;
  if (kind === 0) {
    kind = WORD_CHARACTER.test(String.fromCharCode(code)) ? WORD_UNIT : OTHER_UNIT;
    kinds[code] = kind;
  }
  return kind;
}

/** Length in UTF-16 units of the letter or digit at `i`, or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return 1;
  if (code >= 0x410 && code <= 0x44f) return 1;
  if (code < 0x80) return 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    // A letter or digit beyond the first 65,536 (𝐀, 𝟙) is two units and one character.
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHARACTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return unitKind(code) === WORD_UNIT ? 1 : 0;
}

const isJoiner = (code: number): boolean => code === 0x2d || code === 0x27 || code === 0x2019;

export function countWords(text: string): number {
  let words = 0;
  let i = 0;
  while (i < text.length) {
    const width = wordCharAt(text, i);
    if (!width) {
      i += 1;
      continue;
    }
    words += 1;
    i += width;
    // The rest of the word: more letters, or a joiner that a letter or digit follows.
    for (;;) {
      const next = i < text.length ? wordCharAt(text, i) : 0;
      if (next) {
        i += next;
        continue;
      }
      if (i + 1 < text.length && isJoiner(text.charCodeAt(i))) {
        const after = wordCharAt(text, i + 1);
        if (after) {
          i += 1 + after;
          continue;
        }
      }
      break;
    }
  }
  return words;
}
