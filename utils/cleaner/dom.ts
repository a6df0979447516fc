/**
 * Small DOM helpers that behave the same in browsers, jsdom and linkedom.
 * linkedom lacks `innerText`, layout and some live collections, so nothing here uses them.
 */

const SPACES = /[\s\u00a0\u2009\u202f\u200b\ufeff]+/g;

/** Folds every run of whitespace, the typographic spaces included, to one space. */
export function foldSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text a reader would see in `el`: script, style and template contents excluded, spaces folded.
 * With `atLeast`, reading may stop once the text is sure to run past that many characters
 * (a preview of a whole site footer needs only its start); the result is then longer than
 * `atLeast` but not the whole text.
 */
export function visibleText(el: Element, atLeast = Infinity): string {
  let out = '';
  // Folding can shrink a text without bound (a run of spaces becomes one), so the folded
  // length is checked, at doubling raw lengths to keep the checks linear in all.
  let nextCheck = atLeast;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += child.nodeValue ?? '';
        if (out.length > nextCheck) {
          if (foldSpaces(out).length > atLeast) return true;
          nextCheck = 2 * out.length;
        }
      } else if (child.nodeType === 1 && !INVISIBLE_TAGS.has((child as Element).tagName.toUpperCase())) {
        out += ' ';
        if (walk(child)) return true;
      }
    }
    return false;
  };
  walk(el);
  return foldSpaces(out);
}

/** Share of the element's text that sits inside links: near 1 for menus and headline lists. */
export function linkDensity(el: Element, text = visibleText(el)): number {
  if (!text) return 0;
  let linked = 0;
  // The links are found by a walk rather than `querySelectorAll('a')`, which costs a selector
  // compilation per call under linkedom; a link inside a link counts twice, as it did there.
  const walk = (node: Element): void => {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName.toUpperCase() === 'A') linked += visibleText(child).length;
      walk(child);
    }
  };
  walk(el);
  return Math.min(1, linked / text.length);
}

/** The class and id of an element as one lower-case string, for the naming conventions sites use. */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Walks up from `el` (itself included) while `test` holds, returning the outermost such element. */
export function outermost(el: Element, test: (candidate: Element) => boolean, stopAt?: Element | null): Element {
  let best = el;
  for (let cur = el.parentElement; cur && cur !== stopAt && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    if (!test(cur)) break;
    best = cur;
  }
  return best;
}

/**
 * An absolute http(s) address whose host the URL parser would return as written, lower-cased:
 * plain ASCII letters, digits, dots and hyphens, then a port, a path, a query, a fragment or
 * nothing. Anything else (credentials, escapes, IDN, stray whitespace or backslashes, a host
 * the parser rewrites) goes through the parser.
 */
