/**
 * The post-processing steps, in the order they run, and the one place that removes what
 * they find. Each step sees the article as the previous steps left it.
 */
import { isInside } from '../page/elements.ts';
import { isInlineElement } from '../page/blocks.ts';
import { foldSpaces } from '../page/visible-text.ts';
import { countWords } from '../page/words.ts';
import type { FilterId } from '../detect/filters/index.ts';
import { ArticleMeasure } from './measure.ts';
import type { ElementMatch, PostContext, PostStep, TextTailMatch } from './define.ts';
import { hiddenText } from './hidden-text.ts';
import { pageChrome } from './page-chrome.ts';
import { shareBars } from './share-bars.ts';
import { imageCredits } from './image-credits.ts';
import { galleryControls } from './gallery-controls.ts';
import { loneCaptions } from './lone-captions.ts';
import { relatedLinks } from './related-links.ts';
import { linkInserts } from './link-inserts.ts';
import { newsletterPromos } from './newsletter-promos.ts';
import { authorBio } from './author-bio.ts';
import { articleMetadata } from './article-metadata.ts';
import { titleDuplicate } from './title-duplicate.ts';
import { adLabels } from './ad-labels.ts';
import { unrenderedMarkup } from './unrendered-markup.ts';
import { affiliateDisclosures } from './affiliate-disclosures.ts';

export const POST_STEPS: readonly PostStep[] = [
  hiddenText,
  pageChrome,
  shareBars,
  imageCredits,
  galleryControls,
  loneCaptions,
  relatedLinks,
  linkInserts,
  newsletterPromos,
  authorBio,
  affiliateDisclosures,
  articleMetadata,
  titleDuplicate,
  adLabels,
  unrenderedMarkup,
];

export interface PostRemoval {
  readonly step: string;
  /** The filter the step belongs to, or null for tidying that always runs. */
  readonly filter: FilterId | null;
  readonly reason: string;
  readonly text: string;
  readonly links: number;
}

/** Longest preview of a removed element kept in the log. */
const PREVIEW_CHARS = 200;

/** Readability keeps this class on its wrapper when it strips the others. */
const PRESERVED_CLASSES = new Set(['page']);

export function postprocess(ctx: PostContext, steps: readonly PostStep[] = POST_STEPS): PostRemoval[] {
  const measure = new ArticleMeasure(ctx.root);
  const guard = storyGuard(ctx.root, measure);
  const log: PostRemoval[] = [];
  // Where removals happened: the lines that may now hold only the separators between them.
  const touched = new Set<Element>();
  for (const step of steps) {
    if (step.filter && ctx.filters && !ctx.filters.has(step.filter)) continue;
    const filter = step.filter ?? null;
    const all = step.detect({ ...ctx, measure });
    const cuts = all.filter((m): m is TextTailMatch => 'text' in m && isInside(m.text, ctx.root));
    const matches = all.filter(
      (m): m is ElementMatch =>
        'element' in m && m.element !== ctx.root && isInside(m.element, ctx.root) && !guard.guarded(m.element) && !insideSentence(m.element),
    );
    const found = new Set(matches.map((m) => m.element));
    const seen = new Set<Element>();
    // Each element once, and only the outermost of nested matches.
    const chosen = matches.filter((m) => {
      if (seen.has(m.element)) return false;
      seen.add(m.element);
      return !nestedIn(m.element, found, ctx.root);
    });
    for (const m of chosen) {
      const text = measure.text(m.element);
      const preview = text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
      log.push({ step: step.id, filter, reason: m.reason, text: preview, links: m.element.querySelectorAll('a[href]').length });
    }
    // The measure hears of every change first, so the next step sees the article as it is.
    for (const cut of cuts) {
      const value = cut.text.nodeValue ?? '';
      const removed = value.slice(cut.from).trim();
      if (removed) log.push({ step: step.id, filter, reason: cut.reason, text: removed, links: 0 });
      measure.cut(cut.text, cut.from);
      cut.text.nodeValue = value.slice(0, cut.from).trimEnd();
      if (cut.text.parentElement) touched.add(cut.text.parentElement);
    }
    for (const m of chosen) {
      measure.remove(m.element);
      guard.removed(m.element);
      if (m.element.parentElement) touched.add(m.element.parentElement);
      m.element.remove();
    }
  }
  log.push(...sweepSeparators(ctx.root, touched));
  stripClasses(ctx.root);
  return log;
}

/**
 * Words inside a sentence belong to the sentence: a keyword link or a term in <b> between two
 * runs of a paragraph's text («元タレントの<a>中居正広</a>氏（52）の…», "may well have
 * <a>expand</a>ed") is never a box to remove, whatever its class or its words say. Inline
 * markup with text on both sides in the same line is such a word; a label on a line of its
 * own, or at a line's end, is not. A safety net under every step, as the story guard is.
 */
