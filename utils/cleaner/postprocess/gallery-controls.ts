import { definePostStep, type PostMatch } from './define.ts';

/** "Image 1 of 8", "1 / 6", "Photo 3 of 12": a slideshow's position, not a caption. */
const COUNTER = /^((image|photo|picture|slide|фото|изображение)\s*)?\d+\s*(of|\/|из)\s*(?:\/\s*)?\d+$/i;
/** Buttons of a slideshow or a zoomable picture. */
const CONTROL =
  /^(caption|close|next|prev|previous|expand|enlarge|zoom|(enlarge|expand|view|open|zoom) (image|photo|picture)|fullscreen|full screen|view (gallery|slideshow|all)|open gallery|launch gallery|caption close|show caption|hide caption|back to gallery|\d+ (photos|images|pictures))$/i;

const FIGURE = new Set(['FIGURE']);
const FIGCAPTION = new Set(['FIGCAPTION']);

export const galleryControls = definePostStep({
  id: 'gallery-controls',
  why:
    'Slideshows and zoomable pictures carry their own buttons and counters ("Image 1 of 8", "Caption", ' +
    '"Close", a photo count badge). Without the script behind them they are stray words in the story.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      // Controls are removed from around a picture, never with it.
      if (measure.words(el) > 6 || measure.hasMedia(el)) continue;
      const text = measure.text(el);
      if (!text) continue;
      if (COUNTER.test(text) || CONTROL.test(text)) found.push({ element: el, reason: `gallery control "${text}"` });
      // A bare number over a picture is the gallery's photo count badge.
      else if (/^\d{1,3}$/.test(text) && measure.within(el, FIGURE) && !measure.within(el, FIGCAPTION)) found.push({ element: el, reason: `photo count badge "${text}"` });
    }
    return found;
  },
});
