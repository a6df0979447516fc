/**
 * A caption never stands alone. A figure whose picture the page never gave, or the
 * sanitizer dropped, and a figure whose picture fails to load, show a frame that says the
 * picture is not there above their caption: the caption often carries the story's facts
 * ("The trestle, built in 1911, would be repaired"), so it stays, as the caption of a
 * picture the reader is told is missing, never as a line of the story. A figure with
 * nothing but a picture that fails goes altogether. Figures of other things (a quote and
 * its attribution) are left as they are.
 */
const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed';

/** Marks a figure as missing its picture; the label is what the frame says (themes draw it). */
function markMissing(figure: Element, label: string): void {
  figure.setAttribute('data-missing', '');
  figure.setAttribute('data-missing-label', label);
}

/** Only a caption in it: no picture, no quote or other content of its own. */
function captionOnly(figure: Element): boolean {
  if (figure.querySelector(MEDIA) || !figure.querySelector('figcaption')) return false;
  for (const child of figure.childNodes) {
    if (child.nodeType === 3 && child.nodeValue?.trim()) return false;
    if (child.nodeType === 1 && (child as Element).localName !== 'figcaption' && (child as Element).textContent?.trim()) return false;
  }
  return true;
}

/** Before the fragment is shown: a figure that is only a caption says its picture is missing. */
export function markLoneCaptions(root: DocumentFragment | Element, label: string): void {
  for (const figure of root.querySelectorAll('figure')) if (captionOnly(figure)) markMissing(figure, label);
}

/**
 * After it is shown: a picture that fails to load hides; its figure, once none of its
 * pictures is left, shows the missing frame above its caption, or goes when it has none.
 * Error events do not bubble, so the listener captures them on the article. Returns the
 * function that stops listening.
 */
export function hideFailedPictures(root: HTMLElement, label: () => string): () => void {
  const onError = (event: Event) => {
    const img = event.target as Element | null;
    if (!img || img.localName !== 'img') return;
    img.setAttribute('data-failed', '');
    (img.closest('picture') ?? img).setAttribute('hidden', '');
    const figure = img.closest('figure');
    if (!figure || [...figure.querySelectorAll('img')].some((other) => !other.hasAttribute('data-failed'))) return;
    if (figure.querySelector('figcaption')?.textContent?.trim()) markMissing(figure, label());
    else (figure as HTMLElement).hidden = true;
  };
  const listeners = new AbortController();
  root.addEventListener('error', onError, { capture: true, signal: listeners.signal });
  return () => listeners.abort();
}
