// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKDROP_ATTRIBUTE, createLiveCleaner, HIDDEN_ATTRIBUTE, LIVE_BUDGET, STYLE_ID, UNLOCK_ATTRIBUTE } from '../../utils/live-cleaner.ts';
import { defineFilter } from '../../utils/cleaner/detect/filters/define.ts';
import type { ClutterFilter } from '../../utils/cleaner/types.ts';

// Stand-in filters keep this test about hiding, undo and the observer, not about detection.
const meta = {
  label: { en: 'x', ru: 'x' },
  description: { en: 'x', ru: 'x' },
  noun: { en: { one: 'x', other: 'x' }, ru: { one: 'x', few: 'x', many: 'x' } },
  defaultEnabled: true,
};
const consent = defineFilter({
  id: 'cookie-banners',
  ...meta,
  detect: ({ doc }) => [...doc.querySelectorAll('.consent')].map((element) => ({ element, reason: 'test' })),
});
const widgets = defineFilter({
  id: 'clickbait-sidebars',
  ...meta,
  detect: ({ doc }) => [...doc.querySelectorAll('.widget')].map((element) => ({ element, reason: 'test' })),
});
const ALL: ClutterFilter[] = [consent, widgets];

const PAGE = `<main><h1>Title</h1><p>${'Article text that matters. '.repeat(10)}</p><p>${'More article text. '.repeat(10)}</p></main>
<aside class="widget"><a href="/a">Headline one</a><a href="/b">Headline two</a></aside>
<div class="consent">We use cookies <button>OK</button></div>`;

function setUp(): string {
  document.documentElement.removeAttribute(UNLOCK_ATTRIBUTE);
  document.body.removeAttribute('style');
  document.body.innerHTML = PAGE;
  return document.documentElement.outerHTML;
}

afterEach(() => vi.useRealTimers());

