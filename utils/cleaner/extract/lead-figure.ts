/**
 * The lead picture of a news story and its caption, put back where Readability left them out.
 *
 * News templates (Arc, WordPress, most Russian CMSs) set the lead photo as a <figure> right
 * before the body container, as its sibling: `<figure>img + figcaption</figure><div
 * class="article__body">…</div>`. Readability picks the body container and appends only the
 * siblings that score or read as prose; a figure holds one caption line, so it scores
 * nothing and stays behind in the page, and the reader loses the story's first picture and
 * the caption that says what it shows. A figure that sat directly before a block Readability
 * took is part of the same story, so it goes back in front of that block.
 *
 * What is not a lead picture stays out: a gallery (several pictures, or a figure among other
 * figures), a teaser card for another story (its caption is a link, or the picture links to
 * a page), a figure Readability itself deleted (unlikely or hidden: its own judgement
 * stands) and any figure not directly before the article's content.
 */
import { isInside, upperTag } from '../page/elements.ts';
import { foldSpaces, visibleText } from '../page/visible-text.ts';
import { linkDensity } from '../page/links.ts';
import { pictureAddress } from './picture-sources.ts';

/** A figure noted before Readability runs: where it stood, and a copy of it as the page had it. */
export interface NotedFigure {
  readonly figure: Element;
  readonly next: Element;
  readonly asPage: Element;
}

/** A caption is a line or two; a card's teaser or a text box in a figure runs longer. */
const MAX_CAPTION_WORDS = 80;

/**
 * Notes, on the copy Readability is about to read, each figure that may be a lead picture
 * and the block after it. Readability moves the blocks it takes, so the note is what tells
 * afterwards where a figure it left behind stood.
 */
export function noteLeadFigures(doc: Document): readonly NotedFigure[] {
  const noted: NotedFigure[] = [];
  for (const figure of doc.getElementsByTagName('figure')) {
    const next = figure.nextElementSibling;
    if (next && isLeadPicture(figure)) noted.push({ figure, next, asPage: figure.cloneNode(true) as Element });
  }
  return noted;
}

/**
 * Puts each noted figure that Readability left in the page back before its next block,
 * when that block is in the article.
 */
export function restoreLeadFigures(noted: readonly NotedFigure[], article: Element, doc: Document): void {
  const pageRoot = doc.documentElement;
  for (const { figure, next, asPage } of noted) {
    // Readability removes what it judges unlikely or hidden: such a figure is detached, not left behind.
    if (!pageRoot || !isInside(figure, pageRoot) || isInside(figure, article)) continue;
    if (!isInside(next, article) || !next.parentNode) continue;
    if (sameImageIn(asPage, article)) continue;
    // Readability's first pass rewrote the figure it then left out (a <div> of text becomes a
    // <p> without the div's class), so post-processing could no longer tell its credit line
    // from its caption by the page's class names. What goes back is the figure as the page
    // had it, less what the page hides, as Readability drops that from what it keeps.
    const figureBack = withoutHidden(asPage);
    next.parentNode.insertBefore(figureBack, next);
  }
}

function isLeadPicture(figure: Element): boolean {
  const images = visibleImages(figure);
  // A picture with no address at all would come back as an empty frame over its caption; one
  // a lazy loader keeps in data-src or a srcset is given it (picture-sources.ts).
  if (images.length !== 1 || !pictureAddress(images[0]!)) return false;
  const caption = ownCaption(figure);
  if (!caption) return false;
  const text = visibleText(caption);
  if (!text || text.split(' ').length > MAX_CAPTION_WORDS) return false;
  // A teaser card: its caption is the other story's headline link, or the picture links to it.
  if (linkDensity(caption, text) > 0.5 || linksToPage(images[0]!, figure)) return false;
  for (let up = figure.parentElement; up; up = up.parentElement) {
    const tag = upperTag(up);
    if (tag === 'A' || tag === 'FIGURE') return false;
  }
  // A figure among figures is a gallery or a strip of cards, not the story's one lead picture.
  const before = figure.previousElementSibling;
  const after = figure.nextElementSibling;
  return !(before && holdsFigure(before)) && !(after && holdsFigure(after));
}

function visibleImages(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const tag = upperTag(child);
      if (tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      if (tag === 'IMG') found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

function ownCaption(figure: Element): Element | null {
  const captions = figure.getElementsByTagName('figcaption');
  return captions.length === 1 ? captions[0]! : null;
}

/** A link around the picture that leads to a page, not to a larger copy of the picture. */
function linksToPage(img: Element, figure: Element): boolean {
  for (let up = img.parentElement; up && up !== figure; up = up.parentElement) {
    if (upperTag(up) !== 'A') continue;
    const href = foldSpaces(up.getAttribute('href') ?? '');
    return !!href && !href.startsWith('#') && !/\.(jpe?g|png|gif|webp|avif)([?#]|$)/i.test(href);
  }
  return false;
}

function holdsFigure(el: Element): boolean {
  return upperTag(el) === 'FIGURE' || el.getElementsByTagName('figure').length > 0;
}

/** The article already shows this picture (a template that repeats the lead photo in the body). */
function sameImageIn(figure: Element, article: Element): boolean {
  const first = visibleImages(figure)[0];
  const src = first ? pictureAddress(first) : null;
  if (!src) return false;
  for (const img of article.getElementsByTagName('img')) if (pictureAddress(img) === src) return true;
  return false;
}

/** Readability's own test of what the page shows (`_isProbablyVisible`), on the copy put back. */
function withoutHidden(figure: Element): Element {
  const hidden: Element[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (isHidden(child)) hidden.push(child);
      else walk(child);
    }
  };
  walk(figure);
  for (const el of hidden) el.remove();
  return figure;
}

function isHidden(el: Element): boolean {
  const style = el.getAttribute('style') ?? '';
  return (
    el.hasAttribute('hidden') ||
    /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style) ||
    (el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image'))
  );
}
