/**
 * Detection shared by the two places that act on clutter: the pipeline, which copies the
 * page without it, and the live cleaner, which hides it on the page. Both get the same
 * answer for the same DOM, so what the popup says it removed is what the page hides.
 */
import { bodyOf } from '../page/elements.ts';
import { pageStats } from '../page/walk.ts';
import { isImprint } from '../page/blocks.ts';
import type { ClutterFilter, FilterContext } from '../types.ts';
import { pageBase } from '../page/urls.ts';

export interface DetectedClutter {
  readonly filter: string;
  readonly element: Element;
  readonly reason: string;
  /** Links with an address inside it that a reader would see, for the removal log. */
  readonly links: number;
}

export function filterContext(doc: Document, url: URL): FilterContext {
  return { url, doc, body: bodyOf(doc), lang: (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase() };
}

/**
 * The context for a page known by its address, its base (`<base href>`) read from the page
 * walk the filters share rather than from a search of its own: on a DOM without a native
 * selector engine a search is one more walk of the whole page.
 */
export function pageContext(doc: Document, pageUrl: string): FilterContext {
  const ctx = { ...filterContext(doc, new URL('about:blank')) };
  // The walk reads no address, so the context can learn its base after the walk.
  ctx.url = pageBase(pageStats(ctx).withTag(['BASE'], 'document'), pageUrl);
  return ctx;
}

/**
 * Runs every filter's detection, then keeps each element once (credited to the first
 * filter that found it), drops matches inside other matches, and refuses anything the
 * article guard protects.
 */
export function detectClutter(doc: Document, filters: readonly ClutterFilter[], url: URL): DetectedClutter[] {
  return detectIn(filterContext(doc, url), filters);
}

export function detectIn(ctx: FilterContext, filters: readonly ClutterFilter[]): DetectedClutter[] {
  const found: DetectedClutter[] = [];
  const seen = new Set<Element>();
  for (const filter of filters) {
    for (const match of filter.detect(ctx)) {
      if (seen.has(match.element)) continue;
      seen.add(match.element);
      found.push({ filter: filter.id, element: match.element, reason: match.reason, links: 0 });
    }
  }
  if (!found.length) return found;
  const guard = articleGuard(ctx);
  const allowed = found.filter((m) => !guard(m.element));
  const allowedSet = new Set(allowed.map((m) => m.element));
  const stats = pageStats(ctx);
  return allowed
    .filter((m) => {
      for (let cur = m.element.parentElement; cur; cur = cur.parentElement) if (allowedSet.has(cur)) return false;
      return true;
    })
    .map((m) => ({ ...m, links: stats.get(m.element).links }));
}

/**
 * A safety net under every filter: an element that holds a large share of the page's
 * running prose is the article, whatever its class names say, and is never removed.
 * Prose is counted as paragraphs of 70+ visible characters (spaces not counted) that are not
 * mostly links, nor the outlet's imprint.
 */
const PROSE_CHARS = 70;
export function articleGuard(ctx: FilterContext): (el: Element) => boolean {
  const stats = pageStats(ctx);
  const paragraphs: { el: Element; length: number }[] = [];
  let total = 0;
  for (const p of stats.withTag(['P'], 'document')) {
    // The walk's counts say it without building the text: 80 characters of folded text are
    // about 70 that are not spaces, and link text must not be the most of them.
    const s = stats.get(p);
    // An outlet's imprint («Свидетельство о регистрации СМИ…») is no story, whatever its length.
    if (s.chars < PROSE_CHARS || s.linkChars > s.chars / 2 || s.imprint) continue;
    paragraphs.push({ el: p, length: s.chars });
    total += s.chars;
  }
  if (total === 0) return () => false;
  // Each paragraph's prose counts for every element above it: one climb per paragraph, so
  // asking about any number of matches costs a lookup each.
  const held = new Map<Node, { inside: number; count: number }>();
  for (const p of paragraphs) {
    for (let cur: Node | null = p.el; cur; cur = cur.parentNode) {
      const sum = held.get(cur);
      if (sum) {
        sum.inside += p.length;
        sum.count += 1;
      } else held.set(cur, { inside: p.length, count: 1 });
    }
  }
  return (el) => {
    const sum = held.get(el);
    return sum !== undefined && sum.count >= 2 && sum.inside / total >= 0.4 && !isImprint(stats.get(el), sum.count, sum.inside);
  };
}
