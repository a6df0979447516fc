/**
 * The story's lead picture that Readability leaves beside the body comes back in front of
 * it, with its caption; galleries, teaser cards and figures away from the story do not.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument, type DomName } from '../../dom.ts';

const URL_ = 'https://news.example/local/2024/03/14/greenway-vote/';
const PARAGRAPHS = [
  'The council voted 7-2 on Wednesday night to buy the disused freight corridor from the regional rail authority, clearing the way for a nine-mile path.',
  'The purchase, priced at $4.2 million, will be paid for largely with a state active-transportation grant the city won last fall, officials said.',
  'Under the concept plan, the greenway would run from the Foundry District downtown to the county fairgrounds in the north, along the creek.',
  'Not everyone at the three-hour meeting was convinced, and several residents asked the council to delay the vote until a plan for privacy was ready.',
  'The sale still needs approval from the rail authority’s board, which meets in April, and construction could start early next year if funding comes.',
];
const BODY = `<div class="article__body">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`;
const CAPTION = 'The old trestle, built in 1911, would be repaired as part of the greenway.';
const LEAD = `<figure class="article__lead-art"><img src="https://cdn.news.example/trestle.jpg" alt=""><figcaption>${CAPTION} <span class="credit">(Dan Reyes / The Courier)</span></figcaption></figure>`;

function clean(dom: DomName, article: string, aside = '') {
  const html = `<html lang="en"><head><title>Council backs greenway</title></head><body><main><article><h1>Council backs greenway</h1>${article}</article>${aside}</main></body></html>`;
  const doc = parseDocument(html, URL_, dom);
  const before = doc.documentElement.outerHTML;
  const result = cleanDocument(doc, { url: URL_, force: true, annotate: false });
  expect(doc.documentElement.outerHTML).toBe(before);
  const article_ = result.article!;
  return { text: article_.text, html: article_.html };
}

describe.each(DOMS)('the lead picture under %s', (dom) => {
  it('comes back before the body with its caption, its credit line tidied as in the body', () => {
    const { text, html } = clean(dom, LEAD + BODY);
    expect(text).toContain(CAPTION);
    expect(text.indexOf(CAPTION)).toBeLessThan(text.indexOf(PARAGRAPHS[0]!));
    expect(text).not.toContain('Dan Reyes');
    expect(html).toContain('https://cdn.news.example/trestle.jpg');
  });

  it('comes back as the page had it, without what the page hides', () => {
    const lead = `<figure><img src="https://cdn.news.example/trestle.jpg"><figcaption><div class="media__credit">Clay McBride</div><div class="media__caption">${CAPTION}</div><span hidden>Expand image</span></figcaption></figure>`;
    const { text } = clean(dom, lead + BODY);
    expect(text).toContain(CAPTION);
    expect(text).not.toContain('Clay McBride');
    expect(text).not.toContain('Expand image');
  });

  it('is shown once when the body repeats the same picture', () => {
    const body = BODY.replace('<p>', '<p><img src="https://cdn.news.example/trestle.jpg"></p><p>');
    const { html } = clean(dom, LEAD + body);
    expect(html.split('trestle.jpg').length - 1).toBe(1);
  });

  it('does not bring back a gallery of figures before the body', () => {
    const figure = (n: number) => `<figure><img src="https://cdn.news.example/g${n}.jpg"><figcaption>Gallery picture number ${n} of the old line</figcaption></figure>`;
    const { text } = clean(dom, figure(1) + figure(2) + figure(3) + BODY);
    expect(text).not.toContain('Gallery picture number');
  });

  it('does not bring back one figure holding several pictures', () => {
    const strip = `<figure><img src="https://cdn.news.example/a.jpg"><img src="https://cdn.news.example/b.jpg"><figcaption>Scenes from the old line</figcaption></figure>`;
    expect(clean(dom, strip + BODY).text).not.toContain('Scenes from the old line');
  });

  it('does not bring back a teaser card for another story', () => {
    const card = `<figure><a href="/news/2024/03/01/tram-line/"><img src="https://cdn.news.example/tram.jpg"></a><figcaption>City weighs a new tram line</figcaption></figure>`;
    const linked = `<figure><img src="https://cdn.news.example/tram.jpg"><figcaption><a href="/news/2024/03/01/tram-line/">City weighs a new tram line</a></figcaption></figure>`;
    expect(clean(dom, card + BODY).text).not.toContain('City weighs a new tram line');
    expect(clean(dom, linked + BODY).text).not.toContain('City weighs a new tram line');
  });

  it('does not bring back a figure away from the story', () => {
    const aside = `<aside><figure><img src="https://cdn.news.example/ad.jpg"><figcaption>Visit the spring garden show this weekend</figcaption></figure><p>Sponsored</p></aside>`;
    const after = `<figure><img src="https://cdn.news.example/map.jpg"><figcaption>A map of the route after the body</figcaption></figure><div class="comments-count">12 comments</div>`;
    const { text } = clean(dom, BODY + after, aside);
    expect(text).not.toContain('Visit the spring garden show');
    expect(text).not.toContain('A map of the route after the body');
  });

  it('brings back a lazy-loaded picture with the address its loader keeps, never an empty frame', () => {
    const lazy = `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://cdn.news.example/trestle.jpg"><figcaption>${CAPTION}</figcaption></figure>`;
    const back = clean(dom, lazy + BODY);
    expect(back.text).toContain(CAPTION);
    expect(back.html).toContain('src="https://cdn.news.example/trestle.jpg"');
    const nowhere = `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>${CAPTION}</figcaption></figure>`;
    expect(clean(dom, nowhere + BODY).text).not.toContain(CAPTION);
  });
});
