/**
 * The pipeline's working copy: the page without what detection found, everything else as it
 * was, and the page itself untouched (the popup re-cleans the same parsed page on every switch).
 */
import { describe, expect, it } from 'vitest';
import { copyWithout, neverShown } from '../../../utils/cleaner/extract/copy.ts';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { filterContext } from '../../../utils/cleaner/detect/detect.ts';
import { pageStats } from '../../../utils/cleaner/page/walk.ts';
import { DOMS, parseDocument } from '../../dom.ts';

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

const NOISY = `<!doctype html><html><head><title>T</title><link rel="stylesheet" href="/a.css"><style>p{}</style>
<script>var tracking = 1;</script><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2024-05-02T10:00:00Z"}</script>
<meta name="author" content="Ann Reporter"></head><body><!-- header --><svg aria-hidden="true"><use href="#icon"></use></svg>
<article><h1>H</h1><div>The council met on Tuesday<!-- ad slot --> and voted to rebuild the harbour wall before the winter storms return to the coast.
<script>ads.push(1)</script></div><p>${'The vote passed with a wide margin after a long debate about the cost. '.repeat(6)}</p>
<p>${'Work starts in spring and should end before the autumn gales arrive here. '.repeat(6)}</p></article><template><p>later</p></template></body></html>`;

describe.each(DOMS)('what never reaches a reader, under %s', (dom) => {
  it('is left out of the copy: scripts but JSON-LD, style sheets, links, templates, inline SVG and comments', () => {
    const doc = parseDocument(NOISY, 'https://example.com/a', dom);
    const left = neverShown(pageStats(filterContext(doc, new URL('https://example.com/a'))));
    const copy = copyWithout(doc, left);
    const html = copy.documentElement.outerHTML;
    for (const gone of ['a.css', 'p{}', 'tracking', 'ads.push', '<svg', '<template', '<!--']) expect(html).not.toContain(gone);
    expect(copy.querySelectorAll('script')).toHaveLength(1);
    expect(copy.querySelector('script')!.getAttribute('type')).toBe('application/ld+json');
    expect(copy.querySelector('meta[name=author]')).not.toBeNull();
    expect(doc.documentElement.outerHTML).toContain('<!-- ad slot -->');
  });

  it('keeps what the reader gets: metadata from JSON-LD, and a line broken only by a comment stays one paragraph', () => {
    const doc = parseDocument(NOISY, 'https://example.com/a', dom);
    const result = cleanDocument(doc, { url: 'https://example.com/a', force: true });
    expect(result.article?.publishedTime).toBe('2024-05-02T10:00:00Z');
    expect(result.article?.text).toContain('The council met on Tuesday and voted to rebuild');
    expect(result.article?.html).not.toMatch(/<script|<svg|<!--/);
  });

  it('leaves out the head\'s whitespace and the metas Readability never reads, and keeps the ones it reads', () => {
    const page = `<!doctype html><html><head>
  <title>T</title>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width">
  <meta property="og:image" content="https://example.com/i.jpg">
  <meta property="og:title" content="OG title">
  <meta name="Author" content="Ann Reporter">
  <meta name="twitter:site_name" content="Site">
  <meta name="description">
  <meta name="robots" content="index"><noscript><img src="p.gif"></noscript>
</head><body><div><meta itemprop="position" content="1"></div><p>Text.</p></body></html>`;
    const doc = parseDocument(page, 'https://example.com/a', dom);
    const copy = copyWithout(doc, neverShown(pageStats(filterContext(doc, new URL('https://example.com/a')))));
    const metas = [...copy.head.querySelectorAll('meta')].map((m) => m.getAttribute('name') ?? m.getAttribute('property'));
    // robots stays: Readability looks at the element before a <noscript> for a picture to replace.
    expect(metas).toEqual(['og:title', 'Author', 'twitter:site_name', 'robots']);
    expect([...copy.head.childNodes].filter((n) => n.nodeType === 3)).toEqual([]);
    expect(copy.title).toBe('T');
    // A meta in the body is an element of the page like any other.
    expect(copy.body.querySelector('meta[itemprop=position]')).not.toBeNull();
    expect(doc.head.querySelectorAll('meta')).toHaveLength(8);
  });

  it('never takes the root: a malformed page whose root is an <svg> still has a copy', () => {
    const doc = parseDocument('<svg><style>x</style><text>hi</text></svg>', 'https://example.com/a', dom);
    const left = neverShown(pageStats(filterContext(doc, new URL('https://example.com/a'))));
    expect(copyWithout(doc, left).documentElement).not.toBeNull();
  });
});
