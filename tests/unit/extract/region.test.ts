/**
 * Where each removal stood relative to the article: in it, beside it, or in the site's
 * chrome. The removal line counts the first two only, because a switch can bring back only
 * what was in the article's reach; a site menu or a cookie overlay no reader mode shows.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { DOMS, parseDocument, type DomName } from '../../dom.ts';

const URL_ = 'https://news.example/2024/harbour/';
const PARAGRAPHS = [
  'Engineers removed the last section of the 1984 dam on Tuesday morning, and the sea ran freely into the old basin.',
  'By noon the water inside had risen almost a metre, carrying weed, driftwood and, to the delight of the children, a seal.',
  'The council voted last spring to open the harbour again after a two-year public consultation with the fishermen.',
  'Moorings will rise and fall with the tide from now on, and the old slipway is to be repaired before the summer.',
];
const PROMO = '<div class="subscribe-box">Follow us on Telegram and never miss a story from the harbour desk.</div>';
const SIDEBAR = '<aside class="popular"><h3>Most read</h3><ul><li><a href="/a">One story</a></li><li><a href="/b">Two story</a></li><li><a href="/c">Three story</a></li></ul></aside>';
const MENU = '<nav class="site-menu"><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a> <a href="/culture">Culture</a></nav>';

function page(frame: 'tags' | 'names' | 'none'): string {
  const story = `<article><h1>The old harbour gets its tide back</h1><div class="story-body"><p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>${PROMO}<p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p></div></article>`;
  const header = frame === 'tags' ? `<header>${MENU}</header>` : frame === 'names' ? `<div class="b-header">${MENU}</div>` : MENU;
  const footer = frame === 'tags' ? '<footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>' : '';
  return `<html lang="en"><head><title>Harbour</title></head><body><div class="wrap">${header}<main><div class="columns"><div class="main-col">${story}</div>${SIDEBAR}</div></main>${footer}</div></body></html>`;
}

function regions(dom: DomName, html: string): Record<string, string | undefined> {
  const result = cleanDocument(parseDocument(html, URL_, dom), { url: URL_, force: true, annotate: false });
  expect(result.status).toBe('ok');
  return Object.fromEntries(result.removals.map((r) => [r.text.slice(0, 12), r.region]));
}

describe.each(DOMS)('removal regions (%s)', (dom) => {
  it('a promo inside the story is "article", the sidebar beside it "near", the site menu in the page header "page"', () => {
    const found = regions(dom, page('tags'));
    expect(found['Follow us on']).toBe('article');
    expect(found['Most read On']).toBe('near');
    expect(found['News Sport W']).toBe('page');
  });

  it('a header told by its class name is the page frame too', () => {
    expect(regions(dom, page('names'))['News Sport W']).toBe('page');
  });

  it('a menu in the same wrapper as the story, with no frame around it, is still "page" when the wrapper is the whole page', () => {
    // body > div.wrap > nav: the block holding the menu and the story is five wrappers out.
    expect(regions(dom, page('none'))['News Sport W']).toBe('page');
  });

  it('without an article nothing is called chrome: removals carry no region', () => {
    const result = cleanDocument(parseDocument(`<html><body>${MENU}</body></html>`, URL_, dom), { url: URL_, annotate: false });
    expect(result.article).toBeNull();
    expect(result.removals.every((r) => r.region === undefined)).toBe(true);
  });
});
