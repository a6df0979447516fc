/**
 * The pipeline's working copy of a page, made without the clutter detection found, instead
 * of copying everything and removing the clutter afterwards. On news pages about half of
 * the nodes are clutter (median 49% on the 91 benchmark pages: site headers, menus, footers,
 * headline lists), and copying them only to throw them away was the largest cost of the
 * core after Readability itself. The given document is only read.
 */

/**
 * A copy of `doc` that leaves out `left` (each with everything inside it). Subtrees holding
 * nothing left out are copied whole by the DOM, in one native call where there is one; only
 * the ancestors of what is left out are copied one node at a time.
 */
export function copyWithout(doc: Document, left: readonly Element[]): Document {
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
