/**
 * Sites name their page parts in class and id attributes ("article__credit",
 * "socialIcon", "c-related-links"). Splitting them into lower-case words lets a step ask
 * "is this called a credit?" without matching "incredible" or "shareholders".
 */

const cache = new WeakMap<Element, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();
/**
 * The words of each class-and-id string: articles repeat a few class names on many elements.
 * Emptied when full, so that a long session of pages cannot grow it without bound.
 */
const byName = new Map<string, ReadonlySet<string>>();
const BY_NAME_MAX = 5000;

export function classWords(el: Element): ReadonlySet<string> {
  let words = cache.get(el);
  if (!words) {
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    // Remembered even when empty: the steps ask about most elements several times each.
    if (!cls && !id) words = NONE;
    else {
      const raw = `${cls ?? ''} ${id ?? ''}`;
      words = byName.get(raw);
      if (!words) {
        words = new Set(
          raw
            .replace(/([a-z])([A-Z])/g, '$1 $2')
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .filter(Boolean),
        );
        if (byName.size >= BY_NAME_MAX) byName.clear();
        byName.set(raw, words);
      }
    }
    cache.set(el, words);
  }
  return words;
}

export function hasClassWord(el: Element, vocabulary: ReadonlySet<string>): boolean {
  for (const word of classWords(el)) if (vocabulary.has(word)) return true;
  return false;
}
