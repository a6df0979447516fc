import { ELEMENT_BUDGET, type PageSnapshot } from '../../utils/messaging.ts';

/**
 * Serializes the page as it is now, scripts' changes included, so that the popup can parse
 * and clean it away from the page's main thread. This runs ON the page's main thread, so it
 * does the least it can: counting elements is cheap (one live collection) and serializing
 * is not, so a page over the budget is only counted unless the reader insisted.
 */

/** Returns an element's shadow root, open or closed where the browser lets us see closed ones. */
export type ShadowRootReader = (element: Element) => ShadowRoot | null;

export interface SnapshotOptions {
  ignoreBudget?: boolean;
  budget?: number;
  shadowRootOf?: ShadowRootReader;
}

const BUDGET_OVERRIDE = '__declutterIgnoreBudget';

/**
 * The popup's "Read anyway" sets a flag in our isolated world before injecting this script.
 * It is read once and cleared, so the next popup on the same tab starts within budget
 * again. The page's own scripts live in another world and cannot set it.
 */
export function consumeBudgetOverride(scope: object): boolean {
  const flags = scope as Record<string, unknown>;
  const on = flags[BUDGET_OVERRIDE] === true;
  delete flags[BUDGET_OVERRIDE];
  return on;
}

/**
 * Open shadow roots are visible to any script. Closed ones are visible to extensions only,
 * through Chromium's `chrome.dom.openOrClosedShadowRoot` or Firefox's
 * `element.openOrClosedShadowRoot`; those are asked about custom elements only (names with a
 * hyphen), where closed roots live, because one API call per element of a big page costs more
 * than the whole snapshot.
 */
export function browserShadowRootReader(scope: typeof globalThis = globalThis): ShadowRootReader {
  const chromeDom = (scope as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } } }).chrome?.dom;
  const closedRootOf = (element: Element): ShadowRoot | null => {
    const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (firefox !== undefined) return firefox ?? null;
    return chromeDom?.openOrClosedShadowRoot?.(element) ?? null;
  };
  return (element) => element.shadowRoot ?? (element.localName.includes('-') ? safely(() => closedRootOf(element)) : null);
}

function safely<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function takeSnapshot(doc: Document, options: SnapshotOptions = {}): PageSnapshot {
  const budget = options.budget ?? ELEMENT_BUDGET;
  const shadowRootOf = options.shadowRootOf ?? browserShadowRootReader();
  const source = readableDocument(doc);
  const contentType = source.contentType || 'text/html';
  const url = source.location?.href ?? source.URL;
  const root = source.documentElement;
  if (!root) return { url, title: source.title ?? '', contentType, elementCount: 0, html: '' };

  const lightElements = source.getElementsByTagName('*');
  const overBudget = (count: number) => count > budget && !options.ignoreBudget;
  // Over budget already without shadow trees: stop before looking at every element.
  if (overBudget(lightElements.length)) {
    return { url, title: source.title, contentType, elementCount: lightElements.length, html: null };
  }
  const hosts = findShadowHosts(source, shadowRootOf);
  const elementCount = lightElements.length + hosts.reduce((sum, host) => sum + countShadowElements(host, shadowRootOf), 0);
  if (overBudget(elementCount)) return { url, title: source.title, contentType, elementCount, html: null };
  const html = hosts.length ? composedTree(root, shadowRootOf).outerHTML : root.outerHTML;
  return { url, title: source.title, contentType, elementCount, html: quietForExtensionCsp(html) };
}

/** Where the snapshot moves what the extension CSP would report (see quietForExtensionCsp). */
export const SNAPSHOT_STYLE_ATTRIBUTE = 'data-declutter-style';
export const SNAPSHOT_BASE_ATTRIBUTE = 'data-declutter-href';

