/**
 * Russian typesetting rules a Russian reader notices when they are broken: a one- or
 * two-letter word (в, с, о, и, на, по, не…) never ends a line, it travels with the word
 * after it; and a spaced dash never starts a line. Both are done by turning one ordinary
 * space into a no-break space, which keeps every string the same length, so offsets into
 * it (the annotator's title spans) stay valid.
 */
const SHORT_WORD_SPACE = /(?<=(?:^|[\s\u00a0(«„"'])[а-яёіїєґ]{1,2}) (?=\S)/giu;
const SPACE_BEFORE_DASH = / (?=[—–] )/g;

export function bindShortWords(text: string): string {
  return text.replace(SHORT_WORD_SPACE, '\u00a0').replace(SPACE_BEFORE_DASH, '\u00a0');
}

/** Applies bindShortWords to every text node of an article fragment, code excepted. */
export function typesetFragment(root: DocumentFragment | Element): void {
  const doc = root.ownerDocument ?? (root as unknown as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('pre, code')) continue;
    const value = node.nodeValue ?? '';
    const set = bindShortWords(value);
    if (set !== value) node.nodeValue = set;
  }
}
