/**
 * Where the story's running prose starts and ends inside the article element. Bylines,
 * datelines and section labels sit before it, tags and bios after it; steps use the
 * bounds to keep their text rules away from the middle of the story.
 */

/**
 * What the map reads of the article: the counts `ArticleMeasure` (measure.ts) keeps, which
 * builds this map and passes itself. Named here so that story.ts imports nothing back from
 * measure.ts: the two would otherwise import each other.
 */
export interface StoryReading {
  words(el: Element): number;
  length(el: Element): number;
  hasMedia(el: Element): boolean;
  isProse(el: Element): boolean;
  within(el: Element, tags: ReadonlySet<string>): boolean;
}

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
const FIGCAPTION = new Set(['FIGCAPTION']);
/** Longer than any caption a picture carries: such a paragraph is the story's own. */
const CAPTION_MAX_WORDS = 60;

/**
 * A picture's caption, even after Readability has made it a <p>: inside a figcaption, or the one
 * text of a block whose other children are pictures (`<div class="image"><img><p>In this
 * file photo…</p></div>`, the common CMS markup for a lead photo). It describes the picture,
 * so the story's prose starts after it: a dateline or byline that follows a lead photo is
 * still before the story.
 */
function isCaption(el: Element, root: Element, measure: StoryReading): boolean {
  if (measure.words(el) > CAPTION_MAX_WORDS) return false;
  if (measure.within(el, FIGCAPTION)) return true;
  const parent = el.parentElement;
  if (!parent || parent === root) return false;
  let pictures = 0;
  for (const sibling of parent.children) {
    if (sibling === el) continue;
    if (measure.length(sibling)) return false;
    if (measure.hasMedia(sibling)) pictures++;
  }
  return pictures > 0;
}

/**
 * Numbers every element in document order (linkedom's compareDocumentPosition is wrong for
 * nested nodes, so order is counted here) and finds the paragraphs of prose.
 */
export function storyMap(root: Element, measure: StoryReading): StoryMap {
  const from = new Map<Element, number>();
  const to = new Map<Element, number>();
  const prose: { el: Element; caption: boolean }[] = [];
  let index = 0;
  const walk = (el: Element): void => {
    from.set(el, index++);
    if (PROSE_TAGS.has(el.tagName) && measure.isProse(el)) prose.push({ el, caption: isCaption(el, root, measure) });
    for (const child of el.children) walk(child);
    to.set(el, index - 1);
  };
  walk(root);
  // An article that is only captioned pictures has its captions for a story.
  const story = prose.some((p) => !p.caption) ? prose.filter((p) => !p.caption) : prose;
  const proseStarts = story.map((p) => from.get(p.el)!);
  const lastProse = story.at(-1)?.el ?? null;
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
