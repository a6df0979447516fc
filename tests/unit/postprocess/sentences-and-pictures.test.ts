/**
 * What post-processing never takes: words inside a sentence (whatever step matches them) and
 * paragraphs a site classes as "paywall"; and what it always takes: a caption whose picture
 * is gone. Pictures a lazy loader keeps in data-src or a srcset get their address.
 */
import { describe, expect, it } from 'vitest';
import { POST_STEPS, postprocess } from '../../../utils/cleaner/postprocess/index.ts';
import { definePostStep } from '../../../utils/cleaner/postprocess/define.ts';
import { newsletterPromos } from '../../../utils/cleaner/postprocess/newsletter-promos.ts';
import { loneCaptions } from '../../../utils/cleaner/postprocess/lone-captions.ts';
import { fillPictureSources, fromSrcset } from '../../../utils/cleaner/extract/picture-sources.ts';
import { articleText } from '../../../utils/cleaner/page/article-text.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const URL_ = 'https://news.example/2025/01/31/story';
const STORY =
  '<p>The council voted on Wednesday night to buy the disused freight corridor that runs along the creek.</p>' +
  '<p>The purchase will be paid for largely with a state grant, and the rest will come from the parks budget.</p>';

function run(dom: (typeof DOMS)[number], body: string, steps = POST_STEPS) {
  const doc = parseDocument(`<html><body><div id="root">${body}</div></body></html>`, URL_, dom);
  const root = doc.getElementById('root')!;
  const log = postprocess({ root, title: 'Council backs greenway', byline: null, url: new URL(URL_), lang: 'en' }, steps);
  return { root, log, text: articleText(root) };
}

describe.each(DOMS)('post-processing under %s', (dom) => {
  it('never removes inline words between two runs of a sentence, whichever step matches them', () => {
    const greedy = definePostStep({
      id: 'greedy',
      why: 'test',
      detect: ({ root }) => [...root.querySelectorAll('a, .tag')].map((element) => ({ element, reason: 'tag link' })),
    });
    const { text } = run(
      dom,
      `${STORY}<p>元タレントの<a href="/t/1">中居正広</a>氏（52）の<a href="/t/2">女性</a>トラブルを発端にした<a href="/t/3">フジテレビ</a>問題が、飛び火している。</p>` +
        '<p>Today that mission scope may well have <a href="#x">expand</a>ed to Europa.</p><div class="tag"><a href="/t/4">Tags: council</a></div>',
      [greedy],
    );
    expect(text).toContain('元タレントの中居正広氏（52）の女性トラブルを発端にしたフジテレビ問題が');
    expect(text).toContain('may well have expanded to Europa.');
    // A link on a line of its own is no sentence's word.
    expect(text).not.toContain('Tags: council');
  });

  it('keeps paragraphs a site classes as "paywall", and still removes a pitch box so named', () => {
    const { text } = run(
      dom,
      `${STORY}<p class="paywall">The trail would open in 2027, the mayor said.</p><div class="paywall-box"><p>Read on with a subscription.</p></div>`,
      [newsletterPromos],
    );
    expect(text).toContain('The trail would open in 2027, the mayor said.');
    expect(text).not.toContain('Read on with a subscription.');
  });

  it('removes a caption whose picture is gone, keeps a captioned picture and a captioned quotation', () => {
    const { text, log } = run(
      dom,
      `${STORY}<figure><img alt=""><figcaption>The creek in spring.</figcaption></figure>` +
        '<figure><img src="https://news.example/a.jpg" alt=""><figcaption>The old freight yard.</figcaption></figure>' +
        '<figure><blockquote>We waited ten years.</blockquote><figcaption>A resident</figcaption></figure>',
      [loneCaptions],
    );
    expect(text).not.toContain('The creek in spring.');
    expect(text).toContain('The old freight yard.');
    expect(text).toContain('A resident');
    expect(log.map((l) => l.step)).toEqual(['lone-captions']);
  });

  it('gives lazy pictures their address: data-src, a srcset, a <picture> source', () => {
    const doc = parseDocument(
      '<html><body><div id="root">' +
        '<img id="a" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg">' +
        '<img id="b" srcset="https://cdn.example/b-480.jpg 480w, https://cdn.example/b-1200.jpg 1200w, https://cdn.example/b-3000.jpg 3000w">' +
        '<picture><source srcset="https://cdn.example/c.webp 800w"><img id="c"></picture>' +
        '<img id="d" src="https://cdn.example/d.jpg" data-src="https://cdn.example/other.jpg">' +
        '</div></body></html>',
      URL_,
      dom,
    );
    fillPictureSources(doc.getElementById('root')!, new URL(URL_));
    const src = (id: string) => doc.getElementById(id)!.getAttribute('src');
    expect(src('a')).toBe('https://news.example/img/a.jpg');
    expect(src('b')).toBe('https://cdn.example/b-1200.jpg');
    expect(src('c')).toBe('https://cdn.example/c.webp');
    expect(src('d')).toBe('https://cdn.example/d.jpg');
    expect(fromSrcset('https://x.example/1.jpg, https://x.example/2.jpg 2x')).toBe('https://x.example/1.jpg');
  });
});
