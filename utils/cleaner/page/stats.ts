/**
 * The shapes of the page walk's answers (`BlockStats`, `PageStats`, `ElementEntry`), reading an
 * entry the walk made, and the remembered ancestor and subtree tests `pageStats` answers with.
 * The walk itself is in walk.ts.
 */
import { hasToken } from './elements.ts';

/**
 * What the filters know of an element's content, counted once for the whole page so that
 * deciding about every block stays linear in the size of the page (detection also runs on
 * live pages, within a few milliseconds).
 */
export interface BlockStats {
  /** Visible characters, whitespace not counted. */
  readonly chars: number;
  /** Visible characters inside links. */
  readonly linkChars: number;
  /** Links with an address. */
  readonly links: number;
  /** Paragraphs of running prose inside: 70+ visible characters, mostly not link text. */
  readonly prose: number;
  readonly proseChars: number;
  /** Holds an h1: the article's own headline is never clutter. */
  readonly h1: boolean;
  /** Holds an outlet's registration as a mass medium (`mediaRegistration`): its imprint, whose paragraphs are no prose. */
  readonly imprint: boolean;
}

/**
 * What the filters ask of one page during one detection pass, each answer worked out once.
 * Detection also runs on live pages within a few milliseconds. Selector calls in loops over
 * the page (`el.closest(…)`, `el.querySelector(…)`, one `querySelectorAll` per rule) cost a
 * walk of a subtree or of the page each, and a selector compilation each under linkedom;
 * here the page is walked once, and what is asked of many elements is remembered.
 */
export interface PageStats {
  get(el: Element): BlockStats;
  /** Whether `get(el)` counts `el`: false inside script, style, noscript and template, which count as nothing. */
  counted(el: Element): boolean;
  /** The whole page's numbers, for shares ("this block holds a third of the page's prose"). */
  readonly page: BlockStats;
  /** Every element of the document, <html> first, in document order (`doc.querySelectorAll('*')`), as the walk read it. */
  readonly all: readonly ElementEntry[];
  /** Every element under <body>, in document order (`body.querySelectorAll('*')`), as the walk read it. */
  readonly elements: readonly ElementEntry[];
  /**
   * `test` on every element under <body> in document order, except inside an element it
   * matched: a filter reports a piece of clutter once, whole, so what lies inside one it
   * found needs no look (the matches are those `outermostOnly` keeps of a full pass, and more
   * only where a match is not the element tested).
   */
  outside<T extends { readonly element: Element }>(test: (entry: ElementEntry) => T | null): T[];
  /** The text nodes under <body> a reader sees (not in script, style, noscript, template) that hold more than whitespace, in document order. */
  readonly texts: readonly Text[];
  /** Comments outside script, style, noscript and template, in document order: nothing a reader sees. */
  readonly comments: readonly Comment[];
  /**
   * Elements with one of these tag names (upper case), in document order, in the whole
   * document or under <body> only: `querySelectorAll('p')`, `body.querySelectorAll('ul, ol')`.
   */
  withTag(tags: readonly string[], scope: 'document' | 'body'): Element[];
  /**
   * `el.getAttribute(name)` for a lower-case name, without asking the DOM when the walk saw
   * that `el` has no such attribute (most elements have none of the ones a rule asks about).
   */
  attr(el: Element, name: string): string | null;
  /** `classAndId(el)`, read once per element. */
  naming(el: Element): string;
  /** The host of `el`'s href (`linkHost` against the page's address), worked out once per address. */
  hostOf(el: Element): string | null;
  /** `el` or an element inside it is a byline or a dateline (`BYLINE`). */
  holdsByline(el: Element): boolean;
  /** `el` or an ancestor is where an article lives (`ARTICLE_CONTAINER`). */
  inArticleContainer(el: Element): boolean;
  /** An element inside `el` is where an article lives (`ARTICLE_CONTAINER`). */
  holdsArticleContainer(el: Element): boolean;
  /** `el` or an ancestor is the article itself (`ARTICLE_ELEMENT`). */
  inArticleElement(el: Element): boolean;
}

/**
 * An element as the walk read it, with its counts. Under linkedom reading an attribute costs
 * about as much as a walk step, and the rules ask the same few of every element, so each
 * element's tag, attribute names, class and id are read once per pass.
 */
export interface ElementEntry extends BlockStats {
  readonly el: Element;
  /** Upper case. */
  readonly tag: string;
  /** `getAttributeNames()`: empty for most elements. */
  readonly attributes: readonly string[];
  /**
   * The class attribute as written (linkedom's getAttribute folds its spaces and repeats,
   * which no rule can tell apart: they match words in it) and the id; null when absent.
   */
  readonly cls: string | null;
  readonly id: string | null;
  /** Index in `PageStats.all` just past this element's subtree: its descendants are the entries before it. */
  readonly end: number;
}

/** `el.getAttribute(name)` for a lower-case name, asking the DOM only when the element has that attribute. */
export function attrOf(entry: ElementEntry, name: string): string | null {
  return entry.attributes.includes(name) ? entry.el.getAttribute(name) : null;
}

/** `classAndId` of an entry, made once (most elements have neither and share one string). */
export function namingOf(entry: ElementEntry): string {
  const e = entry as Entry;
  if (e.naming === null) e.naming = e.cls === null && e.id === null ? ' ' : `${e.cls ?? ''} ${e.id ?? ''}`.toLowerCase();
  return e.naming;
}

/** `isByline` from what the walk read: no DOM call for the many elements without the attributes. */
export function isBylineEntry(entry: ElementEntry): boolean {
  if (entry.tag === 'TIME') return true;
  if (hasToken(attrOf(entry, 'rel'), 'author', true)) return true;
  const itemprop = attrOf(entry, 'itemprop');
  if (hasToken(itemprop, 'author') || hasToken(itemprop, 'datePublished')) return true;
  // The class as written holds a word exactly when linkedom's folded copy does.
  const cls = entry.cls;
  return !!cls && (cls.includes('byline') || cls.includes('author') || cls.includes('dateline'));
}

export interface Entry extends ElementEntry {
  chars: number;
  linkChars: number;
  links: number;
  prose: number;
  proseChars: number;
  h1: boolean;
  imprint: boolean;
  /** False inside script, style, noscript and template: listed, not counted. */
  counted: boolean;
  naming: string | null;
  end: number;
}

/** `el.closest(…) !== null` for a predicate, remembered for every element on the way up. */
export function inside(test: (el: Element) => boolean): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  const answer = (el: Element): boolean => {
    let value = known.get(el);
    if (value === undefined) {
      const parent = el.parentElement;
      value = test(el) || (parent !== null && answer(parent));
      known.set(el, value);
    }
    return value;
  };
  return answer;
}

/** `el.matches(…) || el.querySelector(…) !== null` (or only the latter), remembered for every subtree looked into. */
export function holding(test: (el: Element) => boolean, self: boolean): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  const holds = (el: Element): boolean => {
    let value = known.get(el);
    if (value === undefined) {
      value = test(el) || below(el);
      known.set(el, value);
    }
    return value;
  };
  const below = (el: Element): boolean => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (holds(child)) return true;
    return false;
  };
  return self ? holds : below;
}
