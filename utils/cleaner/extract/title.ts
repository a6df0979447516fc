/**
 * The headline as the page shows it. Readability prefers the metadata title (JSON-LD,
 * og:title, <title>), which outlets often dress differently from the page for social cards
 * and search results, in two ways the reader would notice:
 * - cut short: «Нюша поддержала Putin Team» on the card, «Нюша поддержала Putin Team и
 *   поздравила больных детей с Новым годом» on the page. A visible headline that begins with
 *   the whole metadata title and goes on is the same headline, uncut.
 * - a rubric in front: «Фото: Уикенд в горах…», "WATCH: …", "PHOTOS: …" on the card, where
 *   the page shows the rubric as a label of its own (or as the layout of a photo report)
 *   and the headline without it. A visible headline equal to what follows a short rubric
 *   and its colon is that headline, and the rubric is not part of it.
 * Either way the reader gets the visible one. Anything else (a different headline, a site
 * name in the h1) leaves Readability's choice alone.
 */
import { foldSpaces } from '../page/visible-text.ts';

/** Longest headline taken: past this an h1 is a lead or a block, not a title. */
const MAX_HEADLINE = 300;

/**
 * A rubric before the headline: one to three words and a colon («Фото:», «Видео:», "WATCH:",
 * "Live updates:"). A speaker («Песков: …») has the same shape; it is dropped only when the
 * page itself shows the headline without it, which is then what the reader saw there.
 */
const RUBRIC = /^([^\s:]+(?:\s+[^\s:]+){0,2})\s*:\s+(\S.*)$/u;

/** Shorter titles are no evidence: "News" begins headlines of every kind. */
const MIN_TITLE = 12;

/**
 * Read before Readability runs, which may remove the headline from the page as a duplicate.
 * <h2> counts too: article templates that give <h1> to the lead or the site logo set the
 * headline in an <h2>; only a text that matches the metadata title is ever taken from here,
 * so a page's other h2s (sections, teasers) do nothing.
 */
export function visibleHeadlines(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('h1, h2, [itemprop~="headline"]')) {
    const text = foldSpaces(el.textContent ?? '');
    if (text && text.length <= MAX_HEADLINE) found.push(text);
  }
  return found;
}

export function fullHeadline(metadataTitle: string, headlines: readonly string[]): string {
  // The look-behind starts the match only at a run's first character: linear, not quadratic.
  // eslint-disable-next-line redos/no-vulnerable -- as the comment above says; recheck's fuzzer does not model look-behinds
  const title = metadataTitle.replace(/(?<![\s.…])[\s.…]+$/u, '');
  if (title.length < MIN_TITLE) return metadataTitle;
  if (headlines.includes(metadataTitle)) return metadataTitle;
  const uncut = continuation(title, headlines);
  if (uncut) return uncut;
  const rest = RUBRIC.exec(title)?.[2];
  if (!rest || rest.length < MIN_TITLE) return metadataTitle;
  return headlines.find((h) => h === rest) ?? continuation(rest, headlines) ?? metadataTitle;
}

/** The visible headline that begins with the whole title and goes on past a word boundary. */
function continuation(title: string, headlines: readonly string[]): string | undefined {
  return headlines.find((h) => h.length > title.length && h.startsWith(title) && /^[\s,.:;—–-]/u.test(h.slice(title.length)));
}
