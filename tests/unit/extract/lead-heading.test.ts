/**
 * Running text set as a heading (a photo report's only text in an <h1>) reaches the reader
 * as paragraphs; headings that are titles stay headings.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const URL_ = 'https://news.example.ru/politics/photo/2018/08/27/1.shtml';
const LEAD_1 =
  'Пресс-секретарь министра рассказал, что 25 и 26 августа министр находился на Алтае, где занимался природным туризмом. ' +
  'По его словам, во время поездки министра сопровождали заместители, советники и директор Катунского заповедника.';
const LEAD_2 = 'На фотографиях, опубликованных пресс-службой, министр плавает на катере, собирает грибы и ходит по горам. Как прошли выходные — в фоторепортаже «Пример.Ру»';

function page(heading: string, body = ''): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Уикенд в горах: как министр отдохнул на Алтае - Пример.Ру</title></head><body>
<main><article class="photo">
<h2 class="title">Уикенд в горах: как министр отдохнул на Алтае</h2>
${heading}
<div class="photoreport"><img src="https://news.example.ru/photo/1.jpg" alt=""></div>
${body}
</article></main></body></html>`;
}

describe.each(DOMS)('long headings under %s', (dom) => {
  it('a lead set in an <h1> reaches the reader as paragraphs, title unchanged', () => {
    const html = page(`<h1 class="small_header">${LEAD_1}<br><br>${LEAD_2}</h1>`);
    const result = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true });
    expect(result.article?.title).toBe('Уикенд в горах: как министр отдохнул на Алтае');
    expect(result.article?.text).toContain(LEAD_1);
    expect(result.article?.text).toContain(LEAD_2);
    expect(result.article?.html).not.toMatch(/<h1/i);
  });

  it('keeps a story’s subheadings as headings, and a long heading without sentences too', () => {
    const prose = Array.from({ length: 4 }, (_, i) => `<p>Абзац ${i + 1}: ${LEAD_1}</p>`).join('');
    const oneLongLine = 'Очень длинный заголовок раздела без единой точки внутри, '.repeat(6).trim();
    const html = page('', `<div class="body"><h2>Что известно о поездке</h2>${prose}<h3>${oneLongLine}</h3>${prose}</div>`);
    const result = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true });
    expect(result.article?.html).toMatch(/<h2[^>]*>Что известно о поездке<\/h2>/);
    expect(result.article?.html).toContain(`<h3>${oneLongLine}</h3>`);
  });

  it('leaves the page it reads as it was', () => {
    const doc = parseDocument(page(`<h1>${LEAD_1} ${LEAD_2}</h1>`), URL_, dom);
    const before = doc.documentElement.outerHTML;
    cleanDocument(doc, { url: URL_, force: true });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