// Serialized HTML quotes every attribute value with " and escapes " inside it, so a start
// tag is matched whole, values included, and nothing inside a value is taken for a tag.
// Raw-text content (<noscript> is serialized raw while scripting is on) may hold
// hand-written markup, hence single-quoted and unquoted values and "/" as a separator too.
const NAME = String.raw`[^\s"'>/=]+`;
// An unquoted value runs to the next space or ">", as the HTML tokenizer reads it: without
// the look-ahead a "/" in it (href=/a/b/c) could also be read as a separator between
// attributes, and a tag that never closes took exponentially many tries.
const VALUE = String.raw`(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+(?=[\s>]|$)))?`;
const MARKUP = new RegExp(
  [
    // A script's text (JSON-LD included) is passed over whole: it is data, not markup.
    String.raw`<script\b(?:[\s/]+${NAME}${VALUE})*[\s/]*>[\s\S]*?<\/script\s*>`,
    String.raw`<style\b(?:[\s/]+${NAME}${VALUE})*[\s/]*>[\s\S]*?<\/style\s*>`,
    String.raw`<([a-zA-Z][^\s/>]*)((?:[\s/]+${NAME}${VALUE})*)([\s/]*>)`,
  ].join('|'),
  'gi',
);
const HIDING_STYLE = /(?:^|[=;"'\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const ATTRIBUTE = new RegExp(String.raw`([\s/]+)(${NAME})(${VALUE})`, 'g');

/**
 * Makes serialized page HTML quiet under the extension's CSP. Every parse of page HTML in an
 * extension page (the popup's DOMParser, DOMPurify's working copy) makes Chromium check
 * inline handlers, style attributes, <style> and <base> against the popup's CSP and report
 * each one as refused, though nothing in an inert document can run or render; a news page
 * gives a hundred such reports and console errors. So, on the page side:
 * - inline event handlers (onclick=, onerror=…) are dropped: reading never needs them;
 * - <style> elements are dropped: nothing in the cleaner reads style sheets;
 * - style="…" and <base href> keep their values under data-declutter-* names, which the
 *   cleaner reads (a fixed-position notice, the page's base URL) and the sanitizer drops;
 *   a style that hides its element adds `hidden`, which Readability honours as it did the style.
 * It is not a safety measure: the sanitizer in the popup removes all of this whatever arrives.
 */
export function quietForExtensionCsp(html: string): string {
  return html.replace(MARKUP, (whole, tag: string | undefined, attributes: string | undefined, end: string | undefined) => {
    if (tag === undefined) return /^<script/i.test(whole) ? whole : ''; // a whole <script> or <style> element
    const isBase = tag.toLowerCase() === 'base';
    const kept = attributes!.replace(ATTRIBUTE, (attribute, gap: string, name: string, value: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) return '';
      // Readability skips elements whose inline style hides them; under the new name it
      // could not tell, so a hiding style also becomes the `hidden` attribute it reads.
      if (lower === 'style') return `${gap}${SNAPSHOT_STYLE_ATTRIBUTE}${value}${HIDING_STYLE.test(value) ? ' hidden' : ''}`;
      if (isBase && lower === 'href') return `${gap}${SNAPSHOT_BASE_ATTRIBUTE}${value}`;
      return attribute;
    });
    return `<${tag}${kept}${end}`;
  });
}

/**
 * A frameset page has no body of its own: its text is in the frames. Same-origin frames
 * are readable from here, and the one with the most text is the one the reader came for
 * (the others are navigation and banners on such sites). Cross-origin frames stay out of
 * reach, and the frameset itself is returned: the popup then says there is no article.
 */
function readableDocument(doc: Document): Document {
  if (doc.body?.localName !== 'frameset') return doc;
  let best: { doc: Document; text: number } | null = null;
  for (const frame of doc.querySelectorAll('frame, iframe')) {
    const inner = safely(() => (frame as HTMLIFrameElement).contentDocument);
    if (!inner?.documentElement) continue;
    const text = inner.body?.textContent?.length ?? 0;
    if (!best || text > best.text) best = { doc: inner, text };
  }
  return best && best.text > 0 ? best.doc : doc;
}

/** One static list, walked once: indexing a live collection is linear per step in some engines. */
function findShadowHosts(doc: Document, shadowRootOf: ShadowRootReader): Element[] {
  const hosts: Element[] = [];
  for (const element of doc.querySelectorAll('*')) if (shadowRootOf(element)) hosts.push(element);
  return hosts;
}

function countShadowElements(host: Element, shadowRootOf: ShadowRootReader): number {
  let count = 0;
  const pending: ParentNode[] = [shadowRootOf(host)!];
  while (pending.length) {
    const root = pending.pop()!;
    for (const element of root.querySelectorAll('*')) {
      count++;
      const inner = shadowRootOf(element);
      if (inner) pending.push(inner);
    }
  }
  return count;
}

/**
 * A detached copy of the page as it is displayed: each shadow host's content is its shadow
 * tree, with every <slot> replaced by the light-DOM nodes assigned to it (or its fallback
 * content). Readability only sees light DOM (mozilla/readability#744), so an article drawn
 * by a web component would otherwise be invisible to it. Iterative, because hostile pages
 * nest deeply enough to overflow a recursive walk.
 */
function composedTree(root: Element, shadowRootOf: ShadowRootReader): Element {
  // Copies live in a document with no browsing context: a copied <img> there fetches
  // nothing and a copied handler never runs, unlike copies made in the page's own document.
  const inert = root.ownerDocument.implementation.createHTMLDocument('');
  const copy = inert.importNode(root, false);
  const pending: { from: Node; into: Node }[] = [{ from: root, into: copy }];
  while (pending.length) {
    const { from, into } = pending.pop()!;
    const shadow = from.nodeType === 1 ? shadowRootOf(from as Element) : null;
    const children = [...(shadow ?? from).childNodes];
    for (const child of children.reverse()) {
      for (const node of slotted(child).reverse()) {
        const clone = inert.importNode(node, false);
        into.insertBefore(clone, into.firstChild);
        pending.push({ from: node, into: clone });
      }
    }
  }
  return copy;
}

/** What a node displays as: a slot shows its assigned nodes, or its own children if none are assigned. */
function slotted(node: Node): Node[] {
  if (node.nodeType !== 1 || (node as Element).localName !== 'slot') return [node];
  const slot = node as HTMLSlotElement;
  const assigned = safely(() => slot.assignedNodes?.({ flatten: true }) ?? null) ?? [];
  const shown = assigned.length ? assigned : [...slot.childNodes];
  return shown.flatMap(slotted);
}
