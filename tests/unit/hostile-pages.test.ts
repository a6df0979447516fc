/**
 * Huge and hostile pages: the snapshot script's budget, shadow DOM, framesets, pages with no
 * body, and the cleaning core on listings, broken markup, deep nesting, frames and a
 * windows-1251 page. Every case ends in a result or a clear status, never an exception.
 * Timing is the browser tests' business (tests/e2e/security-pages.test.ts); here only the
 * decisions are checked.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { browserShadowRootReader, consumeBudgetOverride, quietForExtensionCsp, takeSnapshot } from '../../entrypoints/content/handlers.ts';
import { decodeHtml } from '../../utils/cleaner/page/decode.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { ELEMENT_BUDGET, parseSnapshot } from '../../utils/messaging.ts';
import { DOMS, parseDocument } from '../dom.ts';
import {
  ARTICLE_TITLE,
  articlePage,
  articleParagraphs,
  brokenMarkupPage,
  deepPage,
  frameNavPage,
  framesetPage,
  hugeArticlePage,
  hugeListingPage,
  iframeOnlyPage,
  listingPage,
  windows1251Page,
  xmlFeed,
} from '../fixtures/hostile/pages.ts';

// Heavy: pages of 100,000 elements under jsdom. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const URL_ = 'https://news.example/2024/05/harbour-wall';

function jsdom(html: string, url = URL_): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

/** What the popup does with a snapshot: parse it as HTML and clean it. */
function cleanSnapshotHtml(html: string, url = URL_, force = false) {
  return cleanDocument(parseDocument(html, url, 'jsdom'), { url, force });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('snapshot budget', () => {
  test(
    'a 100,000-element page is counted, not serialized, and comes back as "too large"',
    () => {
      const { window } = jsdom(hugeArticlePage(100_000));
      const serialize = vi.spyOn(window.Element.prototype, 'outerHTML', 'get');
      const snapshot = takeSnapshot(window.document);
      expect(snapshot.elementCount).toBeGreaterThanOrEqual(100_000);
      expect(snapshot.html).toBeNull();
      expect(serialize).not.toHaveBeenCalled();
      expect(parseSnapshot(snapshot)).toEqual(snapshot);
    },
    180_000,
  );

  test('a page within the budget is serialized whole, as the browser has it now', () => {
    const { window } = jsdom(articlePage());
    window.document.querySelector('article')!.append(window.document.createElement('aside'));
    const snapshot = takeSnapshot(window.document);
    expect(snapshot).toMatchObject({ url: URL_, title: ARTICLE_TITLE, contentType: 'text/html' });
    expect(snapshot.elementCount).toBe(window.document.getElementsByTagName('*').length);
    expect(snapshot.html).toBe(window.document.documentElement.outerHTML);
    expect(snapshot.html).toContain('<aside></aside>');
  });

  test('"read anyway" serializes a page over the budget', () => {
    const { window } = jsdom(hugeArticlePage(ELEMENT_BUDGET + 2000));
    const snapshot = takeSnapshot(window.document, { ignoreBudget: true });
    expect(snapshot.elementCount).toBeGreaterThan(ELEMENT_BUDGET);
    expect(snapshot.html).toContain(ARTICLE_TITLE);
  });

  test('the "read anyway" flag is read once, so the next popup on the tab is within budget again', () => {
    const scope: Record<string, unknown> = { __declutterIgnoreBudget: true };
    expect(consumeBudgetOverride(scope)).toBe(true);
    expect(consumeBudgetOverride(scope)).toBe(false);
    expect(consumeBudgetOverride({ __declutterIgnoreBudget: 'true' })).toBe(false);
  });
});

describe('snapshot quiet under the extension CSP', () => {
  test('handlers leave every start tag; other attributes and all text stay', () => {
    expect(
      quietForExtensionCsp('<p onclick="a()" class="x" ONMOUSEOVER="b()" title="onclick=&quot;c()&quot; > d">Use onclick="x()" in text</p><img src="/i.png" onerror="e()" alt="">'),
    ).toBe('<p class="x" title="onclick=&quot;c()&quot; > d">Use onclick="x()" in text</p><img src="/i.png" alt="">');
  });

  test('handlers in raw <noscript> markup go too, quoted or not', () => {
    expect(quietForExtensionCsp("<noscript><img src=x onerror=alert(1)><img/src/onerror=alert(2)><a href='/' onclick='x'>a</a></noscript>")).toBe(
      "<noscript><img src=x><img/src><a href='/'>a</a></noscript>",
    );
  });

  test('script text, JSON-LD included, is data and passes unchanged', () => {
    const jsonLd = '<script type="application/ld+json">{"headline":"<img src=x onerror=alert(1)> <style>x</style>"}</script>';
    expect(quietForExtensionCsp(`<head>${jsonLd}</head><p onclick="x">t</p>`)).toBe(`<head>${jsonLd}</head><p>t</p>`);
  });

  test('<style> elements go; style and <base href> keep their values under names the CSP ignores', () => {
    expect(quietForExtensionCsp('<head><base href="https://a.example/x/"><style media="all">p{color:red}</style></head><body style="margin:0"><p title="<style>kept</style>">t</p></body>')).toBe(
      '<head><base data-declutter-href="https://a.example/x/"></head><body data-declutter-style="margin:0"><p title="<style>kept</style>">t</p></body>',
    );
  });

  test('the cleaner still reads what moved: the page\'s <base> resolves links, a fixed notice is still seen as one', () => {
    const page = `<!doctype html><html lang="en"><head><title>${ARTICLE_TITLE}</title><base href="https://cdn.news.example/base/"></head><body><article><h1>${ARTICLE_TITLE}</h1>${articleParagraphs()}<p><a href="relative.html">A link to read more about the harbour wall and its history</a></p></article></body></html>`;
    const snapshot = takeSnapshot(jsdom(page).window.document);
    expect(snapshot.html).not.toMatch(/<base href|<style|\sstyle=|\son\w+=/i);
    const result = cleanSnapshotHtml(snapshot.html!);
    expect(result.article!.html).toContain('https://cdn.news.example/base/relative.html');
  });

  test('a consent notice marked only by its inline position:fixed is still removed from a snapshot', () => {
    const notice = '<div style="position:fixed;bottom:0"><p>Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.</p></div>';
    const page = `<!doctype html><html lang="ru"><head><title>${ARTICLE_TITLE}</title></head><body><article><h1>${ARTICLE_TITLE}</h1>${articleParagraphs()}</article>${notice}</body></html>`;
    const direct = cleanSnapshotHtml(page);
    const viaSnapshot = cleanSnapshotHtml(takeSnapshot(jsdom(page).window.document).html!);
    expect(direct.removals.filter((r) => r.filter === 'cookie-banners')).toHaveLength(1);
    expect(viaSnapshot.removals).toEqual(direct.removals);
  });

  test('text hidden by an inline style stays out of the article read from a snapshot, as it does from the page', () => {
    const hidden = '<p style="color: red; display: none">Hidden paragraph that the page never shows to its readers, kept for a script to reveal later on.</p>';
    const invisible = '<p style="visibility:hidden">Invisible paragraph that takes space but that nobody can read on the page, however long it is.</p>';
    const page = `<!doctype html><html lang="en"><head><title>${ARTICLE_TITLE}</title></head><body><article><h1>${ARTICLE_TITLE}</h1>${articleParagraphs()}${hidden}${invisible}</article></body></html>`;
    const html = takeSnapshot(jsdom(page).window.document).html!;
    expect(html).toContain('data-declutter-style="color: red; display: none" hidden');
    expect(html).toContain('data-declutter-style="visibility:hidden" hidden');
    for (const result of [cleanSnapshotHtml(page), cleanSnapshotHtml(html)]) {
      expect(result.article!.text).toContain('Paragraph 12.');
      expect(result.article!.text).not.toMatch(/Hidden paragraph|Invisible paragraph/);
    }
    expect(quietForExtensionCsp('<p style="display:block">x</p>')).toBe('<p data-declutter-style="display:block">x</p>');
  });

  test('a page\'s handlers are gone from its snapshot on the shadow-DOM path as well', () => {
    const shadow = jsdom('<!doctype html><html><head><title>t</title></head><body onload="x()"><news-card></news-card></body></html>');
    const root = shadow.window.document.querySelector('news-card')!.attachShadow({ mode: 'open' });
    const img = shadow.window.document.createElement('img');
    img.setAttribute('onerror', 'z()');
    img.setAttribute('alt', 'photo');
    root.append(img);
    const html = takeSnapshot(shadow.window.document).html!;
    expect(html).toContain('<body><news-card><img alt="photo"></news-card>');
    expect(html).not.toMatch(/\son\w+=/);
  });
});

describe('snapshot of shadow DOM', () => {
  /** A web component whose article lives in its shadow root, byline slotted from light DOM. */
  function componentPage(mode: 'open' | 'closed') {
    const { window } = jsdom(`<!doctype html><html lang="en"><head><title>${ARTICLE_TITLE}</title></head><body><news-article><p slot="byline">By Ann Reporter</p><span>unslotted light text</span></news-article></body></html>`);
    const doc = window.document;
    const host = doc.querySelector('news-article')!;
    const root = host.attachShadow({ mode });
    const article = doc.createElement('article');
    const heading = doc.createElement('h1');
    heading.textContent = ARTICLE_TITLE;
    const byline = doc.createElement('slot');
    byline.name = 'byline';
    const fallback = doc.createElement('slot');
    fallback.name = 'nothing-assigned';
    fallback.textContent = 'Fallback content shows when nothing is slotted.';
    article.append(heading, byline, fallback);
    const body = new JSDOM(`<body>${articleParagraphs()}</body>`).window.document.body;
    for (const p of [...body.children]) article.append(doc.importNode(p, true));
    root.append(article);
    return { doc, host, root };
  }

  test('an open shadow root is inlined: its article, with light DOM in its slots and slot fallbacks', () => {
    const { doc } = componentPage('open');
    const snapshot = takeSnapshot(doc);
    const page = parseDocument(snapshot.html!, URL_, 'jsdom');
    const article = page.querySelector('news-article > article')!;
    expect(article.querySelector('h1')!.textContent).toBe(ARTICLE_TITLE);
    expect(article.querySelector('p[slot="byline"]')!.textContent).toBe('By Ann Reporter');
    expect(article.textContent).toContain('Fallback content shows');
    expect(page.body.textContent).not.toContain('unslotted light text');
    expect(page.querySelector('slot')).toBeNull();
    // Shadow elements count against the budget too.
    expect(snapshot.elementCount).toBeGreaterThan(doc.getElementsByTagName('*').length);
    const result = cleanSnapshotHtml(snapshot.html!);
    expect(result.status).toBe('ok');
    expect(result.article!.text).toContain('Paragraph 12.');
  });

  test('a closed root is read only through the extension API that exposes it', () => {
    const { doc, host, root } = componentPage('closed');
    expect(takeSnapshot(doc, { shadowRootOf: (el) => el.shadowRoot }).html).not.toContain('Paragraph 1.');
    const chromeLike = { chrome: { dom: { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) } } } as unknown as typeof globalThis;
    const html = takeSnapshot(doc, { shadowRootOf: browserShadowRootReader(chromeLike) }).html!;
    expect(html).toContain('Paragraph 1.');
  });

  test('the closed-root API is asked about custom elements only, and its failures are ignored', () => {
    const asked: string[] = [];
    const reader = browserShadowRootReader({
      chrome: {
        dom: {
          openOrClosedShadowRoot: (el: Element) => {
            asked.push(el.localName);
            throw new Error('not allowed');
          },
        },
      },
    } as unknown as typeof globalThis);
    const { doc } = componentPage('closed');
    expect(() => takeSnapshot(doc, { shadowRootOf: reader })).not.toThrow();
    expect(asked).toEqual(['news-article']);
  });

  test('shadow content over the budget stops serialization like light content does', () => {
    const { doc, root } = componentPage('open');
    for (let i = 0; i < 50; i++) root.append(doc.createElement('span'));
    const light = doc.getElementsByTagName('*').length;
    expect(takeSnapshot(doc, { budget: light + 10 }).html).toBeNull();
    expect(takeSnapshot(doc, { budget: light + 10, ignoreBudget: true }).html).toContain('Paragraph 1.');
  });

  // 1,500 levels: jsdom's own insertion cost grows with depth (and overflows its stack past
  // about 10,000 while building the page), so deeper pages are the browser tests' to try.
  test('a shadow root nested in another, under deep markup, is flattened too', () => {
    const { window } = jsdom(`<!doctype html><body><outer-el></outer-el></body>`);
    const doc = window.document;
    const outer = doc.querySelector('outer-el')!.attachShadow({ mode: 'open' });
    let node: Element = outer.appendChild(doc.createElement('div'));
    for (let i = 0; i < 1500; i++) node = node.appendChild(doc.createElement('div'));
    const inner = node.appendChild(doc.createElement('inner-el')).attachShadow({ mode: 'open' });
    inner.append('deepest text');
    const snapshot = takeSnapshot(doc);
    expect(snapshot.elementCount).toBeGreaterThan(1500);
    expect(snapshot.html).toContain('deepest text');
  });
});

