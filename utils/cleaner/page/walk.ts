/**
 * The page walk: one pass over the document that counts every element's content (characters,
 * link text, links, paragraphs of prose, headline, imprint) and lists its elements, text nodes
 * and comments, for every filter of one detection pass.
 */
import { classAndId, upperTag } from './elements.ts';
import { linkHost } from './links.ts';
import { isArticleContainer, isArticleElement, isByline, MEDIA_REGISTRATION_MIN_CHARS, mediaRegistration } from './roles.ts';
import { attrOf, holding, inside, isBylineEntry, namingOf, type BlockStats, type Entry, type PageStats } from './stats.ts';
import { countVisibleChars, INVISIBLE_TAGS } from './visible-text.ts';

/** Shared by the many elements without attributes, instead of an empty array each. */
const NO_ATTRIBUTES: readonly string[] = Object.freeze([]);
const EMPTY_STATS: BlockStats = { chars: 0, linkChars: 0, links: 0, prose: 0, proseChars: 0, h1: false, imprint: false };
const PROSE_MIN_CHARS = 70;

/** Blocks that hold running text in their own text nodes when a site does not use <p>. */
const TEXT_BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'BLOCKQUOTE', 'DD']);

const statsCache = new WeakMap<object, PageStats>();

/**
 * Counts every element's content in one walk that also lists the page's elements and visible
 * text; the other answers are worked out on first use and remembered. Cached per detection
 * context: the pipeline and the live cleaner build one context per pass and no filter
 * mutates the page during a pass.
 */
