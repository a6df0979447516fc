/**
 * A caption never stands alone. A figure whose picture the sanitizer dropped (or the page
 * never gave) loses its caption, and the figure goes if nothing is left; a picture that
 * fails to load takes its figure, caption and all, out of view. A caption of nothing reads
 * as part of the story and says what is not there.
 */
const MEDIA = 'img, picture, video, audio, iframe, svg, canvas, object, embed';

/** Before the fragment is shown: captions of figures without a picture go. */
export function dropLoneCaptions(root: DocumentFragment | Element): void {
  for (const figure of root.querySelectorAll('figure')) {
    if (figure.querySelector(MEDIA)) continue;
    for (const caption of figure.querySelectorAll('figcaption')) caption.remove();
    if (!figure.textContent?.trim()) figure.remove();
  }
}

/**
 * After it is shown: a picture that fails to load hides, and with it its figure when the
 * figure holds no other picture that loaded. Error events do not bubble, so the listener
 * captures them on the article. Returns the function that stops listening.
 */
export function hideFailedPictures(root: HTMLElement): () => void {
  const onError = (event: Event) => {
    const img = event.target as Element | null;
    if (!img || img.localName !== 'img') return;
    const figure = img.closest('figure');
    const others = figure ? [...figure.querySelectorAll('img')].filter((other) => other !== img && !other.hasAttribute('data-failed')) : [];
    img.setAttribute('data-failed', '');
    if (figure && !others.length) figure.hidden = true;
    else (img.closest('picture') ?? img).setAttribute('hidden', '');
  };
  root.addEventListener('error', onError, true);
  return () => root.removeEventListener('error', onError, true);
}
