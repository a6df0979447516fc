/**
 * Where each removal stood relative to the article, once the article is known: inside the
 * part of the page it was taken from ('article'), beside it in the same column or the block
 * around it ('near': a sidebar next to the story, a related-news list under it), or out in
 * the site's chrome ('page': the header, menus, footer, a consent overlay at the body's
 * edge). Readers and every reader mode leave the chrome out anyway; what a switch can bring
 * back into the article, and what the removal line should count, is what was in or beside it.
 *
 * The article's place on the page is found from its own paragraphs: the page elements whose
 * text is exactly a long paragraph of the article, and the deepest element holding all of
 * them. Its neighbourhood ends at the page's frame: a block that also holds the site's
 * header or footer, or stands more than a few wrappers out, is the page. Bounded work: one look at the page's paragraphs, list
 * items, headers and footers, a dozen texts, one ancestor walk per removal.
 */
import type { DetectedClutter } from '../detect/detect.ts';
import type { PageStats } from '../page/stats.ts';
import { foldSpaces } from '../page/visible-text.ts';
import type { Removal, RemovalRegion } from '../types.ts';

/** A paragraph this long is the article's own words, not a caption or a menu item that might repeat. */
const MIN_CHARS = 60;
/** Enough paragraphs to span the article from its first to its last part. */
const MAX_SAMPLES = 12;

const TAGS = ['P', 'LI', 'BLOCKQUOTE', 'PRE'];

/** Long paragraphs of the extracted article, spread from its start to its end. */
function samples(content: Element): Set<string> {
  const texts = [...content.querySelectorAll('p, li, blockquote, pre')]
    .map((el) => foldSpaces(el.textContent ?? ''))
    .filter((text) => text.length >= MIN_CHARS);
  const step = Math.max(1, Math.ceil(texts.length / MAX_SAMPLES));
  return new Set(texts.filter((_, i) => i % step === 0));
}

function commonAncestor(a: Element, b: Element): Element | null {
  const above = new Set<Element>();
  for (let cur: Element | null = a; cur; cur = cur.parentElement) above.add(cur);
  for (let cur: Element | null = b; cur; cur = cur.parentElement) if (above.has(cur)) return cur;
  return null;
}

/** The page element the article was taken from, or null when none of its paragraphs is found as is. */
export function articleRegion(stats: PageStats, content: Element): Element | null {
  const wanted = samples(content);
  if (!wanted.size) return null;
  let region: Element | null = null;
  for (const el of stats.withTag(TAGS, 'body')) {
    if (!wanted.has(foldSpaces(el.textContent ?? ''))) continue;
    region = region ? commonAncestor(region, el) : el;
    if (!region) return null;
  }
  return region;
}

/** A class or id a site gives its own header or footer: "footer", "b-header", "site-footer", "masthead". */
const FRAME_NAME = /^(?:[a-z]{1,2}[-_])?(?:site[-_]?|page[-_]?|main[-_]?|global[-_]?)?(?:header|footer|masthead|colophon)$/i;

/**
 * The page's frame: its own header and footer (and their landmark roles) outside the
 * article. A block that holds the article and one of them is the page itself, not the
 * article's neighbourhood.
 */
function frameOf(stats: PageStats, region: Element): Element[] {
  const frame = stats.withTag(['HEADER', 'FOOTER'], 'body');
  for (const el of stats.withTag(['DIV', 'SECTION', 'NAV'], 'body')) {
    const role = stats.attr(el, 'role');
    if (role === 'banner' || role === 'contentinfo' || stats.naming(el).split(/\s+/).some((name) => FRAME_NAME.test(name))) frame.push(el);
  }
  // An <article>'s own header (headline, byline) and footer (tags) belong to the story.
  return frame.filter((el) => !region.contains(el) && !el.contains(region) && !el.parentElement?.closest('article'));
}

/**
 * How far out the neighbourhood reaches: the article's text, the story around it, its
 * column, the row of columns with the sidebar. A block further out holds the page.
 */
const NEIGHBOUR_LEVELS = 4;

function levelsUp(from: Element, to: Element): number {
  let n = 0;
  for (let cur: Element | null = from; cur && cur !== to; cur = cur.parentElement) n++;
  return n;
}

/**
 * Where one removed element stood: in the article; beside it, when the smallest block holding
 * both is close around the article and below the page's frame (the story with its sidebar,
 * the column with the list under it); or in the page's chrome, when that block is the body,
 * a wrapper of the whole page, or also holds the site's header or footer.
 */
export function regionOf(element: Element, region: Element | null, frame: readonly Element[] = []): RemovalRegion {
  // Without the article's place nothing can be called chrome: count it, as before.
  if (!region) return 'near';
  if (region.contains(element) || element.contains(region)) return 'article';
  const both = commonAncestor(element, region);
  if (!both || both.localName === 'body' || both.localName === 'html' || levelsUp(region, both) > NEIGHBOUR_LEVELS) return 'page';
  return frame.some((el) => both.contains(el)) ? 'page' : 'near';
}

/** The detection log with each removal's region; `removals[i]` is `chosen[i]`'s entry. */
export function withRegions(removals: readonly Removal[], chosen: readonly DetectedClutter[], stats: PageStats, content: Element): Removal[] {
  const region = articleRegion(stats, content);
  const frame = region ? frameOf(stats, region) : [];
  return removals.map((removal, i) => {
    const element = chosen[i]?.element;
    return element ? { ...removal, region: regionOf(element, region, frame) } : removal;
  });
}
