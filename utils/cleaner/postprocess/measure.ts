/**
 * What the steps ask of every element — its words, characters, link share, whether it holds
 * a picture or a paragraph of the story, and its text — counted in one walk and remembered,
 * instead of walking each subtree again for every element and every step. Post-processing
 * runs in the popup before the article can paint, so it must stay a small fraction of
 * Readability's own time: numbers are counted up front without building strings, and an
 * element's text is joined only when a rule reads it (short elements, mostly).
 * The runner tells the measure what it removes, and the measure takes it off every
 * ancestor's counts, so later steps see the article as it now is without a new walk.
 */
import { isInside, upperTag } from '../page/elements.ts';
import { foldSpaces } from '../page/visible-text.ts';
import { storyMap, type StoryMap } from './story.ts';
import { countWords } from '../page/words.ts';

const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'IFRAME', 'SVG', 'CANVAS']);

interface Counts {
  words: number;
  /** Characters of the folded text: non-space characters plus one space between tokens. */
  chars: number;
  /** Whitespace-separated tokens, to count the spaces folding keeps. */
  tokens: number;
  linkChars: number;
  media: boolean;
  /** <p> elements of prose inside, the element itself included. */
  prose: number;
}

export class ArticleMeasure {
  private all: Element[];
  private readonly gone = new Set<Element>();
  private readonly counts = new Map<Element, Counts>();
  private readonly texts = new Map<Element, string>();
  private storyCache: StoryMap | null = null;

