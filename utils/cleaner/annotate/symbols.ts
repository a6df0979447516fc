/**
 * The footnote symbols Russian outlets put after a marked name, and the key a legend gives
 * each one. Stars: the asterisk and every star CMSs and typographers substitute for it (✱ on
 * FAN sites, ✴ on tech sites, also inside product names: «Threads✴», «Meta✴ AI»; ✳ ❋ ٭ and
 * the rest cost nothing to accept), up to three in a run to tell legends apart (*, **, ***).
 * Footnote digits: a superscript (¹ ²) or a digit glued to the name («ИГ2», «WhatsApp1»),
 * which count as a mark only where the page has a legend line for that digit saying what it
 * means; a digit after a name is otherwise ordinary text («м2», «Су-57», «ИГ2» as a model name).
 */
export const STAR_CHARS = '*\u2731\u204e\uff0a\u2217\u2734\u2733\u274b\u066d\u2732\u273b\u273c\u273d\u274a\u2749\u26b9';
export const STAR_RUN = `[${STAR_CHARS.replace('*', '\\*')}]{1,3}`;

export const SUPERSCRIPT_DIGITS = '¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote digit right after a name: one digit 1-9, superscript or plain, not followed by another digit or letter. */
export const FOOTNOTE_DIGIT = `(?:[${SUPERSCRIPT_DIGITS}]|[1-9])(?![\\p{L}\\p{N}])`;

/** Keys of digits are set apart from star counts: 101 is the digit 1, 2 is «**». */
const DIGIT_KEY = 100;

export function isStarChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && STAR_CHARS.includes(ch);
}

/** The legend key of a symbol run: the number of stars, or 100 + the digit. */
export function markKey(run: string): number {
  const first = run[0] ?? '';
  const sup = SUPERSCRIPT_DIGITS.indexOf(first);
  if (sup >= 0) return DIGIT_KEY + sup + 1;
  if (first >= '1' && first <= '9') return DIGIT_KEY + Number(first);
  return [...run].length;
}

export function isDigitKey(key: number): boolean {
  return key > DIGIT_KEY;
}