describe('snapshot of framesets and odd documents', () => {
  function frameset(fill: boolean) {
    const { window } = jsdom(framesetPage());
    const [nav, main] = [...window.document.querySelectorAll('frame')];
    // jsdom loads no frame sources: the frames' documents are written here, as a same-origin site would serve them.
    const write = (frame: HTMLFrameElement, html: string) => {
      const target = frame.contentDocument!;
      const root = target.importNode(new window.DOMParser().parseFromString(html, 'text/html').documentElement, true);
      if (target.documentElement) target.replaceChild(root, target.documentElement);
      else target.appendChild(root);
    };
    if (fill) {
      write(nav!, frameNavPage());
      write(main!, articlePage());
    }
    return window.document;
  }

  test('a frameset page is read from its same-origin frame with the most text', () => {
    const snapshot = takeSnapshot(frameset(true));
    expect(snapshot.html).toContain('Paragraph 12.');
    expect(cleanSnapshotHtml(snapshot.html!).status).toBe('ok');
  });

  test('a frameset whose frames cannot be read is returned as it is, and reads as no article', () => {
    const snapshot = takeSnapshot(frameset(false));
    expect(snapshot.html).toContain('<frameset');
    expect(cleanSnapshotHtml(snapshot.html!).status).not.toBe('ok');
  });

  test('a document with no root element gives an empty snapshot, which reads as no article', () => {
    const { window } = jsdom('<p>x</p>');
    window.document.documentElement.remove();
    const snapshot = takeSnapshot(window.document);
    expect(snapshot).toMatchObject({ elementCount: 0, html: '' });
    expect(parseSnapshot(snapshot)).not.toBeNull();
    expect(cleanSnapshotHtml('').status).toBe('not-readerable');
  });

  test('an XML document (no HTML body) is serialized, and reads as no article, not an error', () => {
    const { window } = jsdom('<p>x</p>');
    const xml = new window.DOMParser().parseFromString(xmlFeed(), 'application/xml');
    const snapshot = takeSnapshot(xml);
    expect(snapshot.contentType).toBe('application/xml');
    expect(snapshot.html).toContain('<rss');
    expect(cleanSnapshotHtml(snapshot.html!).status).not.toBe('ok');
  });
});

