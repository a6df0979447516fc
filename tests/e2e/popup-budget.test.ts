/**
 * No page may hold the popup's thread (entrypoints/popup/clean-runner.ts): a page whose
 * cleaning never ends (the e2e build's worker spins forever on it, as a backtracking
 * pattern once made the core do) gets a clear message once the budget is spent, the popup
 * answers all along, and the next popup, on a normal page, reads its article.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { readPopup } from './support/popup-dom.ts';
import { startFixtureServer } from './support/server.ts';
import { chromiumSuite } from './support/suite.ts';

const UI = 'en' as const;
const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer });

describe('the popup within its budget', () => {
  test('a page that never finishes cleaning: the popup says so, and the next popup reads a normal page', async () => {
    const { browser, server } = suite;
    const slow = await browser.openTab(server.url('/never-finishes.html'));
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 520, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${slow.tabId}`);
    // While the worker spins, the popup's own thread answers (evaluate runs on it).
    expect(await popup.evaluate(() => document.title.length >= 0)).toBe(true);
    await popup.waitForSelector('main[data-view="error"]', { timeout: 30_000 });
    const shown = await popup.evaluate(readPopup);
    expect(`${shown.statusTitle} ${shown.statusBody}`).toContain(t(UI, 'tooSlow', { seconds: 3 }));
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-popup-too-slow.png') });

    // Another Declutter page, opened after, is unaffected: the options page renders.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('main, h1');

    const normal = await browser.openTab(server.url('/harbour-english.html'));
    const second = await browser.openPopup(normal.tabId);
    const read = await second.evaluate(readPopup);
    expect(read.view).toBe('ready');
    expect(read.title).toBe('The old harbour gets its tide back after forty years');
    for (const page of [popup, options, second, slow.page, normal.page]) await page.close();
  });
});
