/**
 * The exporters behind "Copy as Markdown", "Copy text", "Save as Markdown" and "Save as
 * HTML": what a reader finds in the clipboard or the file. Run on the sanitizer's output
 * under jsdom, as the popup runs them on its own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import type { Annotation, Article } from '../../utils/cleaner/types.ts';
import { articleToHtml, articleToMarkdown, articleToText, fileNameFor, type ExportInput } from '../../utils/export/index.ts';
import { frontMatter } from '../../utils/export/markdown.ts';
import { articleMeta } from '../../utils/export/meta.ts';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const sanitize = createArticleSanitizer(window as unknown as Window);

const ARTICLE: Article = {
  title: 'Талибан* и ХТШ* в Кабуле',
  byline: 'Иван Петров',
  siteName: 'Example News',
  publishedTime: '2024-03-14T12:00:00Z',
  lang: 'ru',
  dir: null,
  excerpt: null,
  html: '',
  text: '',
  words: 0,
  readingMinutes: 1,
};

const annotation = (id: string, label: string, titleSpan?: [number, number]): Annotation => ({
  id,
  kind: 'banned',
  label,
  category: 'terrorist',
  person: false,
  mentions: [{ text: label, evidence: 'symbol', mark: '*', inTitle: !!titleSpan }],
  pageNotes: [`${label} — запрещённая в России организация`],
  registry: null,
  titleSpans: titleSpan ? [{ start: titleSpan[0], end: titleSpan[1] }] : [],
});

const mark = (id: string, text: string) => `<span class="declutter-annotation" data-annotation="${id}" data-annotation-kind="banned" tabindex="0" aria-describedby="declutter-note-${id}">${text}</span>`;

const BODY = [
  `<p>Первый абзац про ${mark('page-1', 'ХТШ')} и <a href="https://example.com/x">ссылку</a>.</p>`,
  `<figure><img src="https://example.com/a.jpg" alt="Площадь"><figcaption>Площадь в Кабуле</figcaption></figure>`,
  `<ul><li>один</li><li>два</li></ul>`,
  `<p>Снова ${mark('page-1', 'ХТШ')}, затем <strong>${mark('page-0', 'Талибан')}</strong>.</p>`,
  `<table><thead><tr><th>Год</th><th>Число</th></tr></thead><tbody><tr><td>2024</td><td>7</td></tr></tbody></table>`,
  `<p><img src="javascript:alert(1)" alt="x" onerror="alert(1)"><script>alert(1)</script>Конец.</p>`,
].join('');

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    article: ARTICLE,
    url: 'https://www.example.com/news/1?utm=1',
    // The title's «Талибан» is page-0, met first in the title although its first body mark comes last.
    annotations: [annotation('page-1', 'ХТШ'), annotation('page-0', 'Талибан', [0, 7])],
    lang: 'ru',
    body: sanitize(BODY)!,
    ...overrides,
  };
}

describe('Markdown', () => {
  const md = articleToMarkdown(input(), { frontMatter: true });

  test('opens with front matter: title, source, byline, date and site', () => {
    expect(md.startsWith('---\ntitle: "Талибан* и ХТШ* в Кабуле"\nsource: "https://www.example.com/news/1?utm=1"\nbyline: "Иван Петров"\ndate: "2024-03-14T12:00:00.000Z"\nsite: "Example News"\n---\n\n# ')).toBe(true);
  });

  test('annotations become footnotes numbered in reading order, the title first', () => {
    expect(md).toContain('# Талибан[^1]\\* и ХТШ\\* в Кабуле');
    expect(md).toContain('Первый абзац про ХТШ[^2] и [ссылку](https://example.com/x).');
    expect(md).toContain('Снова ХТШ[^2], затем **Талибан[^1]**.');
    expect(md).toMatch(/\n\[\^1\]: Талибан\. .*\n\[\^2\]: ХТШ\. .*\n$/);
  });

  test('pictures keep their captions; lists and tables are Markdown (GFM)', () => {
    expect(md).toContain('![Площадь](https://example.com/a.jpg)\n\n_Площадь в Кабуле_');
    expect(md).toMatch(/-\s+один\n-\s+два/);
    expect(md).toMatch(/\| Год \| Число \|\n\| -+ \| -+ \|\n\| 2024 \| 7 +\|/);
  });

  test('nothing the sanitizer dropped comes back, and the source ends the text', () => {
    expect(md).not.toMatch(/javascript:|alert|onerror/);
    expect(md).toContain('Конец.');
    expect(md).toContain('Источник: <https://www.example.com/news/1?utm=1>');
  });

  test('the copy has no front matter', () => {
    expect(articleToMarkdown(input()).startsWith('# Талибан[^1]')).toBe(true);
  });

  test('front matter values are quoted YAML whatever the page wrote', () => {
    const fm = frontMatter('A "quoted": title\nwith a break', { site: null, byline: null, date: null, dateText: null, source: 'https://a.example/' });
    expect(fm).toBe('---\ntitle: "A \\"quoted\\": title\\nwith a break"\nsource: "https://a.example/"\n---');
  });
});

describe('plain text', () => {
  const text = articleToText(input());

  test('one block a paragraph, notes as [n], the source and the notes at the end', () => {
    const blocks = text.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('Талибан [1]* и ХТШ* в Кабуле');
    expect(blocks[1]).toMatch(/^Иван Петров · 14 марта 2024 г\. · Example News$/);
    expect(blocks).toContain('Первый абзац про ХТШ [2] и ссылку.');
    expect(blocks).toContain('Площадь в Кабуле');
    expect(blocks).toContain('– один');
    expect(blocks).toContain('Снова ХТШ [2], затем Талибан [1].');
    expect(blocks).toContain('Источник: https://www.example.com/news/1?utm=1');
    expect(blocks.at(-1)).toMatch(/^\[1\] Талибан\. .*\n\[2\] ХТШ\. /);
    expect(text).not.toContain('<');
  });
});

describe('HTML file', () => {
  const html = articleToHtml(input());
  const doc = new JSDOM(html).window.document;

  test('is one document that runs nothing and loads nothing but pictures', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="ru">')).toBe(true);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.querySelectorAll('script, link, iframe, [onerror]').length).toBe(0);
    expect(html).not.toMatch(/javascript:/i);
    expect(doc.querySelector('style')?.textContent).toContain('max-width');
  });

  test('holds title, meta, body with pictures and captions, footnotes linked both ways, source', () => {
    expect(doc.title).toBe('Талибан* и ХТШ* в Кабуле');
    expect(doc.querySelector('h1')?.textContent).toBe('Талибан1* и ХТШ* в Кабуле');
    expect(doc.querySelector('.meta')?.textContent).toBe('Иван Петров · 14 марта 2024 г.');
    expect(doc.querySelector('figure img')?.getAttribute('src')).toBe('https://example.com/a.jpg');
    expect(doc.querySelector('figcaption')?.textContent).toBe('Площадь в Кабуле');
    const refs = [...doc.querySelectorAll('.body sup a')].map((a) => [a.textContent, a.getAttribute('href'), a.id]);
    expect(refs).toEqual([
      ['2', '#fn-2', 'fnref-2-1'],
      ['2', '#fn-2', 'fnref-2-2'],
      ['1', '#fn-1', 'fnref-1-2'],
    ]);
    const notes = [...doc.querySelectorAll('.footnotes li')];
    expect(notes.map((li) => li.id)).toEqual(['fn-1', 'fn-2']);
    expect(notes[1]?.textContent).toMatch(/^ХТШ\. /);
    expect(notes[1]?.querySelector('a')?.getAttribute('href')).toBe('#fnref-2-1');
    // The marks no longer point at the reader's own note elements.
    expect(doc.querySelector('[aria-describedby], [tabindex]')).toBeNull();
    expect(doc.querySelector('footer a')?.getAttribute('href')).toBe('https://www.example.com/news/1?utm=1');
  });

  test('page text is text: a title with markup stays letters', () => {
    const english = new JSDOM(articleToHtml(input({ lang: 'en' }))).window.document;
    expect(english.documentElement.lang).toBe('ru');
    expect(english.querySelector('footer')?.getAttribute('lang')).toBe('en');
    expect(english.querySelector('.footnotes')?.getAttribute('lang')).toBe('en');
    const hostile = articleToHtml(input({ article: { ...ARTICLE, title: '<img src=x onerror=alert(1)>' }, annotations: [] }));
    const parsed = new JSDOM(hostile).window.document;
    expect(parsed.querySelector('img[onerror]')).toBeNull();
    expect(parsed.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('meta and file names', () => {
  test('a byline that only repeats the site is dropped; a date that does not parse is kept as written', () => {
    const meta = articleMeta({ ...ARTICLE, byline: 'example news', publishedTime: 'вчера' }, 'https://example.com/a', 'en');
    expect(meta).toMatchObject({ byline: null, date: 'вчера', dateText: 'вчера', site: 'Example News' });
    expect(articleMeta({ ...ARTICLE, siteName: null }, 'about:blank', 'en')).toMatchObject({ site: null, source: null });
  });

  test('file names keep the title and lose what file systems refuse', () => {
    expect(fileNameFor('Путин: «да» / нет?', 'md')).toBe('Путин «да» нет.md');
    expect(fileNameFor('  ...  ', 'html')).toBe('article.html');
    expect(fileNameFor('a'.repeat(200), 'md')).toBe(`${'a'.repeat(80)}.md`);
  });
});