describe.each(DOMS)('the cleaning core on hostile pages (%s)', (dom) => {
  const clean = (html: string, force = false) => cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force });

  test('control: the plain article page reads', () => {
    const result = clean(articlePage());
    expect(result.status).toBe('ok');
    expect(result.article!.title).toBe(ARTICLE_TITLE);
  });

  test.each([
    ['headline links in headings', listingPage(24, 'heading-link')],
    ['cards wrapped in one link', listingPage(24, 'wrapping-link')],
    ['a list of links with teasers', listingPage(12, 'link-then-teaser')],
    ['a Russian section page', listingPage(20, 'heading-link', 'ru')],
    ['a huge card grid', hugeListingPage(20_000)],
  ])('a listing (%s) reads as no article, not kilobytes of teasers', (_, html) => {
    const result = clean(html);
    expect(result.status).toBe('not-readerable');
    expect(result.article).toBeNull();
  });

  test('the reader can still force a listing open', () => {
    expect(clean(listingPage(24), true).status).toBe('ok');
  });

  test('broken markup still reads', () => {
    const result = clean(brokenMarkupPage());
    expect(result.status).toBe('ok');
    expect(result.article!.text).toContain('Unclosed paragraph one.');
    expect(result.article!.text).toContain('Paragraph 6.');
  });

  test('an article under 800 nested divs reads', () => {
    const result = clean(deepPage(800));
    expect(result.status).toBe('ok');
    expect(result.article!.text).toContain('Paragraph 12.');
  }, 180_000);

  test.each([
    ['a frameset page', framesetPage()],
    ['an article only inside an iframe', iframeOnlyPage()],
    ['an RSS feed parsed as HTML', xmlFeed()],
    // As the snapshot serializes them: the root element is always there (a root-less
    // document is covered above, through the popup's own parser).
    ['an empty document', '<html></html>'],
    ['only whitespace and a doctype', '<!doctype html><html>\n\n</html>'],
    ['a body of images', `<html><body>${'<img src="/a.jpg">'.repeat(50)}</body></html>`],
  ])('%s gives a clear "no article", not an exception', (_, html) => {
    const result = clean(html);
    expect(result.status).not.toBe('ok');
    expect(result.article).toBeNull();
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  test('a windows-1251 page, decoded from its bytes by its <meta>, reads in Russian', () => {
    const result = clean(decodeHtml(windows1251Page()));
    expect(result.status).toBe('ok');
    expect(result.article!.title).toBe('Набережную отремонтируют до осени');
    expect(result.article!.text).toContain('Ёмкость новой стены');
  });
});
