import { describe, expect, test } from 'vitest';
import { fullHeadline, visibleHeadlines } from '../../../utils/cleaner/extract/title.ts';
import { DOMS, parseDocument } from '../../dom.ts';

describe('the headline the page shows', () => {
  test.each([
    ['a social card title cut short gives way to the full visible headline', 'Нюша поддержала Putin Team', ['Нюша поддержала Putin Team и поздравила больных детей с Новым годом. ФОТО'], 'Нюша поддержала Putin Team и поздравила больных детей с Новым годом. ФОТО'],
    ['an ellipsis at the cut does not hide the match', 'Council backs plan to turn old freight line…', ['Council backs plan to turn old freight line into a 9-mile greenway'], 'Council backs plan to turn old freight line into a 9-mile greenway'],
    ['the same headline stays as it is', 'Путин и Олланд договорились о координации', ['Путин и Олланд договорились о координации'], 'Путин и Олланд договорились о координации'],
    ['a different h1 (the site name) is not a headline of this story', 'Council backs plan for greenway', ['The Riverside Courier'], 'Council backs plan for greenway'],
    ['a longer heading that only starts with the same word is another text', 'Council backs plan', ['Council backs planning reform in a late-night vote'], 'Council backs plan'],
    ['a very short title is not evidence enough', 'News', ['News: the council voted'], 'News'],
    ['a rubric before the card title («Фото:») goes when the page shows the headline without it', 'Фото: Уикенд в горах: как Путин отдохнул в Туве', ['Уикенд в горах: как Путин отдохнул в Туве'], 'Уикенд в горах: как Путин отдохнул в Туве'],
    ['an English rubric ("WATCH:") likewise', 'WATCH: Firefighters pull a horse out of an icy pond', ['Firefighters pull a horse out of an icy pond'], 'Firefighters pull a horse out of an icy pond'],
    ['a rubric and a cut together give the full visible headline', 'Видео: Пожарные спасли лошадь…', ['Пожарные спасли лошадь из ледяного пруда'], 'Пожарные спасли лошадь из ледяного пруда'],
    ['a speaker before a colon stays when the page shows the whole title', 'Песков: Путин провел выходные в Туве', ['Песков: Путин провел выходные в Туве', 'Путин провел выходные в Туве'], 'Песков: Путин провел выходные в Туве'],
    ['a prefix stays when no visible headline is the rest of the title', 'BREAKING NEWS: Chelsea activate release clause to sign Kepa', ['Chelsea sign goalkeeper in record deal'], 'BREAKING NEWS: Chelsea activate release clause to sign Kepa'],
    ['a run of four words before the colon is no rubric', 'What the council decided tonight: the greenway goes ahead', ['the greenway goes ahead'], 'What the council decided tonight: the greenway goes ahead'],
  ])('%s', (_, metadata, headlines, expected) => {
    expect(fullHeadline(metadata, headlines)).toBe(expected);
  });

  test.each(DOMS)('headlines are read from h1, h2 and itemprop=headline, spaces folded (%s)', (dom) => {
    const doc = parseDocument('<html><body><h2>Уикенд в горах</h2><h1>Нюша поддержала&nbsp;Putin Team</h1><div itemprop="headline name">Second\n  one</div></body></html>', 'https://example.com/', dom);
    expect(visibleHeadlines(doc)).toEqual(['Уикенд в горах', 'Нюша поддержала Putin Team', 'Second one']);
  });

  test.each(DOMS)('an og:title with a rubric gives way to the page\'s <h2> headline, not to a teaser h2 (%s)', (dom) => {
    const doc = parseDocument(
      '<html><body><div class="topic"><a href="/photo/">Фоторепортаж</a></div><h2>Уикенд в горах: как Путин отдохнул в Туве</h2>' +
        '<h1>Пресс-секретарь президента рассказал, что Путин провел выходные в Туве.</h1><h2 itemprop="headline">Джон Маккейн скончался</h2></body></html>',
      'https://example.com/',
      dom,
    );
    expect(fullHeadline('Фото: Уикенд в горах: как Путин отдохнул в Туве', visibleHeadlines(doc))).toBe('Уикенд в горах: как Путин отдохнул в Туве');
    expect(fullHeadline('Фото: Джон Маккейн на выборах 2008 года', visibleHeadlines(doc))).toBe('Фото: Джон Маккейн на выборах 2008 года');
  });
});
