/**
 * A picture's caption or credit is not the story's byline.
 *
 * Readability takes the first short element whose class or id contains "author", "byline"
 * or "dateline" (or with itemprop~=author / rel=author) for the byline, deletes it from the
 * page and reports its text as the author. Sites name the credit under a picture the same
 * way: it names the picture's author, the photographer (`figcaption .photo-author`,
 * «div.article__main-image__author» holding «Пассажиры в метро (Фото: …)», schema.org's
 * ImageObject `author`). Readability then deletes the caption from the story and shows it as
 * the byline, and the real byline further down is never looked at. A credit belongs to its
 * picture: inside a <figure>, or right after the picture in a wrapper named for the picture.
 *
 * Readability's test reads only those attributes, so on the copy it reads the author words
 * are taken out of such blocks' names; they come back on what Readability kept, before
 * post-processing (whose credit step reads them) runs. The page given to the pipeline is
 * never touched: this works on the copy.
 *
 * Not a credit: an author card with a headshot (`div.byline > img + span`, a figure named
 * "author"), where the picture belongs to the byline, not the byline to the picture.
 */
import { upperTag } from '../page/elements.ts';
import { classWords, hasClassWord } from '../page/class-words.ts';

/** Readability's `REGEXPS.byline`, tested on `className + " " + id`. */
const BYLINE_NAME = /byline|author|dateline|writtenby|p-author/gi;
/** Where a block's own names wait while Readability reads the copy. */
const SAVED = 'data-declutter-picture-credit';

/** Class words of a wrapper made for a picture and what is written under it. */
const PICTURE_WORDS = new Set(['image', 'img', 'photo', 'picture', 'pic', 'media', 'figure', 'illustration', 'foto']);
/** Class words of a block about the story's author (besides any word with "author" or "byline" in it): a picture in it is a headshot. */
const AUTHOR_WORDS = new Set(['writer', 'avatar', 'profile', 'headshot', 'userpic']);
/** A picture declared this small is a headshot or an icon, not a photo a caption describes. */
const HEADSHOT_PX = 100;

/** Takes the author words out of the names of the copy's picture credits, keeping the names to give back. */
export function shieldPictureCredits(doc: Document): void {
  // Pictures are few and the page's elements many: each picture's own surroundings are read.
  const credits = new Set<Element>();
  for (const img of doc.getElementsByTagName('img')) {
    if (isHeadshot(img)) continue;
    for (const el of creditsOf(img)) credits.add(el);
  }
  for (const el of credits) {
    const saved: Record<string, string> = {};
    for (const name of ['class', 'id']) {
      const value = el.getAttribute(name);
      if (value === null || !hasBylineName(value)) continue;
      saved[name] = value;
      el.setAttribute(name, value.replace(BYLINE_NAME, ''));
    }
    for (const name of ['itemprop', 'rel']) {
      const value = el.getAttribute(name);
      if (value === null || !value.toLowerCase().includes('author')) continue;
      saved[name] = value;
      el.removeAttribute(name);
    }
    el.setAttribute(SAVED, JSON.stringify(saved));
  }
}

/** Gives the shielded blocks Readability kept their own names back. */
export function unshieldPictureCredits(root: Element): void {
  for (const el of root.querySelectorAll(`[${SAVED}]`)) {
    const saved = JSON.parse(el.getAttribute(SAVED) ?? '{}') as Record<string, string>;
    for (const [name, value] of Object.entries(saved)) el.setAttribute(name, value);
    el.removeAttribute(SAVED);
  }
}

function hasBylineName(value: string): boolean {
  BYLINE_NAME.lastIndex = 0;
  return BYLINE_NAME.test(value);
}

/** What Readability's byline test looks at, short of the text length it also checks. */
function readsAsByline(el: Element): boolean {
  if (hasBylineName(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true;
  return (el.getAttribute('itemprop') ?? '').includes('author') || el.getAttribute('rel') === 'author';
}

/** The blocks Readability would read as a byline that belong to this picture. */
function creditsOf(img: Element): Element[] {
  const found: Element[] = [];
  for (let block: Element = img, wrapper = img.parentElement; wrapper; block = wrapper, wrapper = wrapper.parentElement) {
    // Inside a figure: the credits of the figure's picture, unless the figure is the author's headshot.
    if (upperTag(wrapper) === 'FIGURE') {
      if (!namedForAuthor(wrapper)) {
        const walk = (el: Element): void => {
          for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
            if (readsAsByline(child)) found.push(child);
            walk(child);
          }
        };
        walk(wrapper);
      }
      return found;
    }
    // Right after the picture, in a wrapper named for the picture and not for the author.
    const next = block.nextElementSibling;
    if (next && readsAsByline(next) && hasClassWord(wrapper, PICTURE_WORDS) && !namedForAuthor(wrapper) && !namedForAuthor(block) && !(block.textContent ?? '').trim()) {
      found.push(next);
    }
    if (upperTag(wrapper) === 'BODY') break;
  }
  return found;
}

function namedForAuthor(el: Element): boolean {
  return hasClassWord(el, AUTHOR_WORDS) || [...classWords(el)].some((w) => w.includes('author') || w.includes('byline'));
}

function isHeadshot(img: Element): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return (width > 0 && width < HEADSHOT_PX) || (height > 0 && height < HEADSHOT_PX);
}
