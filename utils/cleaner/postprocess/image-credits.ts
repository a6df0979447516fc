import { visibleText } from '../dom.ts';
import { countWords } from '../text.ts';
import { hasClassWord } from './class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words for the credit line under a picture. */
const CREDIT = new Set(['credit', 'credits', 'copyright', 'photographer', 'attribution', 'courtesy', 'imagecredit', 'photocredit']);

/**
 * A credit line on its own: a label, then the agency or photographer. BBC-style
 * "Image copyright Getty Images", "Photo by Jane Doe", "Courtesy of NASA" carry their own
 * wording; bare nouns ("Photo", "Source", "Фото") count only with a colon or bar after
 * them, so "Picture the scene…" in a caption is left alone.
 */
const CREDIT_LINE =
  /^((image copyright|image source|image credit|photo credit|picture credit|copyright|(photo(graph)?|picture|image|illustration|video) by|courtesy( of)?)\s*[:|–—-]?|(photos?|photograph|pictures?|images?|illustration|video|credits?|source|фото(графия)?|источник|иллюстрация|foto|bild|imagem)\s*[:|])\s*/i;

const MEDIA = 'img, picture, video, iframe, svg, canvas';

/** Picture agencies whose bare name under a picture is a credit, not a caption. */
const AGENCY = /^(getty( images)?|ap( photo)?|reuters|afp( via getty( images)?)?|epa|shutterstock|istock(photo)?|alamy|pa( wire)?|tass|тасс|риа новости|reuters\/\w+)$/i;

export const imageCredits = definePostStep({
  id: 'image-credits',
  why:
    'Credit lines name who took a picture ("Photo: AP", "Image copyright Getty Images"). They are a legal ' +
    'courtesy that belongs to the picture on the page, and read as noise in the text of the story; the ' +
    'caption itself stays.',
  detect({ root }) {
    const found: PostMatch[] = [];
    for (const el of root.querySelectorAll('*')) {
      const text = visibleText(el);
      // The credit goes, the picture it is written on stays.
      if (!text || el.querySelector(MEDIA)) continue;
      const words = countWords(text);
      // A site may put its credit class on a whole caption ("Neil Gaiman in 2002. Photo by
      // …"): only a line that reads as a credit goes, a described picture stays.
      if (hasClassWord(el, CREDIT) && (words <= 6 || (words <= 15 && (CREDIT_LINE.test(text) || /^[(©]/.test(text))))) {
        found.push({ element: el, reason: 'named as a picture credit' });
        continue;
      }
      if (words > 12 || el.children.length > 3) continue;
      const inFigure = el.closest('figure, figcaption, picture') !== null;
      const rest = text.replace(CREDIT_LINE, '');
      if (/^image caption$/i.test(text)) {
        found.push({ element: el, reason: 'screen-reader label "Image caption"' });
      } else if (rest !== text && countWords(rest) <= 8 && (inFigure || isLabelled(text))) {
        found.push({ element: el, reason: `credit line "${text}"` });
      } else if (inFigure && AGENCY.test(text)) {
        found.push({ element: el, reason: `picture agency "${text}"` });
      }
    }
    return found;
  },
});

/**
 * Outside a figure only an explicit label makes a credit ("Credit: EPA"), never a bare
 * "Source" or "Photo" opening a sentence of the story.
 */
function isLabelled(text: string): boolean {
  return /^(image copyright|image source|image caption|photo credit|credits?\s*:|photo\s*:|picture\s*:|фото\s*:|источник\s*:)/i.test(text);
}
