import { visibleText } from '../dom.ts';
import { countWords } from '../text.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** "Image 1 of 8", "1 / 6", "Photo 3 of 12": a slideshow's position, not a caption. */
const COUNTER = /^((image|photo|picture|slide|фото|изображение)\s*)?\d+\s*(of|\/|из)\s*\/?\s*\d+$/i;
/** Buttons of a slideshow or a zoomable picture. */
const CONTROL =
  /^(caption|close|next|prev|previous|expand|enlarge|zoom|fullscreen|full screen|view (gallery|slideshow|all)|open gallery|launch gallery|caption close|show caption|hide caption|back to gallery|\d+ (photos|images|pictures))$/i;

export const galleryControls = definePostStep({
  id: 'gallery-controls',
  why:
    'Slideshows and zoomable pictures carry their own buttons and counters ("Image 1 of 8", "Caption", ' +
    '"Close", a photo count badge). Without the script behind them they are stray words in the story.',
  detect({ root }) {
    const found: PostMatch[] = [];
    for (const el of root.querySelectorAll('*')) {
      const text = visibleText(el);
      // Controls are removed from around a picture, never with it.
      if (!text || countWords(text) > 6 || el.querySelector('img, picture, video, iframe, svg, canvas')) continue;
      if (COUNTER.test(text) || CONTROL.test(text)) found.push({ element: el, reason: `gallery control "${text}"` });
      // A bare number over a picture is the gallery's photo count badge.
      else if (/^\d{1,3}$/.test(text) && el.closest('figure') && !el.closest('figcaption')) found.push({ element: el, reason: `photo count badge "${text}"` });
    }
    return found;
  },
});