  constructor(private readonly root: Element) {
    const elements: Element[] = [];
    const walk = (el: Element): Counts => {
      const c: Counts = { words: 0, chars: 0, tokens: 0, linkChars: 0, media: MEDIA.has(upperTag(el)), prose: 0 };
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) countText(child.nodeValue ?? '', c);
        else if (child.nodeType === 1) {
          const e = child as Element;
          if (INVISIBLE.has(upperTag(e))) continue;
          elements.push(e);
          const sub = walk(e);
          c.words += sub.words;
          c.tokens += sub.tokens;
          c.chars += sub.chars;
          c.linkChars += sub.linkChars;
          c.media ||= sub.media;
          c.prose += sub.prose;
        }
      }
      // Tokens of the children are separated by one space each once folded.
      const folded = c.chars + Math.max(0, c.tokens - 1);
      const tagName = el.tagName;
      if (tagName === 'A') c.linkChars = folded;
      this.counts.set(el, c);
      if (tagName === 'P' && folded >= 80 && (folded ? c.linkChars / folded : 0) <= 0.5) c.prose += 1;
      return c;
    };
    walk(root);
    this.all = elements;
  }

  /** Every visible element under the root, in document order, root excluded. */
  get elements(): readonly Element[] {
    if (this.gone.size) {
      this.all = this.all.filter((el) => !this.gone.has(el));
      this.gone.clear();
    }
    return this.all;
  }

  /** Called by the runner just before it removes `el`: its counts leave every ancestor. */
  remove(el: Element): void {
    const c = this.counts.get(el);
    if (!c) return;
    for (const e of [el, ...el.querySelectorAll('*')]) this.gone.add(e);
    this.adjustAncestors(el, c);
    this.recountMedia(el.parentElement);
  }

  /** Called by the runner just before it cuts a text node's tail at `from`. */
  cut(text: Text, from: number): void {
    const removed: Counts = { words: 0, chars: 0, tokens: 0, linkChars: 0, media: false, prose: 0 };
    countText((text.nodeValue ?? '').slice(from), removed);
    const inLink = text.parentElement?.closest('a');
    if (inLink) removed.linkChars = removed.chars + removed.tokens;
    for (let cur = text.parentElement; cur; cur = cur === this.root ? null : cur.parentElement) {
      this.texts.delete(cur);
      const c = this.counts.get(cur);
      if (!c) continue;
      c.words -= removed.words;
      c.chars -= removed.chars;
      c.tokens -= removed.tokens;
      if (inLink && isInside(cur, inLink)) c.linkChars = this.length(cur);
      else c.linkChars = Math.max(0, c.linkChars - removed.linkChars);
    }
    this.storyCache = null;
  }

  private adjustAncestors(el: Element, removed: Counts): void {
    for (let cur = el.parentElement; cur; cur = cur === this.root ? null : cur.parentElement) {
      this.texts.delete(cur);
      const c = this.counts.get(cur);
      if (!c) continue;
      c.words -= removed.words;
      c.chars -= removed.chars;
      // Removing a child also takes away the space that separated its tokens.
      c.tokens -= removed.tokens;
      c.linkChars = cur.tagName === 'A' ? this.length(cur) : Math.max(0, c.linkChars - removed.linkChars);
      c.prose -= removed.prose;
    }
    this.storyCache = null;
  }

  private recountMedia(from: Element | null): void {
    for (let cur = from; cur; cur = cur === this.root ? null : cur.parentElement) {
      const c = this.counts.get(cur);
      if (!c) continue;
      let media = MEDIA.has(upperTag(cur));
      for (const child of cur.children) if (!this.gone.has(child) && this.counts.get(child)?.media) media = true;
      c.media = media;
    }
  }

  /** Visible text, script and style excluded, spaces folded (as `visibleText`). */
  text(el: Element): string {
    let text = this.texts.get(el);
    if (text === undefined) {
      text = foldSpaces(this.raw(el));
      this.texts.set(el, text);
    }
    return text;
  }

  words(el: Element): number {
    return this.counts.get(el)?.words ?? 0;
  }

  /** Length of the folded text. */
  length(el: Element): number {
    const c = this.counts.get(el);
    return c ? c.chars + Math.max(0, c.tokens - 1) : 0;
  }

  /** Share of the text inside links (as `linkDensity`). */
  linkDensity(el: Element): number {
    const length = this.length(el);
    return length ? Math.min(1, (this.counts.get(el)?.linkChars ?? 0) / length) : 0;
  }

  /** Holds (or is) a picture, video, frame or drawing. */
  hasMedia(el: Element): boolean {
    return this.counts.get(el)?.media ?? false;
  }

  /** 80+ characters that are mostly not link text: a sentence of the story. */
  isProse(el: Element): boolean {
    return this.length(el) >= 80 && this.linkDensity(el) <= 0.5;
  }

  /** How many <p> of prose are inside (the element itself included). */
  proseParagraphs(el: Element): number {
    return this.counts.get(el)?.prose ?? 0;
  }

  /**
   * Is, or sits inside, one of these tags within the article. Selectors are not used here:
   * linkedom compiles a selector on every `closest()` call, which is most of a step's time.
   */
  within(el: Element, tags: ReadonlySet<string>): boolean {
    for (let cur: Element | null = el; cur; cur = cur === this.root ? null : cur.parentElement) {
      if (tags.has(upperTag(cur))) return true;
    }
    return false;
  }

  /** Where the story's prose starts and ends. */
  get story(): StoryMap {
    this.storyCache ??= storyMap(this.root, this);
    return this.storyCache;
  }

  private raw(el: Element): string {
    let out = '';
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !INVISIBLE.has(upperTag(child as Element))) {
        // An element starts and ends a word, as on the page's screen.
        const known = this.texts.get(child as Element);
        out += ` ${known ?? this.raw(child as Element)} `;
      }
    }
    return out;
  }
}

function countText(value: string, c: Counts): void {
  if (!value) return;
  c.words += countWords(value);
  let inToken = false;
  for (let i = 0; i < value.length; i++) {
    if (isSpace(value.charCodeAt(i))) inToken = false;
    else {
      c.chars += 1;
      if (!inToken) c.tokens += 1;
      inToken = true;
    }
  }
}

/** The spaces `foldSpaces` folds that pages actually use. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x200b || code === 0xfeff || code === 0x3000;
}
