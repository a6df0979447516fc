import { definePostStep, type PostMatch } from './define.ts';

/**
 * The label an editor puts before a link to another story in the middle of this one:
 * "READ MORE:", "RELATED:", "DON'T MISS", "WATCH:", "Читайте также:".
 */
const INSERT_LABEL =
  /^(read more|read next|read also|also read|more|related|related coverage|related article|see also|see more|also see|don'?t miss|must read|watch|listen|click here|recommended|trending|подробнее|читайте также|читать также|смотрите также|по теме|также читайте|leia também|veja também|lesen sie auch|à lire aussi|lire aussi|lee también)\s*[:>»|–—-]/i;

const BLOCKS = new Set(['P', 'DIV', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'STRONG', 'B', 'ASIDE', 'SECTION']);

export const linkInserts = definePostStep({
  id: 'link-inserts',
  filter: 'promo-links',
  why:
    'Between paragraphs, editors insert one-line links to other stories: "READ MORE: …", "RELATED: …", ' +
    'or a headline in capitals that is all link. They interrupt the story and point away from it; a ' +
    'paragraph of the story is not a single link.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      if (!BLOCKS.has(el.tagName)) continue;
      const words = measure.words(el);
      const density = measure.linkDensity(el);
      // In-page anchors (a table of contents, "back to top") are not links away.
      if (words === 0 || words > 40 || density < 0.4 || !linksAway(el)) continue;
      const text = measure.text(el);
      if (INSERT_LABEL.test(text) && density >= 0.4) {
        found.push({ element: el, reason: `labelled link to another story "${text.slice(0, 40)}"` });
      } else if (density >= 0.9 && words >= 3 && isShouted(text)) {
        found.push({ element: el, reason: 'a headline in capitals that is all link' });
      }
    }
    return found;
  },
});

/** Written in capitals: at least four of five letters upper-case. */
function isShouted(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 10) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper / letters.length >= 0.8;
}

/** Holds a link to another page; in-page anchors ("#top", a table of contents) do not count. */
function linksAway(el: Element): boolean {
  for (const a of el.getElementsByTagName('a')) {
    const href = a.getAttribute('href');
    if (href && !href.startsWith('#')) return true;
  }
  return false;
}