describe('live cleaner', () => {
  it('hides what the filters find with one stylesheet, and undo restores the page exactly', () => {
    const before = setUp();
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    expect(cleaner.start()).toBe(2);
    expect(document.querySelector('.consent')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('cookie-banners');
    expect(document.querySelector('.widget')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('clickbait-sidebars');
    expect(getComputedStyle(document.querySelector('.consent')!).display).toBe('none');
    expect(getComputedStyle(document.querySelector('main')!).display).not.toBe('none');
    cleaner.undo();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('releases the scroll lock a consent banner set, without answering it', () => {
    setUp();
    document.body.style.overflow = 'hidden';
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    cleaner.start();
    expect(document.body.hasAttribute(UNLOCK_ATTRIBUTE)).toBe(true);
    expect(getComputedStyle(document.body).overflowY).toBe('auto');
    expect(document.querySelector('.consent button')).not.toBeNull();
    cleaner.undo();
    expect(getComputedStyle(document.body).overflow).toBe('hidden');
  });

  it('shows a filter’s items again as soon as the filter is turned off', () => {
    setUp();
    const counts: number[] = [];
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL, onChange: (n) => counts.push(n) });
    cleaner.start();
    expect(cleaner.setFilters([consent])).toBe(1);
    expect(document.querySelector('.widget')!.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    expect(counts).toEqual([2, 1]);
    cleaner.undo();
  });

  it('catches clutter inserted after load within one observer interval', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setUp();
    document.querySelector('.consent')!.remove();
    // The pass budget reads this clock, not the machine's: a loaded machine must not
    // double the interval under the test.
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL, now: () => 0 });
    expect(cleaner.start()).toBe(1);
    const late = document.createElement('div');
    late.className = 'consent';
    late.textContent = 'We use cookies';
    document.body.append(late);
    await Promise.resolve(); // the observer's callback is a microtask
    expect(late.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    vi.advanceTimersByTime(LIVE_BUDGET.MIN_INTERVAL_MS);
    expect(late.getAttribute(HIDDEN_ATTRIBUTE)).toBe('cookie-banners');
    cleaner.undo();
  });

  it('backs off when a pass is expensive, so a heavy page keeps its main thread', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setUp();
    let clock = 0;
    const slow = defineFilter({ ...widgets, detect: (ctx) => { clock += LIVE_BUDGET.PASS_BUDGET_MS + 1; return widgets.detect(ctx); } });
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: [slow], now: () => clock });
    cleaner.start();
    const late = document.createElement('aside');
    late.className = 'widget';
    document.body.append(late);
    await Promise.resolve();
    vi.advanceTimersByTime(LIVE_BUDGET.MIN_INTERVAL_MS);
    expect(late.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false);
    vi.advanceTimersByTime(LIVE_BUDGET.MIN_INTERVAL_MS * 2);
    expect(late.getAttribute(HIDDEN_ATTRIBUTE)).toBe('clickbait-sidebars');
    cleaner.undo();
  });

  it('counts hidden items per filter', () => {
    setUp();
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    cleaner.start();
    expect(cleaner.counts()).toEqual({ 'cookie-banners': 1, 'clickbait-sidebars': 1 });
    cleaner.undo();
    expect(cleaner.counts()).toEqual({});
  });

  it('releases a scroll lock the banner’s script sets after the banner was hidden', async () => {
    setUp();
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    cleaner.start();
    expect(document.documentElement.hasAttribute(UNLOCK_ATTRIBUTE)).toBe(false);
    document.documentElement.style.overflow = 'hidden';
    await new Promise((resolve) => setTimeout(resolve, 0)); // the attribute observer's callback
    expect(document.documentElement.hasAttribute(UNLOCK_ATTRIBUTE)).toBe(true);
    cleaner.undo();
    document.documentElement.removeAttribute('style');
  });

  it('hides a consent wall’s empty full-viewport backdrop with its banner, uncounted, and undo shows it', () => {
    const before = setUp();
    const backdrop = document.createElement('div');
    backdrop.className = 'overlay';
    document.body.append(backdrop);
    const box = { x: 0, y: 0, top: 0, left: 0, width: window.innerWidth, height: window.innerHeight, right: window.innerWidth, bottom: window.innerHeight, toJSON: () => ({}) };
    backdrop.getBoundingClientRect = () => box as DOMRect;
    backdrop.style.position = 'fixed';
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    expect(cleaner.start()).toBe(2);
    expect(backdrop.hasAttribute(BACKDROP_ATTRIBUTE)).toBe(true);
    expect(getComputedStyle(backdrop).display).toBe('none');
    cleaner.undo();
    expect(backdrop.hasAttribute(BACKDROP_ATTRIBUTE)).toBe(false);
    backdrop.remove();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('leaves a fixed element with content of its own, or a small one, alone', () => {
    setUp();
    const toolbar = document.createElement('div');
    toolbar.textContent = 'Share this article';
    const small = document.createElement('div');
    for (const el of [toolbar, small]) {
      el.style.position = 'fixed';
      document.body.append(el);
    }
    toolbar.getBoundingClientRect = () => ({ width: window.innerWidth, height: window.innerHeight }) as DOMRect;
    small.getBoundingClientRect = () => ({ width: 40, height: 40 }) as DOMRect;
    const cleaner = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    cleaner.start();
    expect(document.querySelectorAll(`[${BACKDROP_ATTRIBUTE}]`)).toHaveLength(0);
    cleaner.undo();
  });

  it('stop() keeps the page as it is for a newer copy, which adopts the marks', () => {
    setUp();
    const first = createLiveCleaner(document, { url: 'https://example.com/a', filters: ALL });
    first.start();
    first.stop();
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(2);
    expect(document.getElementById(STYLE_ID)).not.toBeNull();
    const second = createLiveCleaner(document, { url: 'https://example.com/a', filters: [consent], adopt: first.marks() });
    expect(second.start()).toBe(1);
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(1);
    second.undo();
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
    expect(document.getElementById(STYLE_ID)).toBeNull();
  });
});
