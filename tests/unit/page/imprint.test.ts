/**
 * A Russian outlet's imprint (its registration as a mass medium, founder, address and
 * disclaimers) is never taken for the article, on a page with little prose of its own; a
 * story that quotes a registration number is still the article.
 */
import { describe, expect, it } from 'vitest';
import { articleGuard, filterContext } from '../../../utils/cleaner/detect/detect.ts';
import { mediaRegistration } from '../../../utils/cleaner/page/roles.ts';
import { pageStats } from '../../../utils/cleaner/page/walk.ts';
import { DOMS, parseDocument } from '../../dom.ts';

describe('mediaRegistration', () => {
  it.each([
    'Свидетельство о регистрации СМИ Эл № ФС77-67642 выдано Роскомнадзором 10.11.2016 г.',
    'Сетевое издание «Уральские вести». Свидетельство о регистрации ЭЛ № ФС 77-81234',
    'Выдано №ФС77-36570.',
    'Регистрационный номер: ПИ № ТУ66-01234 от 12.03.2015',
    'Свидетельство о регистрации средства массовой информации выдано 1 июня 2012 года',
  ])('finds the registration in «%s»', (text) => expect(mediaRegistration(text)).toBe(true));

  it.each([
    'Заявка № 77-12345 принята к рассмотрению',
    'Статья 27 закона о СМИ требует указывать выходные данные',
    'Дело № 2-1234/2024 рассмотрено в суде',
    'Регистрация участников начнется в 10:00',
  ])('finds none in «%s»', (text) => expect(mediaRegistration(text)).toBe(false));
});

const IMPRINT = `<footer>
  <ul><li><a href="/about/">О проекте</a></li><li><a href="/ads/">Реклама</a></li></ul>
  <p>Учредитель: АО «Пример.Ру». Адрес редакции: 125239, Москва, Примерная улица, дом 1, строение 2</p>
  <p>Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано федеральной службой по надзору в сфере связи (Роскомнадзор).</p>
  <p>Редакция не несет ответственности за достоверность информации, содержащейся в рекламных объявлениях.</p>
</footer>`;

describe.each(DOMS)('the article guard under %s', (dom) => {
  const guarded = (html: string, selector: string): boolean => {
    const doc = parseDocument(`<!doctype html><html lang="ru"><body>${html}</body></html>`, 'https://news.example.ru/1', dom);
    const ctx = filterContext(doc, new URL('https://news.example.ru/1'));
    const el = doc.querySelector(selector)!;
    return articleGuard(ctx)(el) || false;
  };

  it('does not protect an imprint that holds all the prose of a photo report', () => {
    expect(guarded(`<main><h1>Уикенд в горах</h1><img src="/1.jpg" alt=""></main>${IMPRINT}`, 'footer')).toBe(false);
    const doc = parseDocument(`<!doctype html><html><body><main><h1>Уикенд</h1></main>${IMPRINT}</body></html>`, 'https://news.example.ru/1', dom);
    const stats = pageStats(filterContext(doc, new URL('https://news.example.ru/1')));
    expect(stats.get(doc.querySelector('footer')!).imprint).toBe(true);
  });

  it('counts a block’s own running text as prose beside an imprint nested in it (old table layouts)', () => {
    const loose = 'Текст статьи лежит прямо в ячейке таблицы, без абзацев, как на старых сайтах. '.repeat(3);
    const doc = parseDocument(
      `<!doctype html><html><body><table><tr><td id="story">${loose}<p>Свидетельство о регистрации СМИ Эл № ФС77-12345 выдано Роскомнадзором.</p></td></tr></table></body></html>`,
      'https://news.example.ru/1',
      dom,
    );
    const stats = pageStats(filterContext(doc, new URL('https://news.example.ru/1')));
    expect(stats.get(doc.querySelector('#story')!).prose).toBe(1);
    expect(stats.get(doc.querySelector('#story p')!).prose).toBe(0);
  });

  it('still protects a story that quotes a registration number', () => {
    const story = [
      'Роскомнадзор аннулировал свидетельство о регистрации СМИ Эл № ФС77-12345, выданное изданию «Пример», после решения суда.',
      'Суд удовлетворил иск ведомства в среду: издание трижды за год получало предупреждения за публикации без пометок.',
      'Главный редактор издания заявил, что редакция обжалует решение в апелляционной инстанции в течение месяца.',
      'Юристы, опрошенные нашим изданием, считают, что шансы на отмену решения невелики, но процесс займет время.',
    ]
      .map((text) => `<p>${text}</p>`)
      .join('');
    expect(guarded(`<div class="story">${story}</div><aside><p>Короткая заметка сбоку без регистрации, но достаточно длинная, чтобы считаться прозой.</p></aside>`, '.story')).toBe(true);
  });
});
