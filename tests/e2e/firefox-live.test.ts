/**
 * Live cleaning in real Firefox (firefox-esr over WebDriver BiDi, the e2e MV2 build as a
 * temporary add-on, launched with the smoke test's helpers). The popup page is opened as
 * a tab for the page's tab; clicks in it are real input, so `permissions.request` sees a
 * user gesture as it would in the toolbar popup.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LIVE_BUDGET } from '../../utils/live-cleaner.ts';
import { ARTIFACTS_DIR, requireBuild } from './support/chromium.ts';
import { launchFirefox, openTab as openFirefoxTab, pollUntil, type FirefoxSession } from './support/firefox.ts';
import { COOKIE_LOCK, readLivePage, startLiveServer, type LiveServer } from './support/live.ts';

const SELECTORS = Object.values(COOKIE_LOCK);

type FirefoxApi = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  storage: Record<'sync' | 'local', { clear(): Promise<void> }>;
};

let server: LiveServer;
let firefox: FirefoxSession;
let probe: Page;

beforeAll(async () => {
  const extension = requireBuild('.output/firefox-mv2-e2e', 'npm run build:firefox');
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startLiveServer();
  firefox = await launchFirefox(extension);
  probe = await firefox.openExtensionPage('/popup.html');
  await probe.evaluate(async () => {
    const { storage } = (globalThis as unknown as { browser: FirefoxApi }).browser;
    await Promise.all([storage.sync.clear(), storage.local.clear()]);
  });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const openTab = (url: string) => openFirefoxTab(firefox, probe, url);

async function openPopup(tabId: number, state: 'on' | 'off'): Promise<Page> {
  const popup = await firefox.openExtensionPage(`/popup.html?tabId=${tabId}`);
  await popup.setViewport({ width: 520, height: 600 });
  // The page's controls are a sheet under the toolbar's "Page" button. The popup first shows
  // what it read (the core answers from a worker), so the sheet is opened once that is shown.
  await pollUntil(() => popup.evaluate(() => document.querySelector('main')?.getAttribute('data-view') ?? 'loading'), (view) => view !== 'loading', 'the popup to show what it read');
  await pollUntil(() => popup.evaluate(() => document.querySelector('button[aria-controls="page-panel"]') !== null), Boolean, 'the page button');
  await popup.click('button[aria-controls="page-panel"]');
  await waitForLive(popup, state);
  return popup;
}

function waitForLive(popup: Page, state: 'on' | 'off'): Promise<unknown> {
  return pollUntil(() => popup.evaluate(() => document.querySelector('.live-panel')?.getAttribute('data-live') ?? null), (s) => s === state, `the live panel to say ${state}`);
}

const badge = (tabId: number) => probe.evaluate((id) => (globalThis as unknown as { browser: FirefoxApi }).browser.browserAction.getBadgeText({ tabId: id }), tabId);
const registered = () => probe.evaluate(() => (globalThis as unknown as { browser: FirefoxApi }).browser.scripting.getRegisteredContentScripts());

test('Firefox: the popup cleans the live page (cookie wall, scroll lock, badge) and shows it whole again', async () => {
  const { page, tabId } = await openTab(server.url('/cookie-lock.html'));
  const popup = await openPopup(tabId, 'off');
  try {
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const before = await page.evaluate(readLivePage, SELECTORS);
    expect(before.shown[COOKIE_LOCK.banner]).toBe(true);
    expect(before.bodyOverflowY).toBe('hidden');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-live-cookie-lock-before.png') });

    await popup.click('.live-action');
    await waitForLive(popup, 'on');
    const after = await page.evaluate(readLivePage, SELECTORS);
    expect(after.shown).toEqual({ ...before.shown, [COOKIE_LOCK.banner]: false, [COOKIE_LOCK.overlay]: false, [COOKIE_LOCK.promo]: false, [COOKIE_LOCK.sidebar]: false, [COOKIE_LOCK.header]: false, [COOKIE_LOCK.crumbs]: false });
    expect(after.bodyOverflowY).not.toBe('hidden');
    expect(after.htmlOverflowY).not.toBe('hidden');
    expect(after.consentAnswered).toBe(false);
    await pollUntil(() => badge(tabId), (text) => text === '5', 'the badge to count 5');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-live-cookie-lock-after.png') });

    await popup.click('.live-action');
    await waitForLive(popup, 'off');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
    await pollUntil(() => badge(tabId), (text) => text === '', 'the badge to clear');
  } finally {
    await popup.close();
    await page.close();
  }
});

test('Firefox: "Clean this site automatically" registers the live script, which catches a banner added 2 s after load; off unregisters it', async () => {
  const { page, tabId } = await openTab(server.url('/cookie-lock.html'));
  const popup = await openPopup(tabId, 'off');
  try {
    await popup.click('#filter-live-auto');
    await waitForLive(popup, 'on');
    await pollUntil(registered, (scripts) => scripts.length === 1 && scripts[0]!.matches?.join() === 'http://127.0.0.1/*', 'the live script to be registered');
    expect(await popup.evaluate(() => (document.getElementById('filter-live-auto') as HTMLInputElement).checked)).toBe(true);
  } finally {
    await popup.close();
    await page.close();
  }

  const late = await openTab(server.url('/late-banner.html'));
  try {
    await pollUntil(() => late.page.evaluate(() => document.querySelectorAll('[data-declutter-hidden="navigation"]').length), (n) => n > 0, 'the new page to be cleaned');
    await pollUntil(() => late.page.evaluate(() => 'bannerInsertedAt' in window), Boolean, 'the late banner', 5000);
    await pollUntil(
      () => late.page.evaluate(() => document.querySelector('.b_cookie')?.getAttribute('data-declutter-hidden') ?? null),
      (filter) => filter === 'cookie-banners',
      'the late banner to be hidden',
      2000 + LIVE_BUDGET.MAX_INTERVAL_MS,
    );
    expect(await late.page.evaluate(() => getComputedStyle(document.body).overflowY)).not.toBe('hidden');
    await pollUntil(() => badge(late.tabId), (text) => text === '2', 'the badge to count 2');
    await late.page.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-live-late-banner-caught.png') });

    const popupAgain = await openPopup(late.tabId, 'on');
    try {
      await popupAgain.click('#filter-live-auto');
      await waitForLive(popupAgain, 'off');
      await pollUntil(registered, (scripts) => scripts.length === 0, 'the live script to be unregistered');
      expect((await late.page.evaluate(readLivePage, [])).hidden).toEqual([]);
    } finally {
      await popupAgain.close();
    }
  } finally {
    await late.page.close();
  }
});

test('Firefox: the live stylesheet gets through a strict page CSP', async () => {
  const { page, tabId } = await openTab(server.url('/cookie-lock.html?csp=strict'));
  const popup = await openPopup(tabId, 'off');
  try {
    await popup.click('.live-action');
    await waitForLive(popup, 'on');
    const after = await page.evaluate(readLivePage, SELECTORS);
    expect(after.hidden.length).toBe(5);
    expect(after.shown[COOKIE_LOCK.banner]).toBe(false);
    expect(after.bodyOverflowY).not.toBe('hidden');
  } finally {
    await popup.close();
    await page.close();
  }
});

test('Firefox: the options page sets the theme the reader tab uses, and refuses a foreign settings file', async () => {
  const options = await firefox.openExtensionPage('/options.html');
  const { page, tabId } = await openTab(server.url('/cookie-lock.html'));
  try {
    await pollUntil(() => options.evaluate(() => document.querySelectorAll('.options-section').length), (n) => n >= 4, 'the options page to render');
    await options.click('input[type="radio"][value="sepia"]');
    const reader = await firefox.openExtensionPage(`/popup.html?tabId=${tabId}&view=tab`);
    try {
      await pollUntil(() => reader.evaluate(() => document.querySelector('main')?.getAttribute('data-view') ?? null), (v) => v === 'ready', 'the reader tab to show the article');
      await pollUntil(() => reader.evaluate(() => document.documentElement.dataset.theme ?? null), (v) => v === 'sepia', 'the sepia theme');
      expect(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 236, 216)');
      await reader.setViewport({ width: 1000, height: 800 });
      await reader.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-reader-sepia.png') });
    } finally {
      await reader.close();
    }
    const input = await options.$('input[type="file"]');
    const path = join(ARTIFACTS_DIR, 'firefox-foreign-settings.json');
    writeFileSync(path, JSON.stringify({ name: 'another program', version: '2.0.0' }));
    await input!.uploadFile(path);
    const notice = await pollUntil(() => options.evaluate(() => document.querySelector('.notice')?.textContent ?? null), (text) => text !== null, 'the import notice');
    expect(notice).toBe('This is not a Declutter settings file. Nothing was changed.');
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
  } finally {
    await options.close();
    await page.close();
  }
});
