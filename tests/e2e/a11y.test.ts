/**
 * Accessibility of the popup, the reader tab and the options page in real Chromium:
 * axe-core over each page with every sheet and disclosure of ours open, in the light,
 * sepia and dark themes; and a keyboard pass over each page in which every stop shows a
 * visible focus indicator.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { chromiumSuite } from './support/suite.ts';
import { openSheet, startLiveServer } from './support/live.ts';

const UI = 'en' as const;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = [
  ['light', 'light'],
  ['sepia', 'light'],
  ['dark', 'dark'],
  ['system', 'dark'],
] as const;

const suite = chromiumSuite({ lang: UI, startServer: startLiveServer });

async function axe(page: Page): Promise<string[]> {
  // CDP evaluation is not subject to the extension page's CSP, which forbids injected scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await runner.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Sets the stored theme (the pages follow storage) and the system's colour scheme. */
async function theme(page: Page, name: string, system: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: system });
  await suite.browser.worker.evaluate(async (value) => {
    const { storage } = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await storage.sync.get('readerPrefs')).readerPrefs ?? {}) as object;
    await storage.sync.set({ readerPrefs: { font: 'serif', textSize: 100, lineHeight: 1.6, lineWidth: 'medium', ...current, theme: value } });
  }, name);
  await page.waitForFunction((value) => document.documentElement.dataset.theme === value, name);
}

/**
 * axe over every state a reader can open, one sheet at a time (the toolbar opens one at a
 * time): the article alone, the page sheet with the page cleaned (popup only), the filters
 * on the site's own scope, the text settings, and the note a switch leaves.
 */
async function axeEveryState(page: Page, withPage: boolean): Promise<string[]> {
  const found: string[] = [];
  const run = async (state: string) => found.push(...(await axe(page)).map((v) => `${state}: ${v}`));
  await run('article');
  if (withPage) {
    await openSheet(page, 'page-panel');
    if (await page.isVisible('.live-panel[data-live="off"]')) {
      await page.getByRole('button', { name: t(UI, 'cleanPage') }).click();
      await page.waitForSelector('.live-panel[data-live="on"]');
    }
    await run('page sheet');
  }
  await openSheet(page, 'filter-panel');
  await page.getByRole('radio', { name: t(UI, 'scopeSite', { site: '127.0.0.1' }) }).check();
  await run('filters, this site');
  await page.click('input[data-filter="promo-links"]');
  await page.waitForSelector('.switch-notice:not([hidden])');
  await run('switch notice');
  await openSheet(page, 'reader-settings');
  await run('text settings');
  return found;
}

/**
 * Tabs through the page from the top and returns every stop whose focus is not visible:
 * no outline on the element, or (for controls drawn by a sibling or a parent, like our
 * segmented radios and the file input) on what draws it.
 */
async function invisibleFocusStops(page: Page, maxStops = 80): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const bad: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const shows = (node: Element | null) => {
        if (!node) return false;
        const style = getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      };
      const id = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('name') ?? el.getAttribute('aria-label') ?? el.innerText?.slice(0, 30) ?? ''}]${(el as HTMLInputElement).value ?? ''}`;
      return { id, visible: shows(el) || shows(el.nextElementSibling) || shows(el.parentElement) };
    });
    if (!stop) break;
    if (seen.has(stop.id)) break;
    seen.add(stop.id);
    if (!stop.visible) bad.push(stop.id);
  }
  expect(seen.size).toBeGreaterThan(3);
  return bad;
}

describe('the popup', () => {
  test.each(THEMES)('axe-core finds no violations in any state: the article, the page sheet, the filters, a switch’s note, the text settings (%s theme, %s system)', async (name, system) => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
    const popup = await suite.browser.openPopup(tabId);
    try {
      await theme(popup, name, system);
      expect(await axeEveryState(popup, true)).toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('every stop of the keyboard path shows its focus, and the page can be cleaned and shown again with the keyboard alone', async () => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
    const popup = await suite.browser.openPopup(tabId);
    try {
      await openSheet(popup, 'page-panel');
      await popup.getByRole('button', { name: t(UI, 'cleanPage') }).focus();
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('.live-panel[data-live="on"]');
      await popup.getByRole('button', { name: t(UI, 'showAll') }).focus();
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('.live-panel[data-live="off"]');
      expect(await page.evaluate(() => document.querySelectorAll('[data-declutter-hidden]').length)).toBe(0);
      expect(await invisibleFocusStops(popup)).toEqual([]);
      await openSheet(popup, 'filter-panel');
      expect(await invisibleFocusStops(popup)).toEqual([]);
      await openSheet(popup, 'reader-settings');
      expect(await invisibleFocusStops(popup)).toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

describe('the reader tab', () => {
  test.each(THEMES)('axe-core finds no violations in any state: the article, the filters, a switch’s note, the text settings (%s theme, %s system)', async (name, system) => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
    const reader = await suite.browser.openPopup(tabId, '&view=tab');
    try {
      await reader.setViewportSize({ width: 1000, height: 800 });
      await theme(reader, name, system);
      expect(await axeEveryState(reader, false)).toEqual([]);
    } finally {
      await reader.close();
      await page.close();
    }
  });
});

describe('the options page', () => {
  async function openOptions(): Promise<Page> {
    const page = await suite.browser.context.newPage();
    await page.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
    await page.waitForSelector('.options-section');
    return page;
  }

  test.each(THEMES)('axe-core finds no violations, with a site listed and an import error shown (%s theme, %s system)', async (name, system) => {
    await suite.browser.worker.evaluate(async () => {
      const { storage } = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await storage.local.set({ siteRules: { 'news.example': { navigation: false } }, liveSites: { 'news.example': { site: 'news.example', origins: ['https://news.example/*'], added: '2025-03-01T10:00:00.000Z' } } });
    });
    const page = await openOptions();
    try {
      await theme(page, name, system);
      await page.waitForSelector('[data-list="live-sites"] .site-item');
      await page.locator('input[type="file"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') });
      await page.waitForSelector('.notice');
      await page.getByRole('button', { name: t(UI, 'resetSettings') }).click();
      expect(await axe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('every stop of the keyboard path shows its focus', async () => {
    const page = await openOptions();
    try {
      expect(await invisibleFocusStops(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
