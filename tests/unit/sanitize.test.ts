/**
 * What the article sanitizer keeps and what it drops, vector by vector, for the rules the
 * popup depends on. tests/unit/xss.test.ts runs the whole corpus against the invariants;
 * this file pins the exact output for the cases a reader would notice.
 */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { createArticleSanitizer, type ArticleSanitizer } from '../../utils/cleaner/sanitize.ts';

let window: Window & typeof globalThis;
let sanitize: ArticleSanitizer;

beforeAll(() => {
  window = new JSDOM('<!doctype html><body></body>', { url: 'https://popup.declutter.invalid/popup.html' }).window as unknown as Window & typeof globalThis;
  sanitize = createArticleSanitizer(window);
});

/** Markup with every element's attributes in name order, so that comparisons ignore order. */
function canonical(host: Element): string {
  for (const el of host.querySelectorAll('*')) {
    const attributes = [...el.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attributes) el.removeAttribute(name);
    for (const [name, value] of attributes) el.setAttribute(name, value);
  }
  return host.innerHTML;
}

/** The sanitized markup as text, for comparison; null stays null. */
function clean(html: string): string | null {
  const fragment = sanitize(html);
  if (!fragment) return null;
  const host = window.document.createElement('div');
  host.append(fragment);
  return canonical(host);
}

/** Expected markup in the same canonical form (parsed, not sanitized). */
function shape(html: string): string {
  const template = window.document.createElement('template');
  template.content.append(new window.DOMParser().parseFromString(`<body>${html}`, 'text/html').body.cloneNode(true));
  const host = window.document.createElement('div');
  host.append(...template.content.firstChild!.childNodes);
  return canonical(host);
}

describe('links', () => {
  test.each([
    ['https://news.example/a', 'https://news.example/a'],
    ['http://news.example/a?b=1#c', 'http://news.example/a?b=1#c'],
    ['HTTPS://NEWS.EXAMPLE/', 'HTTPS://NEWS.EXAMPLE/'],
    ['  https://news.example/padded  ', 'https://news.example/padded'],
  ])('an absolute web link %j survives, opening a new context with no opener or referrer', (href, kept) => {
    expect(clean(`<a href="${href}" target="_self" rel="opener">x</a>`)).toBe(shape(`<a href="${kept}" target="_blank" rel="noopener noreferrer">x</a>`));
  });

  test('a mailto link survives the same way', () => {
    expect(clean('<a href="mailto:editor@news.example">write</a>')).toBe(
      shape('<a href="mailto:editor@news.example" target="_blank" rel="noopener noreferrer">write</a>'),
    );
  });

  test.each([
    '/options.html',
    'popup.html?tabId=1',
    '//evil.example/',
    '#section',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java&#x09;script:alert(1)',
    'vbscript:x',
    'data:text/html,<script>alert(1)</script>',
    'chrome-extension://abc/popup.html',
    'chrome://settings',
    'file:///etc/passwd',
    'tel:+100',
    'ftp://files.example/',
    'https:alert(1)',
  ])('the link %j loses its href (and so its target) but keeps its text', (href) => {
    expect(clean(`<a href="${href}" target="_blank">text</a>`)).toBe('<a>text</a>');
  });

  test('ping and download are dropped from a kept link', () => {
    expect(clean('<a href="https://ok.example/" ping="https://t.example/" download>x</a>')).toBe(
      shape('<a href="https://ok.example/" target="_blank" rel="noopener noreferrer">x</a>'),
    );
  });
});

describe('images and media', () => {
  test('a web image keeps its source and size, sends no referrer and loads lazily', () => {
    expect(clean('<img src="https://img.example/a.jpg" alt="A photo" width="640" height="360" referrerpolicy="unsafe-url" loading="eager">')).toBe(
      shape('<img src="https://img.example/a.jpg" alt="A photo" width="640" height="360" referrerpolicy="no-referrer" loading="lazy">'),
    );
  });

  test.each(['/a.jpg', '//cdn.example/a.jpg', 'data:image/png;base64,iVBORw0KGgo=', 'javascript:alert(1)', 'blob:https://x/y', 'chrome-extension://id/i.png'])(
    'an image from %j loses its source',
    (src) => {
      expect(clean(`<img src="${src}" alt="a">`)).toBe(shape('<img alt="a" referrerpolicy="no-referrer" loading="lazy">'));
    },
  );

  test('srcset, sizes and usemap are dropped, so every image loads from its one checked src', () => {
    expect(clean('<img src="https://i.example/a.jpg" srcset="javascript:x 1x, https://i.example/b.jpg 2x" sizes="100vw" usemap="#m">')).toBe(
      shape('<img src="https://i.example/a.jpg" referrerpolicy="no-referrer" loading="lazy">'),
    );
  });

  test('figures and captions survive', () => {
    expect(clean('<figure><img src="https://i.example/a.jpg"><figcaption>Photo: <b>Agency</b></figcaption></figure>')).toBe(
      shape('<figure><img src="https://i.example/a.jpg" referrerpolicy="no-referrer" loading="lazy"><figcaption>Photo: <b>Agency</b></figcaption></figure>'),
    );
  });

  test('no CORS request: crossorigin goes from images and media, so no request carries Origin: chrome-extension://<id>', () => {
    expect(clean('<img src="https://i.example/a.jpg" crossorigin="use-credentials"><video src="https://m.example/v.mp4" crossorigin></video><audio src="https://m.example/a.mp3" crossorigin="anonymous"></audio>')).toBe(
      shape('<img src="https://i.example/a.jpg" referrerpolicy="no-referrer" loading="lazy"><video src="https://m.example/v.mp4"></video><audio src="https://m.example/a.mp3"></audio>'),
    );
  });

  test('a <track> (always fetched with CORS) goes, its video stays', () => {
    expect(clean('<video src="https://m.example/v.mp4"><track kind="captions" src="https://m.example/c.vtt"></video>')).toBe(shape('<video src="https://m.example/v.mp4"></video>'));
  });

  test('video keeps web sources but never autoplays', () => {
    expect(clean('<video controls autoplay src="https://m.example/v.mp4" poster="/p.jpg"></video>')).toBe(
      shape('<video controls="" src="https://m.example/v.mp4"></video>'),
    );
  });
});

