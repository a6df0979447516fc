import { describe, expect, test } from 'vitest';
import { declaredTitles, fullHeadline, visibleHeadlines, type Headline } from '../../../utils/cleaner/extract/title.ts';
import { DOMS, parseDocument } from '../../dom.ts';

/** A plain heading: no parts, no kicker above it. */
const plain = (texts: readonly string[]): Headline[] => texts.map((text) => ({ text, parts: [], kicker: null }));

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
    expect(fullHeadline(metadata, plain(headlines))).toBe(expected);
  });

  test.each(DOMS)('headlines are read from h1, h2 and itemprop=headline, spaces folded (%s)', (dom) => {
    const doc = parseDocument('<html><body><h2>Уикенд в горах</h2><h1>Нюша поддержала&nbsp;Putin Team</h1><div itemprop="headline name">Second\n  one</div></body></html>', 'https://example.com/', dom);
    expect(visibleHeadlines(doc).map((h) => h.text)).toEqual(['Уикенд в горах', 'Нюша поддержала Putin Team', 'Second one']);
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

describe('the headline a declared title confirms', () => {
  const none = { titles: [], siteNames: [] };
  const heading = (text: string, parts: string[] = [], kicker: string | null = null): Headline => ({ text, parts, kicker });

  test('the site and section after the headline go (JSON-LD "… | Sport", og:title "… - Golem.de")', () => {
    expect(fullHeadline('Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec | Sport', [heading('Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec')])).toBe(
      'Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec',
    );
    expect(fullHeadline('Ukrainische Gegenoffensive: Ziele, Chancen, Risiken | DW | 28.04.2023', [heading('Ukrainische Gegenoffensive: Ziele, Chancen, Risiken')])).toBe(
      'Ukrainische Gegenoffensive: Ziele, Chancen, Risiken',
    );
  });

  test('entities left in structured data are decoded ("zerst&ouml;ren")', () => {
    expect(fullHeadline('LTE-Patent: Samsung soll Smartphones zerst&ouml;ren - Golem.de', [heading('LTE-Patent: Samsung soll Smartphones zerstören')])).toBe(
      'LTE-Patent: Samsung soll Smartphones zerstören',
    );
    // With nothing visible to confirm it, the declared title is still decoded and loses the site's name.
    expect(fullHeadline('R&uuml;ckbau von Atomkraftwerk &#8211; gesprengt - Golem.de', [], { titles: [], siteNames: ['Golem.de'] })).toBe('Rückbau von Atomkraftwerk – gesprengt');
  });

  test('the visible headline that og:title confirms wins over an SEO headline in JSON-LD', () => {
    const declared = { titles: ['One hundred years at the Coliseum: Much more than a sports venue'], siteNames: ['Los Angeles Times'] };
    expect(fullHeadline('100 years at the Los Angeles Coliseum: More than a sports venue', [heading('One hundred years at the Coliseum: Much more than a sports venue')], declared)).toBe(
      'One hundred years at the Coliseum: Much more than a sports venue',
    );
    // Without the og:title nothing confirms the h1, and Readability's title stays.
    expect(fullHeadline('100 years at the Los Angeles Coliseum: More than a sports venue', [heading('One hundred years at the Coliseum: Much more than a sports venue')], none)).toBe(
      '100 years at the Los Angeles Coliseum: More than a sports venue',
    );
  });

  test('a kicker span and a headline span: the headline when a declared title is the headline alone, both when it is both', () => {
    const h = heading('Neue Leipziger Schule Judy Lybke, ganz und gar nicht eigenartig', ['Neue Leipziger Schule', 'Judy Lybke, ganz und gar nicht eigenartig']);
    expect(fullHeadline('Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig', [h], { titles: ['Judy Lybke, ganz und gar nicht eigenartig'], siteNames: [] })).toBe(
      'Judy Lybke, ganz und gar nicht eigenartig',
    );
    expect(fullHeadline('Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig', [h], none)).toBe('Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig');
  });

  test('a kicker the page shows right above the heading stays in the title; a rubric it does not show goes', () => {
    expect(fullHeadline('Nationaler Veteranentag: Orden fürs Morden', [heading('Orden fürs Morden', [], 'Nationaler Veteranentag')])).toBe('Nationaler Veteranentag: Orden fürs Morden');
    expect(fullHeadline('Nationaler Veteranentag: Orden fürs Morden', [heading('Orden fürs Morden', [], 'Seite 1 / Titel')])).toBe('Orden fürs Morden');
  });

  test('the site\'s own name is never the title', () => {
    const declared = { titles: ['Газета «Коммерсантъ»', 'Минфин предложил новые правила для банков – Коммерсантъ'], siteNames: ['Газета «Коммерсантъ»'] };
    expect(fullHeadline('Газета «Коммерсантъ»', [heading('Газета «Коммерсантъ»'), heading('Минфин предложил новые правила для банков')], declared)).toBe('Минфин предложил новые правила для банков');
  });

  test.each(DOMS)('a heading in the breadcrumb trail is not the headline; kicker spans and the kicker above are read (%s)', (dom) => {
    const doc = parseDocument(
      '<html><body><nav class="breadcrumb"><a href="/">Start</a><h1>Neue Leipziger Schule: Judy Lybke</h1></nav>' +
        '<ol><li class="c-breadcrumb__item"><h1>Crumb title here</h1></li></ol>' +
        '<header><div class="kicker"><div>Aus: Ausgabe vom 26.04.2024</div><div>Nationaler Veteranentag</div></div><h1>Orden fürs Morden</h1></header>' +
        '<div><h2><span class="kicker">Neue Leipziger Schule</span> <span>Judy Lybke</span></h2></div></body></html>',
      'https://example.com/',
      dom,
    );
    expect(visibleHeadlines(doc)).toEqual([
      { text: 'Orden fürs Morden', parts: [], kicker: 'Nationaler Veteranentag', date: '2024-04-26' },
      { text: 'Neue Leipziger Schule Judy Lybke', parts: ['Neue Leipziger Schule', 'Judy Lybke'], kicker: null, date: null },
    ]);
  });

  test.each(DOMS)('declared titles: og:title, twitter:title, <title> and JSON-LD headlines, entities decoded (%s)', (dom) => {
    const doc = parseDocument(
      '<html><head><title>Head title | Site</title><meta property="og:title" content="Card title"><meta property="og:site_name" content="Site">' +
        '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Zerst&ouml;ren"}]}</script></head><body></body></html>',
      'https://example.com/',
      dom,
    );
    expect(declaredTitles(doc)).toEqual({ titles: ['Card title', 'Head title | Site', 'Zerstören'], siteNames: ['Site'] });
  });
});
