/**
 * The consent platforms' half of the cookie-banners filter (filters/cookie-banners.ts): their
 * banner containers, by the selectors DuckDuckGo autoconsent's rules name (kept in
 * assets/data/consent-selectors.json by scripts/build-consent-selectors.ts), and the page
 * inventory that leaves only the few selectors worth running on a page.
 */
import consentData from '../../../assets/data/consent-selectors.json';
import type { ElementEntry, PageStats } from '../page/stats.ts';
import { holdsArticle } from '../page/blocks.ts';
import type { FilterContext, FilterMatch } from '../types.ts';

/**
 * What a page must contain for a selector to have any chance: every id, class, attribute name
 * and custom tag the selector names outside `:not()` (its ancestors and `:has()` parts must
 * exist too). `#onetrust-banner-sdk` cannot match a page without that id. Checking these
 * against one inventory of the page leaves a handful of the ~400 selectors to run; that
 * matters on DOMs whose selector engines walk the whole page once per selector (jsdom takes
 * a third of a second for the full list on a news page, a browser about a millisecond).
 */
interface SelectorNeeds {
  readonly selector: string;
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly attributes: readonly string[];
  /** Values of `[class…=v]` and `[id…=v]`: they must occur in some class or id. */
  readonly nameParts: readonly string[];
  readonly tags: readonly string[];
  /**
   * Values of other attributes (`[src^="https://cmp…"]`, `[aria-label="Cookie banner"]`),
   * lower-cased: whatever the operator, a matching value contains `value`, ignoring case.
   */
  readonly values: readonly { readonly name: string; readonly value: string }[];
}

/** An attribute selector with a well-formed value: quoted, or a bare identifier; an optional case flag. */
const ATTRIBUTE_VALUE = /\[\s*([\w-]+)\s*[*^$~|]?=\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*(?:[is]\s*)?\]/g;

