/**
 * The pipeline's working copy: the page without what detection found, everything else as it
 * was, and the page itself untouched (the popup re-cleans the same parsed page on every switch).
 */
import { describe, expect, it } from 'vitest';
import { copyWithout } from '../../utils/cleaner/copy.ts';
import { DOMS, parseDocument } from '../dom.ts';

const PAGE = `<!doctype html><html lang="ru"><head><title>Заголовок</title><meta property="og:title" content="OG"></head>
<body class="page"><header id="top"><nav><a href="/">Главная</a></nav></header>
<main><article><h1>Заголовок</h1><p>Первый абзац <b>статьи</b>.</p><aside class="promo">Подписывайтесь</aside><aside class="promo2">и тут</aside><p>Второй абзац.</p></article>
<div class="related"><ul><li><a href="/1">Другая новость</a></li></ul></div></main>
<footer>© 2024</footer><!-- a comment stays --></body></html>`;

describe.each(DOMS)('copyWithout under %s', (dom) => {
  it('leaves out each element it is given, with everything inside it, and keeps the rest in order', () => {
    const doc = parseDocument(PAGE, 'https://example.ru/a', dom);
    const left = ['header', 'aside.promo', 'aside.promo2', '.related', 'footer'].map((s) => doc.querySelector(s)!);
    const copy = copyWithout(doc, left);

    const expected = parseDocument(PAGE, 'https://example.ru/a', dom);
    for (const s of ['header', 'aside.promo', 'aside.promo2', '.related', 'footer']) expected.querySelector(s)!.remove();
    expect(copy.documentElement.outerHTML).toBe(expected.documentElement.outerHTML);
    expect(copy.title).toBe('Заголовок');
    expect(copy.body.getAttribute('class')).toBe('page');
    expect(copy.documentElement.getAttribute('lang')).toBe('ru');
    expect(copy.doctype?.name ?? 'html').toBe('html');
  });

  it('does not change the page it copies, and its copy is a document of its own', () => {
    const doc = parseDocument(PAGE, 'https://example.ru/a', dom);
    const before = doc.documentElement.outerHTML;
    const copy = copyWithout(doc, [doc.querySelector('header')!, doc.querySelector('nav')!]);
    expect(doc.documentElement.outerHTML).toBe(before);
    copy.querySelector('p')!.textContent = 'changed';
    expect(doc.querySelector('p')!.textContent).toBe('Первый абзац статьи.');
    expect(copy.querySelector('header')).toBeNull();
  });

  it('copies the whole page when nothing is left out', () => {
    const doc = parseDocument(PAGE, 'https://example.ru/a', dom);
    expect(copyWithout(doc, []).documentElement.outerHTML).toBe(doc.documentElement.outerHTML);
  });
});
