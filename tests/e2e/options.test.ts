/**
 * The options page in real Chromium: every setting in one place, the opted-in sites with
 * removal, and export, import (good, broken and foreign files) and reset. Storage is read
 * from the service worker, so "nothing was changed" is checked against what is stored,
 * not against what the page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite } from './support/suite.ts';
import { startLiveServer, openSheet } from './support/live.ts';

const UI = 'en' as const;

type Chrome = {
  storage: Record<'sync' | 'local', { get(key?: string | null): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
};

const suite = chromiumSuite({ lang: UI, startServer: startLiveServer });

/** Everything the extension stores, without WXT's version stamps. */
async function stored(): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return suite.browser.worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
    const strip = (all: Record<string, unknown>) => Object.fromEntries(Object.entries(all).filter(([key]) => !key.endsWith('$')));
    return { sync: strip(await storage.sync.get(null)), local: strip(await storage.local.get(null)) };
  });
}

async function openOptions(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`chrome-extension://${suite.browser.extensionId}/options.html`);
  await page.waitForSelector('.options-section');
  return page;
}

async function importText(page: Page, name: string, text: string): Promise<string> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const notice = page.locator('.notice');
  await notice.waitFor();
  return notice.innerText();
}

async function exportFile(page: Page): Promise<Record<string, unknown>> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t(UI, 'exportSettings') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^declutter-settings-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(readFileSync((await file.path())!, 'utf8')) as Record<string, unknown>;
}

describe('export and import', () => {
  test('export writes every setting; importing it elsewhere brings them back', async () => {
    const page = await openOptions();
    try {
      await page.getByRole('switch', { name: /Promo links/ }).click();
      await page.getByRole('radio', { name: t(UI, 'themeDark'), exact: true }).check();
      await page.getByRole('radio', { name: t(UI, 'fontSans'), exact: true }).check();
      await expect.poll(async () => (await stored()).sync.readerPrefs).toMatchObject({ theme: 'dark', font: 'sans' });
      const file = await exportFile(page);
      expect(file).toMatchObject({
        format: 'declutter-settings',
        version: 1,
        settings: { filters: { 'promo-links': false }, annotations: true },
        siteRules: {},
        readerPrefs: { theme: 'dark', font: 'sans', textSize: 100, lineHeight: 1.6, lineWidth: 'medium' },
        liveSites: [],
      });

      await page.getByRole('button', { name: t(UI, 'resetSettings') }).click();
      await page.getByRole('button', { name: t(UI, 'resetConfirmYes'), exact: true }).click();
      await expect.poll(() => page.locator('.notice').innerText()).toBe(t(UI, 'resetDone'));
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
      expect(await page.getByRole('switch', { name: /Promo links/ }).isChecked()).toBe(true);

      const edited = { ...file, siteRules: { 'news.example': { navigation: false } }, settings: { filters: { 'promo-links': false }, annotations: false } };
      expect(await importText(page, 'settings.json', JSON.stringify(edited))).toBe(t(UI, 'importDone'));
      const after = await stored();
      expect(after.sync.settings).toEqual({ filters: { 'promo-links': false }, annotations: false });
      expect(after.sync.readerPrefs).toMatchObject({ theme: 'dark', font: 'sans' });
      expect(after.local.siteRules).toEqual({ 'news.example': { navigation: false } });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.getByRole('switch', { name: /Promo links/ }).isChecked()).toBe(false);
      expect(await page.locator('[data-list="site-rules"] .site-name').allInnerTexts()).toEqual(['news.example']);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-options-imported.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  test.each([
    ['not JSON', 'notes.json', 'theme = dark\nfont = sans\n', t(UI, 'importErrorJson')],
    ['another program’s JSON', 'package.json', JSON.stringify({ name: 'something', version: '1.0.0' }), t(UI, 'importErrorForeign')],
    ['a newer format', 'settings.json', JSON.stringify({ format: 'declutter-settings', version: 7 }), t(UI, 'importErrorVersion', { version: 7 })],
    [
      'a broken value',
      'settings.json',
      JSON.stringify({ format: 'declutter-settings', version: 1, settings: { filters: {}, annotations: false }, readerPrefs: { theme: 'neon', font: 'sans', textSize: 100, lineHeight: 1.6, lineWidth: 'medium' } }),
      t(UI, 'importErrorInvalid', { field: 'readerPrefs.theme' }),
    ],
  ])('a file that is %s is refused with a clear error, and nothing changes', async (_what, name, text, message) => {
    const page = await openOptions();
    try {
      await page.getByRole('radio', { name: t(UI, 'themeSepia'), exact: true }).check();
      await expect.poll(async () => (await stored()).sync.readerPrefs).toMatchObject({ theme: 'sepia' });
      const before = await stored();
      expect(await importText(page, name, text)).toBe(message);
      expect(await page.locator('.notice').getAttribute('role')).toBe('alert');
      expect(await stored()).toEqual(before);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    } finally {
      await page.close();
    }
  });
});

describe('sites', () => {
  test('the opted-in site is listed; removing it drops the entry and the registered script', async () => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
    const popup = await suite.browser.openPopup(tabId);
    await openSheet(popup, 'page-panel');
    await popup.getByRole('switch', { name: t(UI, 'autoSite') }).click();
    await popup.waitForSelector('.live-panel[data-live="on"]');
    await popup.close();
    await page.close();
    await expect
      .poll(() => suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()))
      .toHaveLength(1);

    const options = await openOptions();
    try {
      const list = options.locator('[data-list="live-sites"] .site-name');
      await expect.poll(() => list.allInnerTexts()).toEqual(['127.0.0.1']);
      // A reset keeps the sites: they are grants the reader made one by one.
      await options.getByRole('button', { name: t(UI, 'resetSettings') }).click();
      await options.getByRole('button', { name: t(UI, 'resetConfirmYes'), exact: true }).click();
      await expect.poll(() => options.locator('.notice').innerText()).toBe(t(UI, 'resetDone'));
      expect(await list.allInnerTexts()).toEqual(['127.0.0.1']);

      await options.getByRole('button', { name: t(UI, 'removeSite', { site: '127.0.0.1' }) }).click();
      await expect.poll(() => list.count()).toBe(0);
      expect(await options.locator('.options-section').nth(1).locator('.section-hint').innerText()).toBe(t(UI, 'optionsSitesEmpty'));
      await expect
        .poll(() => suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()))
        .toEqual([]);
      expect((await stored()).local.liveSites).toEqual({});
    } finally {
      await options.close();
    }
  });
});
