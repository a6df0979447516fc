/**
 * The pipeline's working copy of a page, made without the clutter detection found, instead
 * of copying everything and removing the clutter afterwards. On news pages about half of
 * the nodes are clutter (median 49% on the 91 benchmark pages: site headers, menus, footers,
 * headline lists), and copying them only to throw them away was the largest cost of the
 * core after Readability itself. The given document is only read.
 */

import type { PageStats } from '../page/stats.ts';

/**
 * What no step after the copy reads and no reader ever sees, so the copy leaves it out too:
 * - scripts, except JSON-LD, which Readability reads for metadata and then removes them all;
 * - style sheets, `<link>`s and templates, which Readability removes or never looks at;
 * - inline SVG, which the article sanitizer drops with its content (HTML profile only), so
 *   an icon or a chart never reaches the reader;
 * - comments. Readability ends a run of inline content at a comment when it wraps a
 *   `<div>`'s loose text in paragraphs, so `text<!-- -->more` became two paragraphs where a
 *   reader sees one line.
 * On the 91 benchmark pages that is a fifth of what was copied (link and meta tags fill the
 * heads of news pages; scripts and icon sprites their bodies), and the article texts stay
 * the same on every one of them.
 */
export function neverShown(stats: PageStats): Node[] {
  const elements = stats
    .withTag(['SCRIPT', 'STYLE', 'LINK', 'TEMPLATE', 'SVG'], 'document')
    // A malformed page can have one of them as its root, and a copy needs a root.
    .filter((el) => el.parentElement !== null && (el.localName !== 'script' || !isJsonLd(el)));
  return [...elements, ...unreadHead(stats), ...stats.comments];
}

/**
 * The words of every `<meta>` name or property Readability takes metadata from (its
 * `_getArticleMetadata` patterns: `og:title`, `author`, `dc.creator`, `article:published_time`…).
 * A meta naming none of them, or without content, is never read: `viewport`, `og:image`,
 * `twitter:card`, `fb:app_id`, verification tokens. Matching the words anywhere keeps a
 * superset of what Readability reads.
 */
const READ_META = /author|creator|description|published_time|pub-date|title|site_name/i;

/**
 * What in the page's `<head>` nothing reads: the whitespace between its tags and the metas
 * Readability ignores. News pages' heads hold dozens of metas, and their whitespace, more
 * nodes than some articles (a seventh of what was copied on the benchmark pages). Only the
 * root's own head: elsewhere a meta is an element of the body, and an empty wrapper around it
 * would read as empty to Readability. A meta right before a `<noscript>` stays, because
 * Readability looks at the element before each noscript for an image to replace.
 */
function unreadHead(stats: PageStats): Node[] {
  const left: Node[] = [];
  for (const head of stats.withTag(['HEAD'], 'document')) {
    const root = head.parentNode;
    if (!root || root !== head.ownerDocument?.documentElement) continue;
    for (const child of head.childNodes) {
      if (child.nodeType === 3) {
        if (!/\S/.test(child.nodeValue ?? '')) left.push(child);
      } else if (child.nodeType === 1 && (child as Element).localName === 'meta' && !readMeta(child as Element)) {
        left.push(child);
      }
    }
  }
  return left;
}

function readMeta(meta: Element): boolean {
  const next = meta.nextElementSibling;
  if (next && next.localName === 'noscript') return true;
  if (!meta.getAttribute('content')) return false;
  return READ_META.test(meta.getAttribute('name') ?? '') || READ_META.test(meta.getAttribute('property') ?? '');
}

function isJsonLd(script: Element): boolean {
  return (script.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/**
 * A copy of `doc` that leaves out `left` (each with everything inside it, elements or other nodes). Subtrees holding
 * nothing left out are copied whole by the DOM, in one native call where there is one; only
 * the ancestors of what is left out are copied one node at a time.
 */
export function copyWithout(doc: Document, left: readonly Node[]): Document {
  if (!left.length) return doc.cloneNode(true) as Document;
  const skipped = new Set<Node>(left);
  const onPath = new Set<Node>();
  for (const el of left) {
    for (let cur = el.parentNode; cur && !onPath.has(cur); cur = cur.parentNode) onPath.add(cur);
  }
  const copy = doc.cloneNode(false) as Document;
  // importNode makes the copies in the new document itself: appending clones made in `doc`
  // would make a spec DOM adopt every node of them a second time.
  // childNodes rather than nextSibling: linkedom gives a doctype no next sibling. Only the
  // few ancestors of what is left out are listed this way.
  const copyChildren = (from: Node, into: Node): void => {
    for (const child of from.childNodes) {
      if (skipped.has(child)) continue;
      if (onPath.has(child)) {
        const shallow = into.appendChild(copy.importNode(child, false));
        copyChildren(child, shallow);
      } else {
        into.appendChild(copy.importNode(child, true));
      }
    }
  };
  copyChildren(doc, copy);
  return copy;
}
