/**
 * Fuzzing the cleaning core: 2,000+ generated and mutated pages through `cleanDocument`
 * under linkedom, and some under jsdom. For every page the core must not throw, must return
 * a JSON-safe result (it crosses messaging and is written to golden files as it is), and
 * must leave the document it was given untouched.
 *
 * Generated pages are trees of the elements and attributes clutter filters, Readability and
 * the annotator care about, with English and Russian text, promo and consent phrases, marks
 * of banned organisations, markup-breaking junk and control characters. Mutated pages start
 * from the hostile fixtures and a real golden page, cut, duplicated, spliced and truncated at
 * random. The seed is fixed so CI is repeatable; FUZZ_SEED=<n> explores another stretch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeHtml } from '../../utils/cleaner/page/decode.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import type { CleanResult, ClutterFilter } from '../../utils/cleaner/types.ts';
import { parseDocument, type DomName } from '../dom.ts';
import { articlePage, brokenMarkupPage, deepPage, framesetPage, iframeOnlyPage, listingPage, windows1251Page } from '../fixtures/hostile/pages.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_501);

const WORDS = [
  'the', 'council', 'harbour', 'wall', 'said', 'on', 'Tuesday', 'cookies', 'consent', 'subscribe', 'Telegram', 'read', 'more',
  'Совет', 'города', 'решил', 'восстановить', 'стену', 'гавани', 'Подписывайтесь', 'на', 'нас', 'в', 'Дзен', 'MAX', 'ВКонтакте',
  'Meta', 'Instagram', 'Facebook', 'ФБК', '«Мемориал»', '(запрещена', 'в', 'России)', '*', 'иноагент', 'экстремистской',
  'Мы', 'используем', 'файлы', 'cookie', 'Принять', 'Accept', 'all', 'Реклама', 'Читайте', 'также', 'Новости', 'партнёров',
  'Главная', '›', 'Политика', '—', '·', '&amp;', '&nbsp;', '&#x2028;', '&lt;script&gt;', '12:45', '2024', '%', '№', '…',
];
const SNIPPETS = [
  '<p>Подписывайтесь на «Газету.Ru» в Дзен и Telegram.</p>',
  '<div class="cookie-banner">Мы используем cookies. <button>Принять</button></div>',
  '<div id="onetrust-banner-sdk"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>',
  '<p>Meta (признана экстремистской и запрещена в России) объявила…</p>',
  '<p><a href="https://t.me/news">Наш Telegram</a></p>',
  '<nav class="breadcrumbs"><a href="/">Главная</a> › <a href="/politics">Политика</a></nav>',
  '<aside class="related"><h3>Читайте также</h3><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></aside>',
  '<div class="smi2"><a href="https://smi2.ru/x">Новости партнёров</a></div>',
  '<script>document.write("<p>x</p>")</script>', '<style>p{color:red}</style>', '<!--', '-->', ']]>', '<![CDATA[', '</body>', '</html>',
  '<table><tr><td>', '</td></tr></table>', '<svg><style><img src=x onerror=alert(1)>', '<template>', '<frameset>', '<plaintext>',
  '<noscript><p>No JS</p></noscript>', '<base href="https://other.example/">', '<meta charset="windows-1251">', '\u0000', '\ufeff', '\ud800',
];
const TAGS = [
  'p', 'div', 'span', 'a', 'img', 'h1', 'h2', 'h3', 'article', 'section', 'aside', 'nav', 'header', 'footer', 'main', 'ul', 'ol', 'li',
  'figure', 'figcaption', 'blockquote', 'pre', 'br', 'hr', 'b', 'i', 'em', 'strong', 'sup', 'table', 'tr', 'td', 'form', 'button',
  'iframe', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'option', 'textarea', 'video', 'source', 'time', 'mark',
];
const ATTRIBUTES = ['class', 'id', 'href', 'src', 'srcset', 'hidden', 'style', 'aria-hidden', 'role', 'data-src', 'lang', 'dir', 'itemprop', 'title', 'name', 'rel'];
const VALUES = [
  'cookie', 'cookie-consent banner', 'related-news', 'promo', 'share', 'social', 'nav', 'sidebar', 'article', 'article-body', 'content', 'post',
  'comments', 'subscribe', 'telegram', 'breadcrumbs', 'footer', 'ad', 'smi2', 'lentainform', 'articleBody', 'author', 'page',
  '/relative/path', 'https://news.example/other', '//cdn.example/x.jpg', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '#', '',
  'display:none', 'true', 'dialog', 'ru', 'rtl', '%%%', '"><img src=x onerror=alert(1)>', 'x'.repeat(300),
];
const URLS = [
  'https://news.example/2024/05/a', 'http://lenta.ru/news/2018/08/23/x/', 'https://www.gazeta.ru/politics/news/1.shtml', 'about:blank',
  'not a url', 'file:///tmp/page.html', 'https://xn--80aswg.xn--p1ai/путь?q=1#h', 'https://news.example:8443/a?b=c&d=e',
];

const text = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 60 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);
const attribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), fc.oneof(fc.constantFrom(...VALUES), fc.string({ unit: 'binary', maxLength: 12 })), fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => (quote ? ` ${name}=${quote}${value.replaceAll(quote, '')}${quote}` : ` ${name}=${value.replace(/[\s>]/g, '') || 'x'}`));

interface Tree {
  node: string;
  element: string;
}
const { node } = fc.letrec<Tree>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element') as fc.Arbitrary<string>),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attributes: fc.array(attribute, { maxLength: 4 }),
      children: fc.array(tie('node') as fc.Arbitrary<string>, { maxLength: 6 }),
      // One element in ten is left open: browsers and our DOMs must recover.
      closed: fc.nat(9).map((n) => n > 0),
    })
    .map(({ tag, attributes, children, closed }) => `<${tag}${attributes.join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
}));

const generatedPage = fc
  .record({
    lang: fc.constantFrom('ru', 'en', '', 'xx-YY', 'ru"><script>'),
    title: text,
    head: fc.constantFrom('', '<base href="https://other.example/dir/">', '<base href="javascript:alert(1)">', '<base href="%%">', '<meta name="author" content="Ann">'),
    body: fc.array(node, { minLength: 1, maxLength: 12 }),
  })
  .map(({ lang, title, head, body }) => `<!doctype html><html lang="${lang}"><head><title>${title}</title>${head}</head><body>${body.join('\n')}</body></html>`);

function seedPages(): string[] {
  const golden = resolve(import.meta.dirname, '../golden/pages/gazeta-putin-olland/source.html');
  return [
    articlePage(),
    listingPage(8, 'heading-link'),
    listingPage(8, 'link-then-teaser', 'ru'),
    brokenMarkupPage(),
    deepPage(40),
    framesetPage(),
    iframeOnlyPage(),
    decodeHtml(windows1251Page()),
    decodeHtml(readFileSync(golden)),
  ];
}

/** Cuts, copies, splices and truncates at positions given as fractions of the page's length. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(400) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(400) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.oneof(node, fc.constantFrom(...SNIPPETS)) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0.2, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), other: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat(200) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(page: string, ops: readonly Mutation[]): string {
  let out = page;
  for (const m of ops) {
    const at = Math.floor(m.at * out.length);
    if (m.op === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.op === 'duplicate') out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
    else if (m.op === 'insert') out = out.slice(0, at) + m.what + out.slice(at);
    else if (m.op === 'truncate') out = out.slice(0, at);
    else {
      const other = Math.floor(m.other * out.length);
      const [a, b] = at < other ? [at, other] : [other, at];
      const len = Math.min(m.length, b - a);
      out = out.slice(0, a) + out.slice(b, b + len) + out.slice(a + len, b) + out.slice(a, a + len) + out.slice(b + len);
    }
  }
  // What reaches the core is always a serialized root element (the snapshot's
  // documentElement.outerHTML, or a saved page); linkedom cannot build a document without one.
  return /<html[\s>]/i.test(out) ? out : `<html>${out}</html>`;
}

const options = fc.record({
  url: fc.constantFrom(...URLS),
  force: fc.boolean(),
  annotate: fc.boolean(),
  filters: fc.subarray([...FILTERS] as ClutterFilter[]),
});

/** The first place `value` stops being plain JSON data, or null. */
function notJson(value: unknown, path = 'result'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = notJson(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${path} is a ${proto?.constructor?.name ?? 'non-plain object'}`;
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined) return `${path}.${key} is undefined`;
      const bad = notJson(inner, `${path}.${key}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${path} is a ${typeof value}`;
}

function checkPage(html: string, dom: DomName, opts: { url: string; force: boolean; annotate: boolean; filters: ClutterFilter[] }): void {
  // The document's own address must parse (jsdom insists, and a snapshot's always does);
  // the option is what stresses the core.
  const address = URL.canParse(opts.url) ? opts.url : 'https://news.example/';
  let doc = parseDocument(html, address, dom);
  // Browsers and jsdom always build a root element; linkedom builds none from input that
  // opens with junk (a stray <![CDATA[), which no snapshot can be. Give it the root a
  // browser would have.
  if (!doc.documentElement) doc = parseDocument(`<html>${html}</html>`, address, dom);
  const before = doc.documentElement?.outerHTML;
  let result: CleanResult;
  try {
    result = cleanDocument(doc, { ...opts, now: () => 0 });
  } catch (error) {
    throw new Error(`cleanDocument threw under ${dom} for ${JSON.stringify(opts.url)}: ${(error as Error).stack}\n--- page ---\n${html.slice(0, 2000)}`);
  }
  const problem = notJson(result);
  if (problem) throw new Error(`not JSON-safe: ${problem}\n--- page ---\n${html.slice(0, 2000)}`);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  expect(doc.documentElement?.outerHTML).toBe(before);
  expect(['ok', 'not-readerable', 'no-article']).toContain(result.status);
  expect(result.url).toBe(opts.url);
  if (result.status === 'ok') {
    expect(result.article).not.toBeNull();
    expect(Number.isInteger(result.article!.words) && result.article!.words >= 0).toBe(true);
  } else {
    expect(result.article).toBeNull();
  }
}

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = { generated: { linkedom: 1200 * SCALE, jsdom: 200 * SCALE }, mutated: { linkedom: 800 * SCALE, jsdom: 100 * SCALE } } as const;

describe.each(['linkedom', 'jsdom'] as const)('the cleaning core under %s', (dom) => {
  test(`takes ${RUNS.generated[dom]} generated pages`, () => {
    fc.assert(
      fc.property(generatedPage, options, (html, opts) => checkPage(html, dom, opts)),
      { numRuns: RUNS.generated[dom], seed: SEED, endOnFailure: true },
    );
  }, 300_000);

  test(`takes ${RUNS.mutated[dom]} mutated fixture pages`, () => {
    const seeds = seedPages();
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), options, (i, ops, opts) =>
        checkPage(mutate(seeds[i]!, ops), dom, opts),
      ),
      { numRuns: RUNS.mutated[dom], seed: SEED + 1, endOnFailure: true },
    );
  }, 300_000);
});

test('the fuzz runs at least 2,000 pages in all', () => {
  const total = Object.values(RUNS).flatMap((byDom) => Object.values(byDom)).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThanOrEqual(2000);
});

test('the checks can fail: a result holding a DOM node or a NaN is caught', () => {
  expect(notJson({ a: [1, { b: Number.NaN }] })).toBe('result.a[1].b is NaN');
  expect(notJson({ el: new Map() })).toBe('result.el is a Map');
  expect(notJson({ x: undefined })).toBe('result.x is undefined');
  expect(notJson({ ok: [1, 'two', null, { three: true }] })).toBeNull();
});