export function needsOf(selector: string): SelectorNeeds {
  const none = { selector, ids: [], classes: [], attributes: [], nameParts: [], tags: [], values: [] };
  if (selector.includes('\\')) return none;
  let positive = selector;
  for (let previous = ''; previous !== positive; ) {
    previous = positive;
    positive = positive.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '');
  }
  const attributes: string[] = [];
  const nameParts: string[] = [];
  // A selector list or :is() would make its parts alternatives, not all required.
  const values = /,|:(is|where|matches|any)\(/.test(positive)
    ? []
    : [...positive.matchAll(ATTRIBUTE_VALUE)]
        .map((m) => ({ name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase() }))
        .filter((v) => v.name !== 'class' && v.name !== 'id');
  // eslint-disable-next-line redos/no-vulnerable, regexp/no-super-linear-backtracking -- our own selector list (autoconsent's rules, built in), never page text
  const bare = positive.replace(/\[\s*([\w-]+)\s*(?:([*^$~|]?=)\s*["']?([^"'\]]*)["']?\s*)?(?:\s[is])?\]/g, (_all, name: string, op?: string, value?: string) => {
    attributes.push(name.toLowerCase());
    if ((name === 'class' || name === 'id') && op && value) nameParts.push(value);
    return '';
  });
  return {
    selector,
    ids: [...bare.matchAll(/#([\w-]+)/g)].map((m) => m[1] ?? ''),
    classes: [...bare.matchAll(/\.([\w-]+)/g)].map((m) => m[1] ?? ''),
    attributes,
    nameParts,
    tags: [...bare.matchAll(/(?:^|[\s>+~(])([a-z][\w]*-[\w-]*)/gi)].map((m) => (m[1] ?? '').toLowerCase()),
    values,
  };
}

const SELECTOR_NEEDS: readonly SelectorNeeds[] = consentData.selectors.map(needsOf);
/**
 * Everything some selector needs, so that the inventory of a page records only these: a page
 * has thousands of class names and a few hundred matter. Recording all of them (a set of every
 * class, a string of every name) cost more than the few selectors left to run.
 */
const NEEDED = {
  ids: new Set(SELECTOR_NEEDS.flatMap((n) => n.ids)),
  classes: new Set(SELECTOR_NEEDS.flatMap((n) => n.classes)),
  attributes: new Set(SELECTOR_NEEDS.flatMap((n) => n.attributes)),
  tags: new Set(SELECTOR_NEEDS.flatMap((n) => n.tags)),
  nameParts: [...new Set(SELECTOR_NEEDS.flatMap((n) => n.nameParts))],
};
/**
 * The attribute values some selector needs, by attribute name (lower case): a page's value is
 * looked at only under these names, and kept only when it holds one of them. A test that
 * ignores case comes first, so that the page's many `href` and `src` values are not copied.
 */
const NEEDED_VALUES = new Map(
  [...new Set(SELECTOR_NEEDS.flatMap((n) => n.values.map((v) => v.name)))].map((name) => {
    const wanted = [...new Set(SELECTOR_NEEDS.flatMap((n) => n.values.filter((v) => v.name === name).map((v) => v.value)))];
    return [name, { wanted, any: new RegExp(wanted.map(escapeRegExp).join('|'), 'i') }] as const;
  }),
);
const CLASS_SEPARATOR = /[ \t\n\f\r]+/;
/** Matches a name holding any of NEEDED.nameParts (a part matches nothing when there are none). */
const ANY_NAME_PART = NEEDED.nameParts.length ? new RegExp(NEEDED.nameParts.map(escapeRegExp).join('|')) : /(?!)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type ReadElement = Pick<ElementEntry, 'el' | 'tag' | 'attributes' | 'cls' | 'id'>;

function readElements(doc: Document): ReadElement[] {
  return [...doc.querySelectorAll('*')].map((el) => ({
    el,
    tag: el.tagName.toUpperCase(),
    // getAttributeNames, not `attributes`: jsdom builds a NamedNodeMap wrapper per element.
    attributes: el.getAttributeNames(),
    cls: el.getAttribute('class'),
    id: el.getAttribute('id'),
  }));
}

/**
 * `elements` is every element of `doc` (`doc.querySelectorAll('*')`) as `pageStats` read them,
 * when the caller has them. Index loops: this runs over every element and attribute of a page.
 */
export function selectorsWorthRunning(doc: Document, elements: readonly ReadElement[] = readElements(doc)): string[] {
  const present = { ids: new Set<string>(), classes: new Set<string>(), attributes: new Set<string>(), tags: new Set<string>(), nameParts: new Set<string>() };
  // Pages repeat the same class attribute on many elements: each distinct one is read once.
  const idsSeen = new Set<string>();
  const classesSeen = new Set<string>();
  const readName = (name: string, isClass: boolean): void => {
    const seen = isClass ? classesSeen : idsSeen;
    if (seen.has(name)) return;
    seen.add(name);
    if (isClass) {
      const classes = name.split(CLASS_SEPARATOR);
      for (let i = 0; i < classes.length; i++) if (NEEDED.classes.has(classes[i]!)) present.classes.add(classes[i]!);
    }
    // One test of all the parts at once; the few names that hold one are looked at part by part.
    if (!ANY_NAME_PART.test(name)) return;
    for (let i = 0; i < NEEDED.nameParts.length; i++) if (name.includes(NEEDED.nameParts[i]!)) present.nameParts.add(NEEDED.nameParts[i]!);
  };
  for (let e = 0; e < elements.length; e++) {
    const { tag, attributes: attributeNames, cls, id } = elements[e]!;
    // Only custom elements' names (`<cmp-banner>`) are needed; theirs hold a hyphen.
    if (tag.includes('-')) {
      const lower = tag.toLowerCase();
      if (NEEDED.tags.has(lower)) present.tags.add(lower);
    }
    for (let a = 0; a < attributeNames.length; a++) {
      const name = attributeNames[a]!;
      // HTML attribute names come lower-cased from the parser; only XML-ish ones need folding.
      if (NEEDED.attributes.has(name)) present.attributes.add(name);
      else if (name !== name.toLowerCase() && NEEDED.attributes.has(name.toLowerCase())) present.attributes.add(name.toLowerCase());
    }
    if (id) {
      if (NEEDED.ids.has(id)) present.ids.add(id);
      readName(id, false);
    }
    if (cls) readName(cls, true);
  }
  const candidates = SELECTOR_NEEDS.filter(
    (n) =>
      n.ids.every((id) => present.ids.has(id)) &&
      n.classes.every((c) => present.classes.has(c)) &&
      n.attributes.every((a) => present.attributes.has(a)) &&
      n.tags.every((t) => present.tags.has(t)) &&
      n.nameParts.every((part) => present.nameParts.has(part)),
  );
  // Attribute values are read only for the few selectors that everything else leaves in:
  // `href` and `src` are needed by one selector or two, and hold most of a page's long values.
  const valueNames = new Set(candidates.flatMap((n) => n.values.map((v) => v.name)));
  const values = valueNames.size ? presentValues(elements, valueNames) : new Set<string>();
  return candidates.filter((n) => n.values.every(({ name, value }) => values.has(`${name}=${value}`))).map((n) => n.selector);
}

/** `name=value` for each needed value (NEEDED_VALUES) that some attribute among `names` holds, ignoring case. */
function presentValues(elements: readonly ReadElement[], names: ReadonlySet<string>): Set<string> {
  const values = new Set<string>();
  for (let e = 0; e < elements.length; e++) {
    const { el, attributes: attributeNames } = elements[e]!;
    for (let a = 0; a < attributeNames.length; a++) {
      const name = attributeNames[a]!;
      const lower = names.has(name) ? name : name.toLowerCase();
      if (!names.has(lower)) continue;
      const needed = NEEDED_VALUES.get(lower)!;
      const value = el.getAttribute(name) ?? '';
      if (!needed.any.test(value)) continue;
      const folded = value.toLowerCase();
      for (const wanted of needed.wanted) if (folded.includes(wanted)) values.add(`${lower}=${wanted}`);
    }
  }
  return values;
}

/** Elements the consent platforms' selectors find, except the page itself and any block that holds the article. */
export function consentSelectorMatches(ctx: FilterContext, stats: PageStats): FilterMatch[] {
  const selectors = selectorsWorthRunning(ctx.doc, stats.all);
  if (!selectors.length) return [];
  let found: Element[];
  try {
    // One joined query is one pass over the page in a browser's engine.
    found = [...ctx.doc.querySelectorAll(selectors.join(','))];
  } catch {
    // Only a browser that cannot parse one of them (`:has` in old engines) gets here.
    found = selectors.flatMap((selector) => {
      try {
        return [...ctx.doc.querySelectorAll(selector)];
      } catch {
        return [];
      }
    });
  }
  const matches: FilterMatch[] = [];
  for (const el of found) {
    const tag = el.tagName.toUpperCase();
    // Some platforms mark <html> or <body> while their banner shows; the page itself is no banner.
    if (tag === 'HTML' || tag === 'BODY' || tag === 'HEAD') continue;
    if (holdsArticle(stats.get(el), stats.page)) continue;
    const selector = selectors.find((s) => {
      try {
        return el.matches(s);
      } catch {
        return false;
      }
    });
    matches.push({ element: el, reason: `consent selector ${selector ?? '(autoconsent)'}` });
  }
  return matches;
}