describe('what article HTML may not bring', () => {
  test.each([
    ['<svg><circle r="5"></circle></svg><p>x</p>', '<p>x</p>'],
    ['<math><mi>x</mi></math><p>y</p>', '<p>y</p>'],
    ['<style>p{color:red}</style><p>z</p>', '<p>z</p>'],
    ['<p style="position:fixed">fixed</p>', '<p>fixed</p>'],
    ['<form action="https://evil.example/"><input name="q"><button>Go</button></form>', 'Go'],
    ['<iframe src="https://evil.example/"></iframe><p>a</p>', '<p>a</p>'],
    ['<object data="https://evil.example/x"></object><embed src="https://evil.example/y"><p>b</p>', '<p>b</p>'],
    ['<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0"><p>c</p>', '<p>c</p>'],
    ['<dialog open>d</dialog><template><p>t</p></template>', 'd'],
    ['<p data-tracking="1" data-bind="x" data-annotation="org-1">e</p>', '<p data-annotation="org-1">e</p>'],
    ['<div popover>f</div>', '<div>f</div>'],
  ])('%j → %j', (dirty, expected) => {
    expect(clean(dirty)).toBe(shape(expected));
  });

  test('ids and names are prefixed, so a page cannot clobber the popup\'s own ids and globals', () => {
    expect(clean('<h2 id="app">a</h2><a name="top" id="createElement">b</a>')).toBe(
      shape('<h2 id="user-content-app">a</h2><a name="user-content-top" id="user-content-createElement">b</a>'),
    );
  });

  test('a page that parses into a frameset comes back as null, for the caller to render as nothing', () => {
    expect(sanitize('<frameset><frame src="https://x.example/"></frameset>')).toBeNull();
    expect(sanitize('<div id="31"><frameset onload=alert(31)>')).toBeNull();
  });
});

describe('what an article keeps', () => {
  test('language, direction, table spans and dates: plain values the URL rule must not eat', () => {
    expect(clean('<p lang="ru" dir="ltr" title="Заголовок">Текст</p><table><tbody><tr><td colspan="2" rowspan="3">c</td></tr></tbody></table><time datetime="2024-05-01T10:00">1 мая</time>')).toBe(
      shape('<p lang="ru" dir="ltr" title="Заголовок">Текст</p><table><tbody><tr><td colspan="2" rowspan="3">c</td></tr></tbody></table><time datetime="2024-05-01T10:00">1 мая</time>'),
    );
  });

  test('the annotator\'s marks keep their data attributes', () => {
    expect(clean('<mark data-annotation="meta" data-annotation-kind="banned">Meta</mark>*')).toBe(
      shape('<mark data-annotation="meta" data-annotation-kind="banned">Meta</mark>*'),
    );
  });

  test('quotes, lists, headings, emphasis and code survive as they are', () => {
    const html = '<h2>H</h2><blockquote><p>Q</p></blockquote><ul><li>a</li></ul><ol start="3"><li>b</li></ol><p><em>e</em> <strong>s</strong> <code>c</code> <sup>1</sup></p><pre>p</pre><hr>';
    expect(clean(html)).toBe(shape(html));
  });

  test('cleaning is stable: the sanitized output, sanitized again, is unchanged', () => {
    const once = clean('<p id="a">x<a href="https://o.example/">l</a><img src="https://i.example/i.png"></p>')!;
    expect(clean(once)).toBe(once);
  });

  test('the fragment is not the caller\'s document\'s: it must be imported, and importing keeps it intact', () => {
    const fragment = sanitize('<p>one</p><p>two</p>')!;
    const host = window.document.createElement('div');
    host.append(window.document.importNode(fragment, true));
    expect(host.innerHTML).toBe('<p>one</p><p>two</p>');
  });

  test('empty and text-only input', () => {
    expect(clean('')).toBe('');
    expect(clean('plain & simple')).toBe('plain &amp; simple');
  });
});
