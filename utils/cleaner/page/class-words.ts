/**
 * Sites name their page parts in class and id attributes ("article__credit",
 * "socialIcon", "c-related-links"). Splitting them into lower-case words lets a step ask
 * "is this called a credit?" without matching "incredible" or "shareholders".
 */

import { memoByString } from './memo.ts';

const cache = new WeakMap<Element, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();
/** The words of each class-and-id string: articles repeat a few class names on many elements. */
const wordsOf = memoByString(
  (raw): ReadonlySet<string> =>
    new Set(
      raw
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    ),
  5000,
);

export function classWords(el: Element): ReadonlySet<string> {
  let words = cache.get(el);
  if (!words) {
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    // Remembered even when empty: the steps ask about most elements several times each.
    if (!cls && !id) words = NONE;
    else words = wordsOf(`${cls ?? ''} ${id ?? ''}`);
    cache.set(el, words);
  }
  return words;
}

export function hasClassWord(el: Element, vocabulary: ReadonlySet<string>): boolean {
  for (const word of classWords(el)) if (vocabulary.has(word)) return true;
  return false;
}
