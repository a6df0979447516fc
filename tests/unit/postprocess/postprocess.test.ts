/**
 * The post-processing runner and its registry: what a reader notices is that clutter inside
 * the article goes, the story never does, and the page's class names do not leak out.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POST_STEPS, postprocess } from '../../../utils/cleaner/postprocess/index.ts';
import { definePostStep } from '../../../utils/cleaner/postprocess/define.ts';
import { articleText } from '../../../utils/cleaner/page/article-text.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const STORY = [
  'The council voted on Wednesday night to buy the disused freight corridor that runs along the creek.',
  'The purchase will be paid for largely with a state grant, and the rest will come from the parks budget.',
  'Residents who spoke at the meeting were divided, though most said they would use a trail if it were built.',
].map((s) => `<p>${s}</p>`).join('');

function article(dom: (typeof DOMS)[number], body: string) {
  const doc = parseDocument(`<html><body><div id="root" class="page article-body">${body}</div></body></html>`, 'https://news.example/2024/03/story', dom);
  const root = doc.getElementById('root')!;
  return { root, ctx: { root, title: 'Council backs greenway', byline: null, url: new URL('https://news.example/2024/03/story'), lang: 'en' } };
}

describe('post-processing registry', () => {
  it('lists every step file once, under the id its file is named by', () => {
    const dir = join(import.meta.dirname, '../../../utils/cleaner/postprocess');
    const helpers = new Set(['index.ts', 'define.ts', 'story.ts', 'measure.ts']);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !helpers.has(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(POST_STEPS.map((s) => s.id).sort()).toEqual(files);
    expect(new Set(POST_STEPS.map((s) => s.id)).size).toBe(POST_STEPS.length);
    for (const step of POST_STEPS) expect(step.why.length, `${step.id} says why it holds`).toBeGreaterThan(60);
  });
});

describe.each(DOMS)('post-processing runner under %s', (dom) => {
  it('removes what a step finds and logs it with the step and reason', () => {
    const { root, ctx } = article(dom, `${STORY}<p class="x">Subscribe now</p>`);
    const step = definePostStep({
      id: 'test-step',
      why: 'test',
      detect: ({ root: r }) => [...r.querySelectorAll('.x')].map((element) => ({ element, reason: 'marked' })),
    });
    const log = postprocess(ctx, [step]);
    expect(articleText(root)).not.toContain('Subscribe now');
    expect(log).toEqual([{ step: 'test-step', filter: null, reason: 'marked', text: 'Subscribe now', links: 0 }]);
  });

  it('runs a step that belongs to a filter only while that filter is on', () => {
    const step = definePostStep({
      id: 'promo-step',
      filter: 'promo-links',
      why: 'test',
      detect: ({ root: r }) => [...r.querySelectorAll('.x')].map((element) => ({ element, reason: 'promo' })),
    });
    const off = article(dom, `${STORY}<p class="x">Follow us on <a href="https://t.me/x">Telegram</a></p>`);
    expect(postprocess({ ...off.ctx, filters: new Set(['navigation']) }, [step])).toEqual([]);
    expect(articleText(off.root)).toContain('Follow us on Telegram');
    const on = article(dom, `${STORY}<p class="x">Follow us on <a href="https://t.me/x">Telegram</a></p>`);
    expect(postprocess({ ...on.ctx, filters: new Set(['promo-links']) }, [step])).toEqual([
      { step: 'promo-step', filter: 'promo-links', reason: 'promo', text: 'Follow us on Telegram', links: 1 },
    ]);
    expect(articleText(on.root)).not.toContain('Follow us on Telegram');
  });

  it('never removes an element holding a good share of the story, whatever a step says', () => {
    const { root, ctx } = article(dom, `<div class="x">${STORY}</div><p>Short tail.</p>`);
    const greedy = definePostStep({
      id: 'greedy',
      why: 'test',
      detect: ({ root: r }) => [...r.querySelectorAll('.x')].map((element) => ({ element, reason: 'greedy' })),
    });
    expect(postprocess(ctx, [greedy])).toEqual([]);
    expect(articleText(root)).toContain('The council voted on Wednesday night');
  });

  it('strips the page\'s classes afterwards, keeping only Readability\'s own "page"', () => {
    const { root, ctx } = article(dom, `${STORY}<p class="lead">Lead</p>`);
    postprocess(ctx, []);
    expect(root.getAttribute('class')).toBe('page');
    expect(root.querySelector('[class]:not(#root)')).toBeNull();
  });

  describe('separators left between removed items', () => {
    const marked = definePostStep({
      id: 'marked',
      why: 'test',
      detect: ({ root: r }) => [...r.querySelectorAll('.x')].map((element) => ({ element, reason: 'marked' })),
    });

    it('goes with the line whose items a step removed («Рубрика, дата» leaves no lone comma)', () => {
      const { root, ctx } = article(dom, `<p><a class="x" href="/tech/">Технологии и медиа</a>, <time class="x">04 сен 2024, 14:27</time></p>${STORY}<div><span><a class="x" href="/share">Share</a> | <a class="x" href="/mail">Email</a></span></div>`);
      const log = postprocess(ctx, [marked]);
      expect(articleText(root).split(/\n{2,}/).filter((p) => !/[\p{L}\p{N}]/u.test(p))).toEqual([]);
      expect(articleText(root)).toContain('The council voted on Wednesday night');
      expect(log.filter((r) => r.step === 'separators').map((r) => r.text)).toEqual([',', '|']);
    });

    it('stays when the line keeps a word, a picture, or had no words before the steps touched it', () => {
      const breaks = '<p>* * *</p><p>—</p>';
      const { root, ctx } = article(dom, `<p>Photo: <a class="x" href="/credit">Jane Roe</a> | Reuters</p>${STORY}${breaks}<p><img src="https://news.example/a.jpg" alt=""> · <a class="x" href="/gallery">Gallery</a></p>`);
      const log = postprocess(ctx, [marked]);
      const text = articleText(root);
      expect(text).toContain('Photo: | Reuters');
      expect(text).toContain('* * *');
      expect(text).toContain('—');
      expect(root.querySelector('img')).not.toBeNull();
      expect(log.filter((r) => r.step === 'separators')).toEqual([]);
    });
  });

  it('leaves a clean story untouched by the real steps', () => {
    const { root, ctx } = article(dom, `<h2>What happens next</h2>${STORY}<ul><li>Phase one: downtown to Harlan Avenue</li><li>Phase two: to the river</li></ul>`);
    const before = articleText(root);
    expect(postprocess(ctx)).toEqual([]);
    expect(articleText(root)).toBe(before);
  });
});