function insideSentence(el: Element): boolean {
  return isInlineElement(el) && runsOn(el.previousSibling, 'previousSibling') && runsOn(el.nextSibling, 'nextSibling');
}

/** Characters that join items of a line (credits, tags, metadata), not words of a sentence. */
const SEPARATOR = /^[|·•/:—–-]$/;

/**
 * The text next to `start`'s side of the element runs on from it: a sentence's text, not
 * nothing, a line break, a block, or a separator ("Photo: <a>Jane Roe</a> | Reuters").
 */
function runsOn(start: Node | null, side: 'previousSibling' | 'nextSibling'): boolean {
  for (let node = start; node; node = node[side]) {
    if (node.nodeType !== 1 && node.nodeType !== 3) continue;
    if (node.nodeType === 1 && !isInlineElement(node as Element)) return false;
    const text = (node.textContent ?? '').trim();
    if (!text) {
      if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() !== 'SPAN') return false;
      continue;
    }
    const touching = side === 'previousSibling' ? text[text.length - 1]! : text[0]!;
    return !SEPARATOR.test(touching);
  }
  return false;
}

function nestedIn(el: Element, set: ReadonlySet<Element>, root: Element): boolean {
  for (let cur = el.parentElement; cur && cur !== root; cur = cur.parentElement) if (set.has(cur)) return true;
  return false;
}

/**
 * A safety net under every step: an element holding a good share of the story's prose is
 * the story, whatever its class names or opening words say. Prose is paragraphs of 80+
 * characters that are not mostly links, counted once before any step runs.
 * Each element's paragraphs are listed once, from the paragraphs up: asking each match about
 * every paragraph walked from each of them to the document's root. The steps only remove
 * elements, so a paragraph is inside an element of the article as long as it was at the start
 * and nothing removed took it along (`removed`).
 */
function storyGuard(root: Element, measure: ArticleMeasure): { guarded: (el: Element) => boolean; removed: (el: Element) => void } {
  const under = new Map<Element, { length: number; live: boolean }[]>();
  let total = 0;
  for (const p of measure.elements) {
    if (p.tagName !== 'P' || !measure.isProse(p)) continue;
    const paragraph = { length: measure.text(p).length, live: true };
    total += paragraph.length;
    for (let cur: Element | null = p; cur && cur !== root; cur = cur.parentElement) {
      const list = under.get(cur);
      if (list) list.push(paragraph);
      else under.set(cur, [paragraph]);
    }
  }
  return {
    guarded(el) {
      let inside = 0;
      let count = 0;
      for (const p of under.get(el) ?? []) {
        if (!p.live) continue;
        inside += p.length;
        count += 1;
      }
      return count >= 2 && inside / total >= 0.25;
    },
    removed(el) {
      for (const p of under.get(el) ?? []) p.live = false;
    },
  };
}

/**
 * Lines list their items with separators between them: «Технологии и медиа, 04 сен 2024»,
 * "By Jane Roe | March 14", "Share · Tweet · Email". When the steps remove the items, the
 * separators stay behind, and a line of nothing but «,» or "|" reads as breakage. A block
 * that lost an element or a text tail to a step and has no letter, digit or picture left is
 * such a line; a wordless block no step took anything from (an author's «* * *» break) stays.
 */
const SEPARATOR_BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'SECTION', 'HEADER', 'FOOTER', 'ASIDE', 'FIGCAPTION', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, svg, canvas, object, embed';

function sweepSeparators(root: Element, touched: ReadonlySet<Element>): PostRemoval[] {
  const leftovers = (el: Element): boolean => {
    const text = el.textContent ?? '';
    return text.trim() !== '' && countWords(text) === 0 && !el.querySelector(MEDIA_SELECTOR);
  };
  const found = new Set<Element>();
  for (const parent of touched) {
    if (parent === root || !isInside(parent, root)) continue;
    // Up through the inline wrappers («<span>| </span>») to the outermost block of nothing but separators.
    let line: Element | null = null;
    for (let cur: Element | null = parent; cur && cur !== root && leftovers(cur); cur = cur.parentElement) {
      if (SEPARATOR_BLOCKS.has(cur.tagName.toUpperCase())) line = cur;
    }
    if (line) found.add(line);
  }
  const log: PostRemoval[] = [];
  for (const line of found) {
    if (!isInside(line, root)) continue;
    log.push({ step: 'separators', filter: null, reason: 'punctuation left between removed items', text: foldSpaces(line.textContent ?? ''), links: 0 });
    line.remove();
  }
  return log;
}

/** What Readability does when `keepClasses` is off, deferred until the steps have read them. */
function stripClasses(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('[class]')]) {
    const kept = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => PRESERVED_CLASSES.has(c));
    if (kept.length) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
}
