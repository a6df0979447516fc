/**
 * Firefox smoke test: the e2e Firefox build (`npm run build:firefox` writes
 * .output/firefox-mv2-e2e) installed in firefox-esr, the popup page opened as a tab for a
 * served article, the clean article asserted. One browser for the file.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ARTIFACTS_DIR, requireBuild } from './support/chromium.ts';
import { launchFirefox, openTab as openFirefoxTab, pollUntil, type FirefoxSession } from './support/firefox.ts';
import { readPopup, type PopupReading } from './support/popup-dom.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

let server: FixtureServer;
let firefox: FirefoxSession;
/** An extension page used to ask the tabs API, as the popup itself would. */
let probe: Page;

beforeAll(async () => {
  const extension = requireBuild('.output/firefox-mv2-e2e', 'npm run build:firefox');
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startFixtureServer();
  firefox = await launchFirefox(extension);
  probe = await firefox.openExtensionPage('/popup.html');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const openTab = (url: string) => openFirefoxTab(firefox, probe, url);

async function openPopup(tabId: number): Promise<{ popup: Page; shown: PopupReading }> {
  const popup = await firefox.openExtensionPage(`/popup.html?tabId=${tabId}`);
  await popup.setViewport({ width: 520, height: 600 });
  const shown = await pollUntil(() => popup.evaluate(readPopup), (r) => r.view !== null && r.view !== 'loading', 'the popup to leave loading');
  return { popup, shown };
}

test('the add-on is installed under its pinned origin and its popup page renders', async () => {
  const reading = await probe.evaluate(readPopup);
  expect(reading.view).not.toBeNull();
  expect(firefox.origin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
});

test('an English news page reads clean: title, meta, body, image, no cookie banner', async () => {
  const { page, tabId } = await openTab(server.url('/harbour-english.html'));
  const { popup, shown } = await openPopup(tabId);
  try {
    expect(shown.view).toBe('ready');
    expect(shown.title).toBe('The old harbour gets its tide back after forty years');
    expect(shown.site).toBe('The Coastline Courier');
    expect(shown.meta).toContain('Maria Lindqvist');
    expect(shown.body).toContain('Engineers removed the last section of the 1984 dam on Tuesday morning');
    expect(shown.body).toContain('What changes for the boats');
    expect(shown.body).not.toContain('We use cookies to personalise content');
    const image = await popup.evaluate(() => document.querySelector('.article-body img')?.getAttribute('src'));
    expect(image).toBe(server.url('/img/harbour.svg'));
    await popup.evaluate(() => document.fonts.ready.then(() => undefined));
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-harbour-english.png'), fullPage: true });
  } finally {
    await popup.close();
    await page.close();
  }
});

test('the Russian news page reads clean, in Russian', async () => {
  const { page, tabId } = await openTab(server.url('/gazeta-putin-olland.html'));
  const { popup, shown } = await openPopup(tabId);
  try {
    expect(shown.view).toBe('ready');
    expect(shown.lang).toBe('ru');
    expect(shown.title).toMatch(/^Путин и Олланд договорились о координации действий военных в борьбе с ИГ\*? в Сирии$/);
    expect(shown.body).toContain('Отмечается, что диалог главы двух государств намерены продолжить 26 ноября на встрече в Москве.');
    for (const clutter of ['На сайте используются cookies', 'Подписывайтесь на Газету.Ru в MAX', 'Новости и материалы']) {
      expect(shown.body).not.toContain(clutter);
    }
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-gazeta-fixture.png'), fullPage: true });
  } finally {
    await popup.close();
    await page.close();
  }
});

test('the reader tab holds its article: its page’s tab closed, a reload still shows it, with no page controls', async () => {
  const { page, tabId } = await openTab(server.url('/harbour-english.html'));
  const reader = await firefox.openExtensionPage(`/popup.html?tabId=${tabId}&view=tab`);
  try {
    await reader.setViewport({ width: 1000, height: 800 });
    const first = await pollUntil(() => reader.evaluate(readPopup), (r) => r.view === 'ready', 'the reader tab to show the article');
    expect(first.title).toBe('The old harbour gets its tide back after forty years');
    // What it holds is in session storage before the page goes.
    await pollUntil(
      () => reader.evaluate(async () => Object.keys(await (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<object> } } } }).browser.storage.session.get(null))),
      (keys) => keys.some((key) => /^readerTab:\d+$/.test(key)),
      'the reader tab to hold its page',
    );
    await page.close();
    // A reload of an extension page sends no load event over BiDi: start it, then poll for
    // the new document (the old one carries a mark) to leave loading.
    await reader.evaluate(() => {
      (window as unknown as { beforeReload?: boolean }).beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    const reloaded = await pollUntil(
      () =>
        reader
          .evaluate(() =>
            document.readyState === 'complete' && !('beforeReload' in window) ? (document.querySelector('main')?.getAttribute('data-view') ?? null) : null,
          )
          .catch(() => null),
      (view) => view === 'ready' || view === 'error',
      'the reloaded reader tab',
    );
    expect(reloaded).toBe('ready');
    const shown = await reader.evaluate(readPopup);
    expect(shown.title).toBe('The old harbour gets its tide back after forty years');
    expect(shown.body).toContain('Engineers removed the last section of the 1984 dam on Tuesday morning');
    expect(await reader.evaluate(() => document.querySelector('button[aria-controls="page-panel"], .live-panel') === null)).toBe(true);
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-reader-tab-source-closed.png') });
  } finally {
    await reader.close();
    if (!page.isClosed()) await page.close();
  }
});
