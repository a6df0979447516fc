import { hasClassWord } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words of share and follow buttons. */
const SHARE = new Set(['share', 'shares', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'addthis', 'sharethis', 'sociallinks']);

/**
 * A button's whole label: share verbs and network names. "Click to tweet" boxes keep their
 * quote and lose only this label. The network's name ends at a word boundary: with `\w+` free
 * to stop anywhere, "share on shareshare…" split into items in exponentially many ways.
 */
const SHARE_LABEL =
  /^((share|tweet|pin|email|e-mail|print|copy link|save|comment|click to tweet|tweet this|share this( article| story)?|share on \w+\b|поделиться|твитнуть|отправить|compartilhe|compartir|teilen|partager)[\s:|·•/,]*)+$/i;

/** Embedded posts from social networks are quoted content, often named "social-embed". */
const EMBED_SELECTOR = 'blockquote, iframe, video, figure, [class*="tweet"], [class*="instagram"]';

export const shareBars = definePostStep({
  id: 'share-bars',
  filter: 'promo-links',
  why:
    'Share and follow buttons are placed right above and below the story, inside the same container, and ' +
    'Readability keeps their labels ("Share", "Tweet", "Click To Tweet"). They are controls, not text, and ' +
    'mean nothing without the page around them.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const words = measure.words(el);
      if (words > 15) continue;
      const text = measure.text(el);
      if (hasClassWord(el, SHARE) && !el.querySelector(EMBED_SELECTOR) && (words <= 4 || measure.linkDensity(el) >= 0.5)) {
        found.push({ element: el, reason: 'named as share buttons' });
      } else if (text && words <= 8 && SHARE_LABEL.test(text) && (el.tagName === 'A' || el.tagName === 'BUTTON' || el.querySelector('a, button') || el.children.length === 0)) {
        found.push({ element: el, reason: `share button label "${text}"` });
      }
    }
    return found;
  },
});
