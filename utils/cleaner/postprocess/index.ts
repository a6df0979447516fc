/**
 * The post-processing steps, in the order they run, and the one place that removes what
 * they find. Each step sees the article as the previous steps left it.
 */
import { isInside } from '../dom.ts';
import type { FilterId } from '../filters/index.ts';
import { ArticleMeasure } from './measure.ts';
import type { ElementMatch, PostContext, PostStep, TextTailMatch } from './define.ts';
import { hiddenText } from './hidden-text.ts';
import { pageChrome } from './page-chrome.ts';
import { shareBars } from './share-bars.ts';
import { imageCredits } from './image-credits.ts';
import { galleryControls } from './gallery-controls.ts';
import { relatedLinks } from './related-links.ts';
import { linkInserts } from './link-inserts.ts';
import { newsletterPromos } from './newsletter-promos.ts';
import { authorBio } from './author-bio.ts';
import { articleMetadata } from './article-metadata.ts';
import { titleDuplicate } from './title-duplicate.ts';
import { adLabels } from './ad-labels.ts';
import { affiliateDisclosures } from './affiliate-disclosures.ts';

export const POST_STEPS: readonly PostStep[] = [
  hiddenText,
  pageChrome,
  shareBars,
  imageCredits,
  galleryControls,
  relatedLinks,
  linkInserts,
  newsletterPromos,
  authorBio,
  affiliateDisclosures,
  articleMetadata,
  titleDuplicate,
  adLabels,
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
  const guarded = storyGuard(ctx.root, measure);
  const log: PostRemoval[] = [];
  for (const step of steps) {
    if (step.filter && ctx.filters && !ctx.filters.has(step.filter)) continue;
    const filter = step.filter ?? null;
    const all = step.detect({ ...ctx, measure });
    const cuts = all.filter((m): m is TextTailMatch => 'text' in m && isInside(m.text, ctx.root));
    const matches = all.filter(
      (m): m is ElementMatch => 'element' in m && m.element !== ctx.root && isInside(m.element, ctx.root) && !guarded(m.element),
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
      cut.text.nodeValue = value.slice(0, cut.from).replace(/\s+$/, '');
    }
    for (const m of chosen) {
      measure.remove(m.element);
      m.element.remove();
    }
  }
  stripClasses(ctx.root);
  return log;
}

function nestedIn(el: Element, set: ReadonlySet<Element>, root: Element): boolean {
  for (let cur = el.parentElement; cur && cur !== root; cur = cur.parentElement) if (set.has(cur)) return true;
  return false;
}

/**
 * A safety net under every step: an element holding a good share of the story's prose is
 * the story, whatever its class names or opening words say. Prose is paragraphs of 80+
 * characters that are not mostly links, counted once before any step runs.
 */
function storyGuard(root: Element, measure: ArticleMeasure): (el: Element) => boolean {
  const paragraphs: { el: Element; length: number }[] = [];
  let total = 0;
  for (const p of measure.elements) {
    if (p.tagName !== 'P' || !measure.isProse(p)) continue;
    const length = measure.text(p).length;
    paragraphs.push({ el: p, length });
    total += length;
  }
  return (el) => {
    let inside = 0;
    let count = 0;
    for (const p of paragraphs) {
      if (isInside(p.el, el)) {
        inside += p.length;
        count += 1;
      }
    }
    return count >= 2 && inside / total >= 0.25;
  };
}

/** What Readability does when `keepClasses` is off, deferred until the steps have read them. */
function stripClasses(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('[class]')]) {
    const kept = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => PRESERVED_CLASSES.has(c));
    if (kept.length) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
}
