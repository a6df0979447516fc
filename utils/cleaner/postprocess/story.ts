/**
 * Where the story's running prose starts and ends inside the article element. Bylines,
 * datelines and section labels sit before it, tags and bios after it; steps use the
 * bounds to keep their text rules away from the middle of the story.
 */
import { linkDensity, visibleText } from '../dom.ts';
import { countWords } from '../text.ts';

/** A paragraph of 80+ characters that is mostly not link text: a sentence of the story. */
export function isProse(el: Element, text = visibleText(el)): boolean {
  return text.length >= 80 && linkDensity(el, text) <= 0.5;
}

export interface StoryMap {
  /** Elements before this document-order index end before the story starts. */
  readonly start: number;
  /** Elements from this index on start after the story ends. */
  readonly end: number;
  /** Document-order index of an element and of its last descendant. */
  span(el: Element): { readonly from: number; readonly to: number };
  before(el: Element): boolean;
  after(el: Element): boolean;
  outside(el: Element): boolean;
  /** Paragraphs of prose that start after the element ends. */
  proseAfter(el: Element): number;
}

const PROSE_TAGS = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'PRE']);

/**
 * One walk numbers every element in document order (linkedom's compareDocumentPosition
 * is wrong for nested nodes, so order is counted here) and finds the first and last
 * paragraph of prose.
 */
export function storyMap(root: Element): StoryMap {
  const from = new Map<Element, number>();
  const to = new Map<Element, number>();
  let index = 0;
  let first: Element | null = null;
  let last: Element | null = null;
  const proseStarts: number[] = [];
  const walk = (el: Element): void => {
    from.set(el, index++);
    if (PROSE_TAGS.has(el.tagName) && isProse(el)) {
      first ??= el;
      last = el;
      proseStarts.push(index - 1);
    }
    for (const child of el.children) walk(child);
    to.set(el, index - 1);
  };
  walk(root);
  // With no prose at all there is no story to be outside of: position rules stay off.
  const start = first ? from.get(first)! : -Infinity;
  const end = last ? to.get(last)! + 1 : Infinity;
  const span = (el: Element) => ({ from: from.get(el) ?? -1, to: to.get(el) ?? -1 });
  const before = (el: Element): boolean => span(el).to < start;
  const after = (el: Element): boolean => span(el).from >= end;
  const proseAfter = (el: Element): number => {
    const to = span(el).to;
    // proseStarts is in document order: find the first start past `to` by bisection.
    let lo = 0;
    let hi = proseStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (proseStarts[mid]! > to) hi = mid;
      else lo = mid + 1;
    }
    return proseStarts.length - lo;
  };
  return { start, end, span, before, after, outside: (el) => before(el) || after(el), proseAfter };
}

export function wordCount(el: Element): number {
  return countWords(visibleText(el));
}
