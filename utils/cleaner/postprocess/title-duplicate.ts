import { foldSpaces, visibleText } from '../dom.ts';
import { definePostStep, type PostMatch } from './define.ts';
import { storyMap } from './story.ts';

export const titleDuplicate = definePostStep({
  id: 'title-duplicate',
  why:
    'The popup prints the article\'s title above the body. Sites repeat it as the first heading of the ' +
    'article container, and Readability removes that heading only when it finds it first, so the reader ' +
    'would see the headline twice.',
  detect({ root, title }) {
    const wanted = normalize(title);
    if (!wanted) return [];
    const story = storyMap(root);
    const found: PostMatch[] = [];
    for (const el of root.querySelectorAll('h1, h2, h3, p, div')) {
      if (!story.before(el) || el.querySelector('p, h1, h2, h3, img')) continue;
      const text = normalize(visibleText(el));
      if (!text) continue;
      // Titles often carry the site's name ("… | The Hill"); the heading does not.
      if (text === wanted || (text.length >= 20 && wanted.startsWith(text) && text.length / wanted.length >= 0.6)) {
        found.push({ element: el, reason: 'repeats the title' });
      }
    }
    return found;
  },
});

function normalize(text: string): string {
  return foldSpaces(text).toLowerCase().replace(/[“”«»"'’‘]/g, '');
}
