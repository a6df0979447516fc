/**
 * Detection shared by the two places that act on clutter: the pipeline, which removes it
 * from a clone, and the live cleaner, which hides it on the page. Both get the same
 * answer for the same DOM, so what the popup says it removed is what the page hides.
 */
import { bodyOf, linkDensity, pageStats, visibleText } from './dom.ts';
import type { ClutterFilter, FilterContext } from './types.ts';

export interface DetectedClutter {
  readonly filter: string;
  readonly element: Element;
  readonly reason: string;
}

export function filterContext(doc: Document, url: URL): FilterContext {
  return { url, doc, body: bodyOf(doc), lang: (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase() };
}

/**
 * Runs every filter's detection, then keeps each element once (credited to the first
 * filter that found it), drops matches inside other matches, and refuses anything the
 * article guard protects.
 */
export function detectClutter(doc: Document, filters: readonly ClutterFilter[], url: URL): DetectedClutter[] {
  const ctx = filterContext(doc, url);
  const found: DetectedClutter[] = [];
  const seen = new Set<Element>();
  for (const filter of filters) {
    for (const match of filter.detect(ctx)) {
      if (seen.has(match.element)) continue;
      seen.add(match.element);
      found.push({ filter: filter.id, element: match.element, reason: match.reason });
    }
  }
  if (!found.length) return found;
  const guard = articleGuard(ctx);
  const allowed = found.filter((m) => !guard(m.element));
  const allowedSet = new Set(allowed.map((m) => m.element));
  return allowed.filter((m) => {
    for (let cur = m.element.parentElement; cur; cur = cur.parentElement) if (allowedSet.has(cur)) return false;
    return true;
  });
}

/**
 * A safety net under every filter: an element that holds a large share of the page's
 * running prose is the article, whatever its class names say, and is never removed.
 * Prose is counted as paragraphs of 80+ characters that are not mostly links.
 */
export function articleGuard(ctx: FilterContext): (el: Element) => boolean {
  const stats = pageStats(ctx);
  const paragraphs: { el: Element; length: number }[] = [];
  let total = 0;
  for (const p of stats.withTag(['P'], 'document')) {
    // Folded text alternates words and single spaces, so 80 characters of it hold at least 41
    // that are not spaces, which the page's counts already know: shorter ones are not read.
    if (stats.counted(p) && stats.get(p).chars <= 40) continue;
    const text = visibleText(p);
    if (text.length < 80 || linkDensity(p, text) > 0.5) continue;
    paragraphs.push({ el: p, length: text.length });
    total += text.length;
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
    return sum !== undefined && sum.count >= 2 && sum.inside / total >= 0.4;
  };
}
