/**
 * Text as a reader sees it: whitespace folded (typographic spaces included), the text of an
 * element without script, style and template contents, text normalized for phrase matching,
 * and a count of visible characters. Same in browsers, jsdom and linkedom: nothing here uses
 * `innerText` or layout, which linkedom lacks.
 */

const SPACES = /[\s\u00a0\u2009\u202f\u200b\ufeff]+/g;

/** Folds every run of whitespace, the typographic spaces included, to one space. */
export function foldSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text a reader would see in `el`: script, style and template contents excluded, spaces folded.
 * With `atLeast`, reading may stop once the text is sure to run past that many characters
 * (a preview of a whole site footer needs only its start); the result is then longer than
 * `atLeast` but not the whole text.
 */
export function visibleText(el: Element, atLeast = Infinity): string {
  let out = '';
  // Folding can shrink a text without bound (a run of spaces becomes one), so the folded
  // length is checked, at doubling raw lengths to keep the checks linear in all.
  let nextCheck = atLeast;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += child.nodeValue ?? '';
        if (out.length > nextCheck) {
          if (foldSpaces(out).length > atLeast) return true;
          nextCheck = 2 * out.length;
        }
      } else if (child.nodeType === 1 && !INVISIBLE_TAGS.has((child as Element).tagName.toUpperCase())) {
        out += ' ';
        if (walk(child)) return true;
      }
    }
    return false;
  };
  walk(el);
  return foldSpaces(out);
}

/** Text in one form for matching phrases: lower case, ё as е, spaces folded. */
export function normalizeText(text: string): string {
  return foldSpaces(text).toLowerCase().replace(/ё/g, 'е');
}

export function countVisibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff)) n += 1;
  }
  return n;
}
