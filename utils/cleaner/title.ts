/**
 * The headline as the page shows it. Readability prefers the metadata title (JSON-LD,
 * og:title, <title>), which outlets often shorten for social cards and search results:
 * «Нюша поддержала Putin Team» on the card, «Нюша поддержала Putin Team и поздравила больных
 * детей с Новым годом» on the page. A visible headline that begins with the whole metadata
 * title and goes on is the same headline, uncut, so the reader gets that one. Anything else
 * (a different h1, a site name in the h1) leaves Readability's choice alone.
 */
import { foldSpaces } from './dom.ts';

/** Longest headline taken: past this an h1 is a lead or a block, not a title. */
const MAX_HEADLINE = 300;

/** Read before Readability runs, which may remove the headline from the page as a duplicate. */
export function visibleHeadlines(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('h1, [itemprop~="headline"]')) {
    const text = foldSpaces(el.textContent ?? '');
    if (text && text.length <= MAX_HEADLINE) found.push(text);
  }
  return found;
}

export function fullHeadline(metadataTitle: string, headlines: readonly string[]): string {
  const title = metadataTitle.replace(/[\s.…]+$/u, '');
  if (title.length < 12) return metadataTitle;
  const uncut = headlines.find((h) => h.length > title.length && h.startsWith(title) && /^[\s,.:;—–-]/u.test(h.slice(title.length)));
  return uncut ?? metadataTitle;
}
