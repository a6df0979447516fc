/**
 * The article's date: the declared one in a form every browser reads, else the one stated
 * next to the headline, never a teaser's.
 */
import { describe, expect, it, test } from 'vitest';
import { normalizeDate, publicationDate } from '../../../utils/cleaner/extract/dates.ts';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument } from '../../dom.ts';

describe('dates a browser reads', () => {
  test.each([
    ['2023-04-28 18:11:01.0', '2023-04-28T18:11:01'],
    ['20200303T1835+0300', '2020-03-03T18:35:00+03:00'],
    ['2024-04-30 16:17:29 +02:00', '2024-04-30T16:17:29+02:00'],
    ['2025-05-15T20:00:52.000+0900', '2025-05-15T20:00:52+09:00'],
    ['2018-08-22T21:02:00Z', '2018-08-22T21:02:00Z'],
    ['2024-04-30', '2024-04-30'],
    ['27.08.2018, 18:34', '2018-08-27T18:34'],
    ['20 декабря 2017 в 19:15', '2017-12-20T19:15'],
    [' 00:02, 23 августа 2018', '2018-08-23T00:02'],
    ['3 мая 2021', '2021-05-03'],
    ['November 15, 2019', '2019-11-15'],
    ['Updated Nov. 15, 2019 5:00', '2019-11-15T05:00'],
    ['15. März 2024', '2024-03-15'],
  ])('%s reads as %s', (text, iso) => {
    expect(normalizeDate(text)).toBe(iso);
  });

  test.each(['16:28', 'Вчера', '8 января, 17:46', '2018', 'Seite 1 / Titel', '99.99.2020', ''])('%j holds no full date', (text) => {
    expect(normalizeDate(text)).toBeNull();
  });

  it('a declared date the reader could not read is replaced, one nothing reads stays as it was', () => {
    expect(publicationDate('20200303T1835+0300', null)).toBe('2020-03-03T18:35:00+03:00');
    expect(publicationDate(null, '2018-08-27T18:34')).toBe('2018-08-27T18:34');
    expect(publicationDate('Frühjahr', '2018-08-27T18:34')).toBe('2018-08-27T18:34');
    expect(publicationDate('Frühjahr', null)).toBe('Frühjahr');
  });
});

const URL_ = 'https://news.example.ru/2018/08/27/1.html';
const TEXT = Array.from({ length: 6 }, (_, i) => `<p>Абзац ${i + 1}: министр рассказал журналистам о планах ведомства на осень, о новых правилах и о том, что изменится для жителей региона уже в этом году.</p>`).join('');

function page(header: string): string {
  return `<!doctype html><html lang="ru"><head><title>Министр рассказал о планах</title></head><body>
<aside><ul>${Array.from({ length: 5 }, (_, i) => `<li><a href="/n${i}">Другая новость номер ${i}</a><time datetime="2018-08-2${i}T10:00:00+03:00">2${i} августа</time></li>`).join('')}</ul></aside>
<main><article>${header}${TEXT}</article></main></body></html>`;
}

describe.each(DOMS)('the date next to the headline under %s', (dom) => {
  const clean = (html: string) => cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true }).article;

  it('a <time itemprop=datePublished> under the headline, not the teasers\' times', () => {
    const article = clean(page('<h1>Министр рассказал о планах</h1><div class="info"><time itemprop="datePublished" datetime="2018-08-27T18:34:00+03:00">27 августа 2018, 18:34</time></div>'));
    expect(article?.publishedTime).toBe('2018-08-27T18:34:00+03:00');
  });

  it('the visible dateline when the page has no machine date', () => {
    const article = clean(page('<h1>Министр рассказал о планах</h1><div class="article_auth"><span class="date_time">27.08.2018, 18:34</span></div>'));
    expect(article?.publishedTime).toBe('2018-08-27T18:34');
  });

  it('no date when the page states none near the headline (a bare time is no date)', () => {
    const article = clean(page('<h1>Министр рассказал о планах</h1><div class="date">16:28</div>'));
    expect(article?.publishedTime).toBeNull();
  });
});
