/**
 * What the popup shows, read inside the popup page itself. Both drivers (Playwright for
 * Chromium, Puppeteer for Firefox) serialize this function into the page, so it closes
 * over nothing and declares no named inner functions (a bundler's name helper would not
 * exist in the page).
 */
export interface PopupReading {
  /** main[data-view]: loading, ready, restricted, not-readerable, no-article, too-large, error. */
  view: string | null;
  statusTitle: string;
  statusBody: string;
  site: string;
  title: string;
  meta: string;
  removals: string;
  /** The article body as a reader sees it: innerText, whitespace folded. */
  body: string;
  lang: string | null;
  dir: string | null;
  uiLang: string;
}

export function readPopup(): PopupReading {
  const text = (selector: string): string =>
    ((document.querySelector(selector) as HTMLElement | null)?.innerText ?? '').replace(/[\s\u00a0\u2009\u202f\u200b]+/g, ' ').trim();
  const article = document.querySelector('article.article');
  return {
    view: document.querySelector('main')?.getAttribute('data-view') ?? null,
    statusTitle: text('.status-title'),
    statusBody: text('.status-body'),
    // textContent, not innerText: the site name is upper-cased by CSS only.
    site: (document.querySelector('.article-site')?.textContent ?? '').trim(),
    title: text('.article-title'),
    meta: text('.article-meta'),
    removals: text('.removals'),
    body: text('.article-body'),
    lang: article?.getAttribute('lang') ?? null,
    dir: article?.getAttribute('dir') ?? null,
    uiLang: document.documentElement.lang,
  };
}

/** Folds whitespace as readPopup does, for strings written in tests. */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\u200b]+/g, ' ').trim();
}
