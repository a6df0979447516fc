/**
 * A picture's caption or credit named "author" stays under its picture and does not become
 * the story's byline; a real byline with the author's headshot still does.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument, type DomName } from '../../dom.ts';

const URL_ = 'https://news.example/tech/04/09/2024/messengers/';
const PARAGRAPHS = [
  'Ежемесячная аудитория мессенджеров в России к августу 2024 года достигла 96 млн человек, что на 18% больше, чем годом ранее, по данным аналитиков.',
  'Аналитики учитывали пользователей старше 12 лет, которые хотя бы раз в месяц отправляли сообщение со смартфона или компьютера, и считали время.',
  'Наибольший прирост аудитории, по данным исследования, показали мессенджеры, встроенные в банковские и государственные приложения, сообщили в компании.',
  'В ближайшие два года аналитики ожидают замедления роста до 3–5% в год, а основным драйвером станут корпоративные мессенджеры для совместной работы.',
];
const STORY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
const CAPTION = 'Пассажиры в московском метро';

function clean(dom: DomName, body: string) {
  const html = `<html lang="ru"><head><title>Аудитория мессенджеров выросла</title></head><body><article><h1>Аудитория мессенджеров выросла</h1><div class="article__text">${body}</div></article></body></html>`;
  const doc = parseDocument(html, URL_, dom);
  const before = doc.documentElement.outerHTML;
  const result = cleanDocument(doc, { url: URL_, force: true, annotate: false });
  // The names are changed only on the pipeline's own copy.
  expect(doc.documentElement.outerHTML).toBe(before);
  expect(result.article!.html).not.toContain('data-declutter');
  return result.article!;
}

describe.each(DOMS)('picture credits and the byline under %s', (dom) => {
  it('a caption block named "author" after the picture stays in the story, and the real byline is found', () => {
    const picture =
      '<div class="article__main-image"><div class="article__main-image__wrap"><img src="https://cdn.news.example/metro.jpg"></div>' +
      `<div class="article__main-image__author"><span>${CAPTION}</span> <span>(Фото: Андрей Зуев / «Обозреватель»)</span></div></div>`;
    const article = clean(dom, `${picture}${STORY}<div class="article__authors"><span>Ксения Лаврова</span></div>`);
    expect(article.byline).toBe('Ксения Лаврова');
    expect(article.text).toContain(CAPTION);
    expect(article.text.indexOf(CAPTION)).toBeLessThan(article.text.indexOf(PARAGRAPHS[0]!));
    // The credit step still reads the block's own names and its credit wording.
    expect(article.text).not.toContain('Андрей Зуев');
  });

  it('a figure\'s photographer (class "photo-author", itemprop=author) is not the byline', () => {
    const figure =
      `<figure><img src="https://cdn.news.example/metro.jpg"><figcaption>${CAPTION} <span class="photo-author">Фото: Андрей Зуев</span></figcaption></figure>` +
      '<figure itemscope><img src="https://cdn.news.example/tram.jpg"><figcaption>Трамвай на кольце <span itemprop="author">Иван Петров</span></figcaption></figure>';
    const article = clean(dom, `${figure}${STORY}<p class="byline">Ксения Лаврова</p>`);
    expect(article.byline).toBe('Ксения Лаврова');
    expect(article.text).toContain(CAPTION);
    expect(article.text).toContain('Трамвай на кольце');
  });

  it('an author line with a headshot is still the byline', () => {
    const card = '<div class="article__meta"><img src="https://cdn.news.example/u/k.jpg" width="48" height="48"><a class="author-name" href="/authors/lavrova/">Ксения Лаврова</a></div>';
    expect(clean(dom, `${card}${STORY}`).byline).toBe('Ксения Лаврова');
  });

  it('an author card set as a figure is still the byline', () => {
    const card = '<figure class="author-card"><img src="https://cdn.news.example/u/k.jpg"><figcaption class="author-card__name">Ксения Лаврова</figcaption></figure>';
    expect(clean(dom, `${card}${STORY}`).byline).toBe('Ксения Лаврова');
  });

  it('a byline right after a picture in a wrapper not named for the picture is still the byline', () => {
    const header = '<div class="article__header"><img src="https://cdn.news.example/metro.jpg"><div class="article__author">Ксения Лаврова</div></div>';
    expect(clean(dom, `${header}${STORY}`).byline).toBe('Ксения Лаврова');
  });
});
