/**
 * Where the story's running prose starts and ends inside the article element. Bylines,
 * datelines and section labels sit before it, tags and bios after it; steps use the
 * bounds to keep their text rules away from the middle of the story.
 */
import type { ArticleMeasure } from './measure.ts';

export interface StoryMap {
  /** Ends before the first paragraph of prose. */
  before(el: Element): boolean;
  /** Starts after the last paragraph of prose. */
  after(el: Element): boolean;
  outside(el: Element): boolean;
  /** Paragraphs of prose that start after the element ends. */
  proseAfter(el: Element): number;
}

const PROSE_TAGS = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'PRE']);

/**
 * Numbers every element in document order (linkedom's compareDocumentPosition is wrong for
 * nested nodes, so order is counted here) and finds the paragraphs of prose.
 */
export function storyMap(root: Element, measure: ArticleMeasure): StoryMap {
  const from = new Map<Element, number>();
  const to = new Map<Element, number>();
  const proseStarts: number[] = [];
  let lastProse: Element | null = null;
  let index = 0;
  const walk = (el: Element): void => {
    from.set(el, index++);
    if (PROSE_TAGS.has(el.tagName) && measure.isProse(el)) {
      proseStarts.push(index - 1);
      lastProse = el;
    }
    for (const child of el.children) walk(child);
    to.set(el, index - 1);
  };
  walk(root);
  // With no prose at all there is no story to be outside of: position rules stay off.
  const start = proseStarts.length ? proseStarts[0]! : -Infinity;
  const end = lastProse ? to.get(lastProse)! + 1 : Infinity;
  const before = (el: Element): boolean => (to.get(el) ?? Infinity) < start;
  const after = (el: Element): boolean => (from.get(el) ?? -Infinity) >= end;
  const proseAfter = (el: Element): number => {
    const last = to.get(el) ?? Infinity;
    // proseStarts is in document order: find the first start past the element by bisection.
    let lo = 0;
    let hi = proseStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (proseStarts[mid]! > last) hi = mid;
      else lo = mid + 1;
    }
    return proseStarts.length - lo;
  };
  return { before, after, outside: (el) => before(el) || after(el), proseAfter };
}
