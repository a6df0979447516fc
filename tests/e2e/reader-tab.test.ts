/**
 * The reader tab in real Chromium holds the article it was opened on: after its page's tab
 * is closed, reloaded or sent to another story, a reload of the reader tab shows the same
 * article; "Read the page again" is the one way to change it; the reading position comes
 * back after a reload; there are no controls for a page it does not show. Screenshots of
 * the reader tab (English UI) land in tests/artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { readPopup } from './support/popup-dom.ts';
import { startFixtureServer } from './support/server.ts';
import { chromiumSuite } from './support/suite.ts';

const UI = 'en' as const;
const HARBOUR = 'The old harbour gets its tide back after forty years';
const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer });

type Chrome = { storage: Record<'session' | 'local', { get(key?: string | null): Promise<Record<string, unknown>> }> };
const storage = (area: 'session' | 'local') =>
  suite.browser.worker.evaluate((name) => (globalThis as unknown as { chrome: Chrome }).chrome.storage[name].get(null), area);

async function openReader(tabId: number): Promise<Page> {
  const reader = await suite.browser.openPopup(tabId, '&view=tab');
  await reader.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => Object.keys(await storage('session')).some((key) => /^readerTab:\d+$/.test(key))).toBe(true);
  return reader;
}

async function reload(reader: Page): Promise<void> {
  await reader.reload();
  await reader.waitForSelector('main[data-view]:not([data-view="loading"])');
}

test('after its page’s tab is closed, a reload shows the same article, and reading again says why it cannot', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
  const reader = await openReader(tabId);
  try {
    expect((await reader.evaluate(readPopup)).title).toBe(HARBOUR);
    await page.close();
    await reload(reader);
    const shown = await reader.evaluate(readPopup);
    expect(shown.view).toBe('ready');
    expect(shown.title).toBe(HARBOUR);
    expect(shown.body).toContain('Engineers removed the last section of the 1984 dam on Tuesday morning');
    // No control acts on a page this tab does not show.
    expect(await reader.locator('button[aria-controls="page-panel"], .live-panel').count()).toBe(0);
    expect(await reader.locator('.held-note').innerText()).toBe(t(UI, 'heldNote'));
    await reader.getByRole('button', { name: t(UI, 'reread') }).click();
    await reader.waitForSelector('.tab-notice');
    expect(await reader.locator('.tab-notice').innerText()).toBe(t(UI, 'rereadFailed'));
    expect((await reader.evaluate(readPopup)).title).toBe(HARBOUR);
    await reader.evaluate(() => document.fonts.ready);
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-reader-tab-source-closed.png') });
  } finally {
    await reader.close();
  }
});

test('its page’s tab reloaded or sent to another story changes nothing until "Read the page again"', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
  const reader = await openReader(tabId);
  try {
    await page.reload();
    await reload(reader);
    expect((await reader.evaluate(readPopup)).title).toBe(HARBOUR);
    await page.goto(suite.server.url('/golden/gazeta-putin-olland/'));
    await reader.bringToFront();
    await reload(reader);
    expect((await reader.evaluate(readPopup)).title).toBe(HARBOUR);
    await reader.getByRole('button', { name: t(UI, 'reread') }).click();
    await expect.poll(async () => (await reader.evaluate(readPopup)).title).toMatch(/^Путин и Олланд договорились/);
    expect(await reader.locator('.tab-notice').innerText()).toBe(t(UI, 'rereadDone'));
    // And what it read again is what it now holds.
    await reload(reader);
    expect((await reader.evaluate(readPopup)).title).toMatch(/^Путин и Олланд договорились/);
  } finally {
    await reader.close();
    await page.close();
  }
});

test('the reading position comes back after a reload, block for block', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/golden/en-news-greenway-onetrust/'));
  const reader = await openReader(tabId);
  try {
    await reader.setViewportSize({ width: 1000, height: 500 });
    await reader.waitForFunction(() => document.documentElement.dataset.position === 'restored');
    // The paragraph at the top of the view, as the reader sees it.
    const topParagraph = () =>
      reader.evaluate(() => {
        const toolbar = document.querySelector('.toolbar')!.getBoundingClientRect().bottom;
        return ([...document.querySelectorAll('.article-body p')] as HTMLElement[]).find((p) => p.getBoundingClientRect().bottom > toolbar + 1)?.innerText ?? '';
      });
    await reader.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.article-body p')];
      const toolbar = document.querySelector('.toolbar')!.getBoundingClientRect().height;
      const target = paragraphs[Math.min(8, paragraphs.length - 1)]!;
      window.scrollTo({ top: window.scrollY + target.getBoundingClientRect().top - toolbar + 2, behavior: 'instant' });
    });
    const before = await topParagraph();
    expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect.poll(async () => Object.keys((await storage('local')).readingPositions ?? {})).toHaveLength(1);
    await reload(reader);
    await reader.waitForFunction(() => document.documentElement.dataset.position === 'restored');
    expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect(await topParagraph()).toBe(before);
  } finally {
    await reader.close();
    await page.close();
  }
});

test('the popup opens at the top of the article, wherever the reader tab was', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
  const popup = await suite.browser.openPopup(tabId);
  try {
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);
    expect(await popup.locator('.held-note').count()).toBe(0);
  } finally {
    await popup.close();
    await page.close();
  }
});
