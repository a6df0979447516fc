import { ELEMENT_BUDGET, type PageSnapshot } from '../../utils/messaging.ts';

/**
 * Serializes the page as it is now, scripts' changes included, so that the popup can parse
 * and clean it away from the page's main thread. Counting elements is cheap and
 * serializing is not, so a page over the budget is only counted unless the reader insists.
 */
export function takeSnapshot(doc: Document, options: { ignoreBudget?: boolean } = {}): PageSnapshot {
  const elementCount = doc.getElementsByTagName('*').length;
  const overBudget = elementCount > ELEMENT_BUDGET && !options.ignoreBudget;
  return {
    url: doc.location?.href ?? doc.URL,
    title: doc.title,
    contentType: doc.contentType ?? 'text/html',
    elementCount,
    html: overBudget || !doc.documentElement ? null : doc.documentElement.outerHTML,
  };
}
