/**
 * Small element helpers that behave the same in browsers, jsdom and linkedom: tag names,
 * class and id, ancestry, the document's <body>, descendant searches by predicate (no
 * selector compilation per call under linkedom), and an element's short description for
 * removal reasons.
 */

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