export function pageStats(key: { readonly doc: Document; readonly body: HTMLElement | null; readonly url: URL }): PageStats {
  const cached = statsCache.get(key);
  if (cached) return cached;
  const entries = new Map<Element, Entry>();
  const body = key.body;
  const all: Entry[] = [];
  const texts: Text[] = [];
  const comments: Comment[] = [];
  let bodyStart = -1;
  let bodyEnd = -1;
  const enter = (el: Element, tag: string, counted: boolean): Entry => {
    const attributes = el.hasAttributes() ? el.getAttributeNames() : NO_ATTRIBUTES;
    const entry: Entry = {
      el,
      tag,
      attributes,
      cls: attributes.includes('class') ? (el.getAttributeNode('class')?.value ?? null) : null,
      id: attributes.includes('id') ? el.getAttribute('id') : null,
      chars: 0,
      linkChars: 0,
      links: 0,
      prose: 0,
      proseChars: 0,
      h1: false,
      imprint: false,
      counted,
      naming: null,
      end: 0,
    };
    all.push(entry);
    entries.set(el, entry);
    return entry;
  };
  /** Elements under script, style, noscript and template: listed, as querySelectorAll lists them, not counted. */
  const list = (el: Element, tag: string): void => {
    const entry = enter(el, tag, false);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) list(child, upperTag(child));
    entry.end = all.length;
  };
  const walk = (el: Element, tag: string, inLink: boolean, inBody: boolean): Entry => {
    const entry = enter(el, tag, true);
    if (el === body) bodyStart = all.length;
    const isLink = tag === 'A';
    let chars = 0;
    let linkChars = 0;
    let links = isLink && entry.attributes.includes('href') ? 1 : 0;
    let prose = 0;
    let proseChars = 0;
    let h1 = tag === 'H1';
    let imprint = false;
    // A <div> or <td> is a paragraph by its own text, so only its own text makes it an imprint's.
    let ownImprint = false;
    let ownChars = 0;
    const childrenInBody = inBody || el === body;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const n = countVisibleChars(child.nodeValue ?? '');
        if (childrenInBody && n > 0) {
          texts.push(child as Text);
          if (!ownImprint && n >= MEDIA_REGISTRATION_MIN_CHARS && mediaRegistration(child.nodeValue ?? '')) ownImprint = imprint = true;
        }
        chars += n;
        ownChars += n;
        if (inLink || isLink) linkChars += n;
      } else if (child.nodeType === 8) {
        comments.push(child as Comment);
      } else if (child.nodeType === 1) {
        const childEl = child as Element;
        const childTag = upperTag(childEl);
        if (INVISIBLE_TAGS.has(childTag)) {
          list(childEl, childTag);
          continue;
        }
        const s = walk(childEl, childTag, inLink || isLink, childrenInBody);
        chars += s.chars;
        linkChars += s.linkChars;
        links += s.links;
        prose += s.prose;
        proseChars += s.proseChars;
        h1 ||= s.h1;
        imprint ||= s.imprint;
      }
    }
    if (el === body) bodyEnd = all.length;
    const isParagraph = tag === 'P' ? chars >= PROSE_MIN_CHARS : TEXT_BLOCK_TAGS.has(tag) && ownChars >= PROSE_MIN_CHARS + 30;
    if (isParagraph && !(tag === 'P' ? imprint : ownImprint) && linkChars < chars / 2 && prose === 0) {
      prose += 1;
      proseChars += chars - linkChars;
    }
    entry.chars = chars;
    entry.linkChars = linkChars;
    entry.links = links;
    entry.prose = prose;
    entry.proseChars = proseChars;
    entry.h1 = h1;
    entry.imprint = imprint;
    entry.end = all.length;
    return entry;
  };
  const root = key.doc.documentElement;
  const rootEntry = root ? walk(root, upperTag(root), false, false) : null;
  const page: BlockStats = rootEntry
    ? { chars: rootEntry.chars, linkChars: rootEntry.linkChars, links: rootEntry.links, prose: rootEntry.prose, proseChars: rootEntry.proseChars, h1: rootEntry.h1, imprint: rootEntry.imprint }
    : EMPTY_STATS;
  const elements = bodyStart >= 0 ? all.slice(bodyStart, bodyEnd) : [];

  let byTag: Map<string, number[]> | null = null;
  const positions = (tag: string): readonly number[] => {
    if (!byTag) {
      byTag = new Map();
      all.forEach((entry, i) => {
        const list = byTag!.get(entry.tag);
        if (list) list.push(i);
        else byTag!.set(entry.tag, [i]);
      });
    }
    return byTag.get(tag) ?? [];
  };
  const hosts = new Map<string | null, string | null>();
  const result: PageStats = {
    get: (el) => entries.get(el) ?? EMPTY_STATS,
    counted: (el) => entries.get(el)?.counted ?? false,
    page,
    all,
    elements,
    texts,
    comments,
    outside(test) {
      const found: ReturnType<typeof test>[] = [];
      for (let i = bodyStart; i >= 0 && i < bodyEnd; ) {
        const entry = all[i]!;
        const match = test(entry);
        if (match) found.push(match);
        i = match && match.element === entry.el ? entry.end : i + 1;
      }
      return found as NonNullable<ReturnType<typeof test>>[];
    },
    withTag(tags, scope) {
      let found = tags.flatMap(positions);
      if (tags.length > 1) found.sort((a, b) => a - b);
      if (scope === 'body') found = found.filter((i) => i >= bodyStart && i < bodyEnd);
      return found.map((i) => all[i]!.el);
    },
    attr(el, name) {
      const entry = entries.get(el);
      return entry ? attrOf(entry, name) : el.getAttribute(name);
    },
    naming(el) {
      const entry = entries.get(el);
      return entry ? namingOf(entry) : classAndId(el);
    },
    hostOf(el) {
      const href = result.attr(el, 'href');
      let host = hosts.get(href);
      if (host === undefined) hosts.set(href, (host = linkHost(href, key.url)));
      return host;
    },
    holdsByline: holding((el) => {
      const entry = entries.get(el);
      return entry ? isBylineEntry(entry) : isByline(el);
    }, true),
    inArticleContainer: inside(isArticleContainer),
    holdsArticleContainer: holding(isArticleContainer, false),
    inArticleElement: inside(isArticleElement),
  };
  statsCache.set(key, result);
  return result;
}
