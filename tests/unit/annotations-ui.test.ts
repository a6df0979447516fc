// @vitest-environment jsdom
/**
 * Annotations as a reader meets them in the popup: the summary above the article, the marks
 * in the title and the body, the note on focus, hover and tap, Escape, the hidden text that
 * aria-describedby points to, and the page untouched when annotations are off. The article
 * is the seed page (gazeta-putin-olland) run through the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h } from 'preact';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ArticleView } from '../../components/ArticleView.tsx';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import { summaryText } from '../../utils/cleaner/annotate/describe.ts';
import type { CleanResult, Lang } from '../../utils/cleaner/types.ts';
import { parseDocument } from '../dom.ts';
import { foldSpaces } from '../../utils/cleaner/page/visible-text.ts';

// Heavy: whole pages rendered under jsdom. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/** The page types no-break spaces after short words; compare what a reader reads. */
const textOf = (el: Element | null): string => foldSpaces(el?.textContent ?? '');

afterEach(cleanup);

const SEED = join(import.meta.dirname, '../golden/pages/gazeta-putin-olland/source.html');
const URL_ = 'https://www.gazeta.ru/politics/news/2015/11/20/n_7907113.shtml';
const sanitize = createArticleSanitizer(window);

function clean(html: string, annotate = true): CleanResult {
  return cleanDocument(parseDocument(html, URL_, 'jsdom'), { url: URL_, annotate, force: true, now: () => 0 });
}

function show(result: CleanResult, lang: Lang = 'ru') {
  return render(h(ArticleView, { article: result.article!, url: result.url, removals: result.removals, annotations: result.annotations, lang, sanitize }));
}

const seed = readFileSync(SEED, 'utf8');