const PLAIN_ABSOLUTE = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d*)?(?:[/?#][^\t\n\r\\]*)?$/i;
/**
 * An address relative to the page's own host: a path from the root (`/news/1`, but not
 * `//host` or `/\\host`, which name a host), a query, a fragment, or a path whose first
 * segment holds no scheme (`news/1`, `./1`), all without whitespace or backslashes, which the
 * parser strips or turns into slashes. Such a link stays on the base's host.
 */
const PLAIN_RELATIVE = /^(?:\/(?![\/\\])|[?#]|[\w.~-][^:/?#\\]*(?:[/?#]|$))[^\s\\]*$/;
/** A host whose last label is a number is an IPv4 address to the parser, which rewrites it or fails. */
const NUMERIC_HOST = /(^|\.)(\d+|0x[0-9a-f]*)\.?$/i;

/** The element's host when `href` is an absolute http(s) link, else null. */
export function linkHost(href: string | null, base: URL): string | null {
  if (!href) return null;
  // Pages hold hundreds of links: most are plain absolute addresses, read without a URL object.
  const plain = PLAIN_ABSOLUTE.exec(href);
  if (plain && !NUMERIC_HOST.test(plain[1]!)) return plain[1]!.toLowerCase().replace(/^www\./, '');
  if (PLAIN_RELATIVE.test(href)) return base.protocol === 'http:' || base.protocol === 'https:' ? base.hostname.replace(/^www\./, '') : null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** Whether `host` is one of `domains` or a subdomain of one. */
export function onDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Whether `linkHost(href, base)` can be on one of `domains` (lower case), told without parsing
 * the address wherever that is certain: pages hold hundreds of links and only a few lead to
 * the domains a rule looks for. The parser takes the host from the address itself, lower-cased,
 * or from the base for a relative one; only percent-escapes and characters outside printable
 * ASCII let it rewrite the host (those addresses are parsed), and a numeric host holds no
 * domain name.
 */
export function mayLeadTo(href: string | null, base: URL, domains: readonly string[]): boolean {
  if (!href) return false;
  if (domains.some((d) => base.hostname.includes(d))) return true;
  if (/[^\x21-\x7e]|%/.test(href)) return true;
  // Printable ASCII from here, where ignoring case is lower-casing (without copying the address).
  let anyDomain = DOMAIN_PATTERNS.get(domains);
  if (!anyDomain) DOMAIN_PATTERNS.set(domains, (anyDomain = new RegExp(domains.map((d) => d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')));
  return anyDomain.test(href);
}

const DOMAIN_PATTERNS = new WeakMap<readonly string[], RegExp>();

/** Whether `node` is `ancestor` or inside it, without relying on `contains` across documents. */
export function isInside(node: Node, ancestor: Node): boolean {
  for (let cur: Node | null = node; cur; cur = cur.parentNode) if (cur === ancestor) return true;
  return false;
}

/**
 * The document's <body> as the DOM standard defines it (the first <body> or <frameset> child
 * of the root), without creating one: linkedom's `document.body` adds a <head> and a <body>
 * to a page parsed without them, and detection must leave the page it reads as it was.
 */
export function bodyOf(doc: Document): HTMLElement | null {
  const root = doc.documentElement;
  if (!root) return null;
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'body' || child.localName === 'frameset') return child as HTMLElement;
  }
  return null;
}

/** Text in one form for matching phrases: lower case, ё as е, spaces folded. */
export function normalizeText(text: string): string {
  return foldSpaces(text).toLowerCase().replace(/ё/g, 'е');
}

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
function isBylineEntry(entry: ElementEntry): boolean {
  if (entry.tag === 'TIME') return true;
  if (hasToken(attrOf(entry, 'rel'), 'author', true)) return true;
  const itemprop = attrOf(entry, 'itemprop');
  if (hasToken(itemprop, 'author') || hasToken(itemprop, 'datePublished')) return true;
  // The class as written holds a word exactly when linkedom's folded copy does.
  const cls = entry.cls;
  return !!cls && (cls.includes('byline') || cls.includes('author') || cls.includes('dateline'));
}

interface Entry extends ElementEntry {
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

/** Shared by the many elements without attributes, instead of an empty array each. */
const NO_ATTRIBUTES: readonly string[] = Object.freeze([]);
const EMPTY_STATS: BlockStats = { chars: 0, linkChars: 0, links: 0, prose: 0, proseChars: 0, h1: false, imprint: false };
const PROSE_MIN_CHARS = 70;
/**
 * A Russian outlet's registration as a mass medium, which the media law (art. 27) makes it
 * print in its imprint on every page: «Свидетельство о регистрации СМИ Эл № ФС77-67642»,
 * «ЭЛ № ФС 77-81234», «ПИ № ТУ66-01234» (ФС: the federal registry, ТУ: a regional office).
 * The number's form is the registry's own, so it marks the imprint on any site; a story that
 * quotes one still has its other paragraphs.
 */
const MEDIA_REGISTRATION = /№\s*(?:фс|ту)\s*\d{1,2}\s*[-–—]\s*\d{3,}|свидетельств\S*\s+о\s+регистрации\s+(?:сми|средства\s+массовой|сетевого\s+издания|электронного\s+периодического)/i;
/** The shortest registration line: «№ФС77-123». */
const MEDIA_REGISTRATION_MIN_CHARS = 8;

/** Whether `text` carries a mass-medium registration (`MEDIA_REGISTRATION`); most text has neither «№» nor «егистрац» and is not searched. */
export function mediaRegistration(text: string): boolean {
  return (text.includes('№') || text.includes('егистрац')) && MEDIA_REGISTRATION.test(text);
}

/** Blocks that hold running text in their own text nodes when a site does not use <p>. */
const TEXT_BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'BLOCKQUOTE', 'DD']);

function countVisibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff)) n += 1;
  }
  return n;
}

/**
 * Bylines and datelines: the author's name and the date are article metadata that the reader
 * view shows, even when they sit in a block of links (`21/06/2014 Tony Carter · Books, News`).
 */
export const BYLINE = 'time, [rel~=author], [itemprop~=author], [itemprop~=datePublished], [class*=byline], [class*=author], [class*=dateline]';

/** Where an article lives. Site chrome is outside it; a header or footer inside belongs to the article. */
export const ARTICLE_CONTAINER = 'article, main, [role=main], [itemprop=articleBody]';

/** The article itself, narrower than its container: <main> also holds a page's sidebars. */
export const ARTICLE_ELEMENT = 'article, [itemprop=articleBody]';

/**
 * `[attr~=token]`: the value's whitespace-separated tokens include `token`. `ignoreCase` for
 * the attributes HTML compares so in selectors (`rel`, `type` and a few others).
 */
export function hasToken(value: string | null, token: string, ignoreCase = false): boolean {
  if (!value) return false;
  const wanted = ignoreCase ? token.toLowerCase() : token;
  for (const t of value.split(/[ \t\n\f\r]+/)) if ((ignoreCase ? t.toLowerCase() : t) === wanted) return true;
  return false;
}

/*
 * The three selectors above, as predicates: selector engines answer them at the cost named
 * above, and tests/unit/perf-page-stats.test.ts checks that these agree with the DOM's own
 * `matches` on every element of the test pages. `rel` compares case-insensitively in HTML
 * documents, `itemprop`, `role` and `class` do not (HTML's list of such attributes).
 */
export function isByline(el: Element): boolean {
  if (el.tagName.toUpperCase() === 'TIME') return true;
  if (hasToken(el.getAttribute('rel'), 'author', true)) return true;
  const itemprop = el.getAttribute('itemprop');
  if (hasToken(itemprop, 'author') || hasToken(itemprop, 'datePublished')) return true;
  const cls = el.getAttribute('class');
  return !!cls && (cls.includes('byline') || cls.includes('author') || cls.includes('dateline'));
}

export function isArticleContainer(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'ARTICLE' || tag === 'MAIN' || el.getAttribute('role') === 'main' || el.getAttribute('itemprop') === 'articleBody';
}

export function isArticleElement(el: Element): boolean {
  return el.tagName.toUpperCase() === 'ARTICLE' || el.getAttribute('itemprop') === 'articleBody';
}

const statsCache = new WeakMap<object, PageStats>();

const UPPER_TAGS = new Map<string, string>();

/**
 * `el.tagName.toUpperCase()`, from the local name through a table: linkedom builds the tag
 * name afresh on every read, and the walk reads it for every element. (The two differ only
 * for a namespace prefix, which parsed HTML never has.)
 */
export function upperTag(el: Element): string {
  const name = el.localName;
  let upper = UPPER_TAGS.get(name);
  if (upper === undefined) {
    upper = name.toUpperCase();
    // Pages cannot grow the table without bound: past the tags real pages use, no caching.
    if (UPPER_TAGS.size < 2000) UPPER_TAGS.set(name, upper);
  }
  return upper;
}

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

/** `el.closest(…) !== null` for a predicate, remembered for every element on the way up. */
function inside(test: (el: Element) => boolean): (el: Element) => boolean {
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
function holding(test: (el: Element) => boolean, self: boolean): (el: Element) => boolean {
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

/** Share of a block's visible characters that are link text. */
export function linkShare(s: BlockStats): number {
  return s.chars ? s.linkChars / s.chars : 0;
}

/**
 * Whether a block holds the article rather than sits beside it: its headline, or a real
 * share of the page's running prose. Every filter refuses such blocks, whatever their
 * class names say: sites wrap articles in `.content-widget` or `.sidebar-layout` too.
 * An outlet's imprint is never the article, however much of a page with little text it holds.
 */
export function holdsArticle(s: BlockStats, page: BlockStats): boolean {
  return s.h1 || (s.prose >= 2 && s.proseChars >= page.proseChars * 0.25 && !isImprint(s, s.prose, s.proseChars));
}

/**
 * The prose an imprint holds beside its registration line: the founder's address, the
 * «Редакция не несет ответственности…» or «Все права защищены…» sentence, two paragraphs of a
 * few hundred characters at most. A block with the registration and more prose than this
 * holds something else too: a page's wrapper, or a story that quotes a registration.
 */
const IMPRINT_MAX_PARAGRAPHS = 2;
const IMPRINT_MAX_PROSE_CHARS = 400;

/** A block holding an outlet's registration (`mediaRegistration`) and no more prose than an imprint has. */
export function isImprint(s: BlockStats, paragraphs: number, chars: number): boolean {
  return s.imprint && paragraphs <= IMPRINT_MAX_PARAGRAPHS && chars <= IMPRINT_MAX_PROSE_CHARS;
}

const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q',
  'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'NOBR', 'BUTTON',
]);

/** The nearest ancestor of a node that is not inline markup: the block its text belongs to. */
export function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/**
 * Distinct blocks under <body> holding a visible text node that matches `pattern`. Scanning
 * text nodes with a cheap pattern first keeps phrase rules fast: only the few hits are looked
 * at closely.
 */
export function blocksWithText(stats: PageStats, pattern: RegExp): Element[] {
  const blocks = new Set<Element>();
  for (const text of stats.texts) {
    if (!pattern.test(text.nodeValue ?? '')) continue;
    const block = blockOf(text);
    if (block) blocks.add(block);
  }
  return [...blocks];
}

/**
 * Climbs from `el` to the outermost wrapper that adds little of its own: each step may add at
 * most `slack` visible characters (an icon label, a close button, a counter) and the result
 * stays within `maxChars`. Banners and promos sit in several such wrappers, and removing only
 * the innermost would leave an empty frame with its buttons behind.
 */
export function growWrapper(el: Element, stats: PageStats, slack: number, maxChars: number): Element {
  let best = el;
  let current = stats.get(el);
  for (let cur = el.parentElement; cur && cur.tagName !== 'BODY' && cur.tagName !== 'HTML'; cur = cur.parentElement) {
    const s = stats.get(cur);
    if (s.chars - current.chars > slack || s.chars > maxChars || s.h1) break;
    best = cur;
    current = s;
  }
  return best;
}

/** A short description of an element for removal reasons: `div#id.class`. */
export function describeElement(el: Element): string {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls.map((c) => `.${c}`).join('')}`;
}

/**
 * Elements inside `root` that pass `test`, in document order: `root.querySelectorAll(…)` for
 * the simple selectors rules use, without a selector compilation per call (linkedom compiles
 * the selector again on every call, and these run for each candidate block).
 */
export function descendantsWhere(root: Element, test: (el: Element) => boolean, first = false): Element[] {
  const found: Element[] = [];
  const walk = (el: Element): boolean => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (test(child)) {
        found.push(child);
        if (first) return true;
      }
      if (walk(child)) return true;
    }
    return false;
  };
  walk(root);
  return found;
}

/** `root.querySelector(…) !== null` for a predicate. */
export function hasDescendantWhere(root: Element, test: (el: Element) => boolean): boolean {
  return descendantsWhere(root, test, true).length > 0;
}

/** `a[href]`. */
export function isLinkWithAddress(el: Element): boolean {
  return upperTag(el) === 'A' && el.hasAttribute('href');
}

/** A type selector list (`img, figure, video`) as a predicate: tag names in upper case. */
export function tagIn(tags: ReadonlySet<string>): (el: Element) => boolean {
  return (el) => tags.has(upperTag(el));
}

/** Drops matches that sit inside another match: a filter reports each piece of clutter once, whole. */
export function outermostOnly<T extends { readonly element: Element }>(matches: readonly T[]): T[] {
  const elements = new Set(matches.map((m) => m.element));
  const kept = new Set<Element>();
  return matches.filter((m) => {
    if (kept.has(m.element)) return false;
    for (let cur = m.element.parentElement; cur; cur = cur.parentElement) if (elements.has(cur)) return false;
    kept.add(m.element);
    return true;
  });
}


/**
 * Whether `el` stands between the article's paragraphs: its parent has at least two prose
 * paragraphs of its own. A footer, a list of links or a header there belongs to the article
 * (a source line, a list of documents), even on sites that wrap articles in plain <div>s.
 */
export function sitsAmongProse(el: Element, stats: PageStats): boolean {
  const parent = el.parentElement;
  if (!parent || parent.tagName === 'BODY') return false;
  let prose = 0;
  for (const child of parent.children) {
    if (child !== el && child.tagName.toUpperCase() === 'P' && stats.get(child).prose > 0 && ++prose >= 2) return true;
  }
  return false;
}
