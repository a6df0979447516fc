import { foldSpaces } from '../page/visible-text.ts';
import { definePostStep, type PostMatch } from './define.ts';

export const titleDuplicate = definePostStep({
  id: 'title-duplicate',
  why:
    'The popup prints the article\'s title above the body. Sites repeat it as the first heading of the ' +
    'article container, and Readability removes that heading only when it finds it first, so the reader ' +
    'would see the headline twice.',
  detect({ measure, title }) {
    const wanted = normalize(title);
    if (!wanted) return [];
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      if (!CANDIDATES.has(el.tagName) || !measure.story.before(el) || measure.hasMedia(el) || holdsBlocks(el)) continue;
      const text = normalize(measure.text(el));
      if (!text) continue;
      // Titles often carry the site's name ("… | The Hill"); the heading does not.
      if (text === wanted || (text.length >= 20 && wanted.startsWith(text) && text.length / wanted.length >= 0.6)) {
        found.push({ element: el, reason: 'repeats the title' });
      }
    }
    return found;
  },
});

const CANDIDATES = new Set(['H1', 'H2', 'H3', 'P', 'DIV']);

function normalize(text: string): string {
  return foldSpaces(text).toLowerCase().replace(/[“”«»"'’‘]/g, '');
}

/** A wrapper of paragraphs or headings is not the heading itself. */
function holdsBlocks(el: Element): boolean {
  for (const child of el.children) if (/^(P|H1|H2|H3|DIV)$/.test(child.tagName) || holdsBlocks(child)) return true;
  return false;
}