describe('the seed page with annotations on', () => {
  test('the summary above the article names the organisation and its category, with the data date', () => {
    const result = clean(seed);
    show(result);
    const summary = document.querySelector('.annotation-list')!;
    expect(textOf(summary)).toContain('Упомянуты организации, запрещённые в России: «Исламское государство» (террористическая)');
    expect(summary.textContent).toMatch(/данные реестра на \d\d\.\d\d\.\d{4}/);
    expect(summaryText(result.annotations, 'ru')).toBe('Упомянуты организации, запрещённые в России: «Исламское государство» (террористическая)');
  });

  test('no asterisk, disclaimer or footnote paragraph is left in the title or the body', () => {
    show(clean(seed));
    const title = textOf(document.querySelector('.article-title'));
    const body = textOf(document.querySelector('.article-body'));
    expect(title).toBe('Путин и Олланд договорились о координации действий военных в борьбе с ИГ в Сирии');
    expect(body).not.toContain('*');
    expect(body).not.toContain('(организация запрещена в России)');
    expect(body).not.toContain('террористическая организация, запрещенная в ряде стран');
    expect(body).toContain('методы борьбы с боевиками «Исламского государства», а также ситуацию в Сирии');
  });

  test('every marked mention is focusable and described by a note that says what and why', () => {
    show(clean(seed));
    const marks = [...document.querySelectorAll<HTMLElement>('[data-annotation="islamic-state"]')];
    // The title's ИГ, «Исламское государство», «Исламского государства», the later ИГ.
    expect(marks.map((m) => m.textContent)).toEqual(['ИГ', 'Исламское государство', 'Исламского государства', 'ИГ']);
    for (const mark of marks) {
      expect(mark.tabIndex).toBe(0);
      const description = document.getElementById(mark.getAttribute('aria-describedby')!);
      expect(description?.textContent).toContain('Террористическая организация, запрещена в России');
      expect(description?.textContent).toContain('«Исламское государство» — террористическая организация, запрещенная в ряде стран, в том числе в России.');
      expect(description?.textContent).toContain('Верховный суд РФ');
      expect(description?.textContent).toContain('29.12.2014');
    }
  });

  test('focus opens the note, Escape closes it; hover opens it; a tap pins it until dismissed', () => {
    show(clean(seed));
    const [titleMark, , bodyMark] = [...document.querySelectorAll<HTMLElement>('[data-annotation="islamic-state"]')];
    act(() => titleMark!.focus());
    const note = screen.getByRole('tooltip');
    expect(note.textContent).toContain('«Исламское государство»');
    expect(note.textContent).toContain('Страница пометила название знаком сноски.');
    act(() => {
      fireEvent.keyDown(document, { key: 'Escape' });
    });
    expect(screen.queryByRole('tooltip')).toBeNull();

    act(() => {
      fireEvent.mouseOver(bodyMark!);
    });
    expect(screen.getByRole('tooltip').textContent).toContain('Страница добавила к названию пояснение в скобках.');

    act(() => {
      fireEvent.click(bodyMark!);
    });
    act(() => {
      fireEvent.mouseOut(bodyMark!, { relatedTarget: document.body });
    });
    expect(screen.getByRole('tooltip')).toBeTruthy();
    act(() => {
      fireEvent.pointerDown(document.body);
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  test('Enter on a focused mark pins its note, as a tap does', () => {
    show(clean(seed));
    const mark = document.querySelectorAll<HTMLElement>('[data-annotation="islamic-state"]')[3]!;
    act(() => {
      mark.focus();
      fireEvent.keyDown(mark, { key: 'Enter' });
    });
    act(() => {
      mark.blur();
    });
    expect(screen.getByRole('tooltip')).toBeTruthy();
  });

  test('the summary opens the full note with the registry sources as links', () => {
    show(clean(seed));
    const button = screen.getByRole('button', { name: '«Исламское государство»' });
    act(() => {
      fireEvent.click(button);
    });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const card = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(card.hidden).toBe(false);
    const links = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://ngs70.ru/text/world/2014/12/29/54047961');
    expect(card.textContent).toContain('Реестр Declutter:');
  });

  test('an English reader gets the same note in English', () => {
    show(clean(seed), 'en');
    expect(document.querySelector('.annotation-list')!.textContent).toContain('Mentions organizations banned in Russia: Islamic State (IS, ISIL, ISIS, Daesh) (terrorist)');
    const mark = document.querySelector<HTMLElement>('[data-annotation="islamic-state"]')!;
    expect(document.getElementById(mark.getAttribute('aria-describedby')!)?.textContent).toContain('Terrorist organization, banned in Russia');
  });
});

test('with annotations off the article keeps the page’s own marks and disclaimers', () => {
  const result = clean(seed, false);
  show(result);
  expect(result.annotations).toEqual([]);
  expect(document.querySelector('.annotation-list')).toBeNull();
  expect(document.querySelector('[data-annotation]')).toBeNull();
  expect(textOf(document.querySelector('.article-title'))).toContain('ИГ*');
  const body = textOf(document.querySelector('.article-body'));
  expect(body).toContain('«Исламского государства» (организация запрещена в России)');
  expect(body).toContain('«Исламское государство» — террористическая организация, запрещенная в ряде стран, в том числе в России.');
});

test('a page cannot forge marks, and a note shows page text as text, never as markup', () => {
  const page = `<!doctype html><html lang="ru"><head><title>Новость</title></head><body><article><h1>Новость</h1>
    <p>Боевики ИГ* атаковали колонну у города, сообщили военные. Это уже третья атака за неделю в этом районе страны.</p>
    <p>Жители <span data-annotation="islamic-state" data-annotation-kind="banned">поддельной пометки</span> покинули дома, власти организовали эвакуацию и временное жильё.</p>
    <p>* &lt;img src=x onerror=alert(1)&gt; Организация запрещена в России</p></article></body></html>`;
  const result = clean(page);
  show(result);
  expect([...document.querySelectorAll('[data-annotation]')].map((m) => m.textContent)).toEqual(['ИГ']);
  const mark = document.querySelector<HTMLElement>('[data-annotation]')!;
  act(() => mark.focus());
  const note = screen.getByRole('tooltip');
  expect(note.textContent).toContain('<img src=x onerror=alert(1)>');
  expect(note.querySelector('img')).toBeNull();
  expect(document.querySelector('.annotation-descriptions img')).toBeNull();
});
