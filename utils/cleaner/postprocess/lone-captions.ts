import { upperTag } from '../page/elements.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** What a figure shows besides its caption; a <picture> or <img> counts only with an address. */
const SHOWS = 'video, audio, iframe, svg, canvas, object, embed, table, blockquote, pre, math';

export const loneCaptions = definePostStep({
  id: 'lone-captions',
  why:
    'A caption says what a picture shows; a figure whose picture is gone (a slideshow or a lazy ' +
    'loader that never ran, an embed the reader cannot play) leaves a caption about nothing. A figure ' +
    'that holds a quotation, a table or code keeps its caption: that is what it captions.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const caption of measure.elements) {
      if (upperTag(caption) !== 'FIGCAPTION') continue;
      // Its figure, or the wrapper a template set it in instead of one.
      const unit = caption.closest('figure') ?? caption.parentElement;
      if (!unit || shows(unit, caption)) continue;
      found.push({ element: unit, reason: `caption without its picture "${measure.text(caption).slice(0, 60)}"` });
    }
    return found;
  },
});

function shows(figure: Element, caption: Element): boolean {
  if (figure.querySelector(SHOWS)) return true;
  for (const img of Array.from(figure.getElementsByTagName('img'))) if (/^\s*https?:/i.test(img.getAttribute('src') ?? '')) return true;
  // Text outside the caption is the figure's content (a pull quote set as a figure).
  return hasTextBeside(figure, caption);
}

function hasTextBeside(root: Element, caption: Element): boolean {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child === caption) continue;
    if (child.nodeType === 1 && (child as Element).contains(caption)) {
      if (hasTextBeside(child as Element, caption)) return true;
    } else if (/\S/.test(child.textContent ?? '')) return true;
  }
  return false;
}
