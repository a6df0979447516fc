/**
 * Running text set in heading markup, made a paragraph again before Readability reads it.
 *
 * Some templates set a story's lead, or the only prose of a photo report, in an <h1>–<h3>
 * styled as a large first paragraph (gazeta.ru's photo reports: the whole text is one
 * `<h1 class="small_header">`). Readability never scores a heading and deletes every <h1>
 * from the article, so the reader loses the text and gets whatever prose is left on the
 * page instead. A heading names a story or a section in a line; one of 300+ characters in
 * two or more sentences is running text whatever its tag, and is read as a paragraph.
 */
import { foldSpaces } from '../page/visible-text.ts';
import { type PageStats } from '../page/stats.ts';

/** Visible characters (spaces not counted) a heading needs before it can be prose: 300 with spaces. */
const MIN_CHARS = 250;
const HEADING_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
/** A sentence's end: its stop (quotes and brackets may close after it), then the next sentence's first letter. */
const SENTENCE_END = /[.!?…]["»”’)]*\s+(?:["«„“(—–-]\s*)?\p{Lu}/u;

/** Two sentences at least: one sentence's end inside (the last may end without a stop, as a lead leading into a gallery does). */
function isRunningText(text: string): boolean {
  return text.length >= 300 && text.search(SENTENCE_END) > 0;
}

/**
 * Turns the copy's headings that hold running text into paragraphs, attributes and content
 * kept. `pageStats` are the page's own, read first so that pages without a long heading
 * (nearly all) cost no walk of the copy.
 */
export function paragraphsFromLongHeadings(copy: Document, pageStats: PageStats): void {
  if (!pageStats.withTag(HEADING_TAGS, 'body').some((h) => pageStats.get(h).chars >= MIN_CHARS)) return;
  for (const heading of [...copy.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
    if (!isRunningText(foldSpaces(heading.textContent ?? ''))) continue;
    const paragraph = copy.createElement('p');
    for (const name of heading.getAttributeNames()) paragraph.setAttribute(name, heading.getAttribute(name) ?? '');
    while (heading.firstChild) paragraph.appendChild(heading.firstChild);
    heading.replaceWith(paragraph);
  }
}
