import { classWords } from '../page/class-words.ts';
import { definePostStep } from './define.ts';

/** Class words sites use for text their CSS hides from sighted readers. */
const HIDDEN = new Set(['hidden', 'hide', 'hdn', 'invisible', 'offscreen', 'visuallyhidden', 'sronly']);
/** Cards that pop up on hover over a name or link, hidden until then. */
const HOVER_CARDS = new Set(['rollover', 'tooltip', 'popover', 'hovercard', 'flyout']);
/**
 * "hidden-xs", "hidden-print": hidden on one screen size or medium only, shown on the
 * desktop screen the page was read on.
 */
const RESPONSIVE = new Set(['xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'mobile', 'phone', 'tablet', 'desktop', 'print', 'small', 'large', 'block', 'inline', 'flex']);

export const hiddenText = definePostStep({
  id: 'hidden-text',
  why:
    'Readability drops elements hidden by inline style or the hidden attribute, but most sites hide with ' +
    'a class: screen-reader labels ("Image caption", "Share on Facebook"), hover cards listing a person\'s ' +
    'other stories, collapsed duplicates. Sighted readers never see that text, so the reading view should not show it.',
  detect({ measure }) {
    const found = [];
    for (const el of measure.elements) {
      if (!el.hasAttribute('class') && !el.hasAttribute('id')) continue;
      const words = classWords(el);
      const srOnly = (words.has('sr') && words.has('only')) || (words.has('visually') && words.has('hidden')) || (words.has('screen') && words.has('reader'));
      const printOnly = (words.has('print') || words.has('printonly')) && isPrintOnly(el);
      const hidden =
        srOnly ||
        printOnly ||
        (words.has('none') && hiddenByUtilityClass(el)) ||
        ([...words].some((w) => HIDDEN.has(w)) && ![...words].some((w) => RESPONSIVE.has(w))) ||
        (words.has('print') && (words.has('header') || words.has('footer') || words.has('url') || words.has('logo')));
      const hover = [...words].some((w) => HOVER_CARDS.has(w)) && isCardAfterTrigger(el);
      if (!hidden && !hover) continue;
      // Long text under a hiding class is a collapsed part of the story ("read more" that
      // expands on click), which the reader came for; labels are short. Hover cards are
      // lists of links of any length.
      const short = measure.words(el) <= 40 && !measure.isProse(el);
      // Print-only text never shows on a screen, whatever its length.
      if (hidden && !short && !printOnly) continue;
      if (!hidden && !short && measure.linkDensity(el) < 0.5) continue;
      found.push({ element: el, reason: hover ? 'hover card, shown only on mouse-over' : 'hidden by the page\'s CSS class' });
    }
    return found;
  },
});

/**
 * Utility-class frameworks: Bootstrap's "d-none" hides on every screen unless a
 * breakpoint class shows it again ("d-none d-md-block"); "d-print-block",
 * "visible-print" and "print-only" show only on paper, for the citation or URL a
 * printout needs.
 */
function hiddenByUtilityClass(el: Element): boolean {
  const tokens = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
  return tokens.includes('d-none') && !tokens.some((t) => /^d-(sm|md|lg|xl|xxl)-(?!none)/.test(t));
}

function isPrintOnly(el: Element): boolean {
  const tokens = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
  if (tokens.some((t) => /^(visible-print(-block|-inline|-inline-block)?|print-only|printonly|show-for-print|only-print)$/.test(t))) return true;
  return tokens.includes('d-none') && tokens.some((t) => /^d-print-(?!none)/.test(t)) && !tokens.some((t) => /^d-(sm|md|lg|xl|xxl)-(?!none)/.test(t));
}

/**
 * The card, not its trigger: the name or link the reader hovers stays in the sentence, so
 * only an element that directly follows that trigger and carries links or a picture of
 * its own is the pop-up.
 */
function isCardAfterTrigger(el: Element): boolean {
  if (el.tagName === 'A') return false;
  let prev = el.previousSibling;
  while (prev && prev.nodeType === 3 && !(prev.nodeValue ?? '').trim()) prev = prev.previousSibling;
  if (!prev || prev.nodeType !== 1) return false;
  const trigger = prev as Element;
  if (trigger.tagName !== 'A' && trigger.tagName !== 'BUTTON' && !trigger.querySelector('a, button')) return false;
  return el.querySelectorAll('a').length >= 2 || el.querySelector('img') !== null;
}
