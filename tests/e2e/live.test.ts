/**
 * Live cleaning in real Chromium, with the e2e build (host access to 127.0.0.1 stands in
 * for the grant a reader's click would give; `permissions.request` for it resolves at once,
 * still only from a real click). The popup is opened as a tab for the page's tab, as in
 * chromium.test.ts, and every action is a click in it.
 *
 * Screenshots of the live page before and after cleaning land in tests/artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { countOf, NOUNS, t } from '../../utils/i18n.ts';
import { LIVE_BUDGET } from '../../utils/live-cleaner.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite } from './support/suite.ts';
import { COOKIE_LOCK, createProfileDir, launchChromiumProfile, openSheet, readLivePage, startLiveServer, waitInPage } from './support/live.ts';

const UI = 'en' as const;
const SELECTORS = Object.values(COOKIE_LOCK);

type Chrome = {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[]; runAt?: string }[]> };
  storage: Record<'sync' | 'local', { get(key?: string | null): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const suite = chromiumSuite({ lang: UI, startServer: startLiveServer });

beforeEach(async () => {
  // The background unregisters the live script when the sites list empties.
  await expect.poll(() => registered(), { timeout: 5000 }).toEqual([]);
});

function registered() {
  return suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());
}

async function badge(tabId: number): Promise<string> {
  return suite.browser.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function openLive(path: string) {
  const { page, tabId } = await suite.browser.openTab(suite.server.url(path));
  const popup = await suite.browser.openPopup(tabId);
  await openSheet(popup, 'page-panel');
  await popup.waitForSelector('.live-panel[data-live="off"], .live-panel[data-live="on"]');
  return { page, tabId, popup };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `chromium-live-${name}.png`) });
}

async function closeAll(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.close();
}

describe('cleaning the page in the tab', () => {
  test('hides the cookie wall without answering it, releases the scroll lock, and "Show everything" restores the page exactly', async () => {
    const { page, tabId, popup } = await openLive('/cookie-lock.html');
    try {
      const original = await page.evaluate(() => document.documentElement.outerHTML);
      const before = await page.evaluate(readLivePage, SELECTORS);
      expect(before.shown[COOKIE_LOCK.banner]).toBe(true);
      expect(before.bodyOverflowY).toBe('hidden');
      expect(await badge(tabId)).toBe('');
      await shot(page, 'cookie-lock-before');

      await popup.getByRole('button', { name: t(UI, 'cleanPage') }).click();
      await popup.waitForSelector('.live-panel[data-live="on"]');
      const after = await page.evaluate(readLivePage, SELECTORS);
      expect(after.shown).toEqual({ ...before.shown, [COOKIE_LOCK.banner]: false, [COOKIE_LOCK.overlay]: false, [COOKIE_LOCK.promo]: false, [COOKIE_LOCK.sidebar]: false, [COOKIE_LOCK.header]: false, [COOKIE_LOCK.crumbs]: false, [COOKIE_LOCK.article]: true });
      expect(after.hidden.sort()).toEqual(['clickbait-sidebars', 'cookie-banners', 'navigation', 'navigation', 'promo-links']);
      expect(after.htmlOverflowY).not.toBe('hidden');
      expect(after.bodyOverflowY).not.toBe('hidden');
      expect(after.consentAnswered).toBe(false);
      // The page can scroll again, and its own script still holds a live banner element.
      expect(await page.evaluate(() => (window.scrollTo(0, 400), window.scrollY))).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.contains((window as unknown as { consentBanner: Element }).consentBanner))).toBe(true);
      expect(await popup.locator('.live-status').innerText()).toBe(t(UI, 'liveHidden', { count: countOf(UI, NOUNS.element, 5) }));
      await expect.poll(() => badge(tabId)).toBe('5');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'cookie-lock-after');

      await popup.getByRole('button', { name: t(UI, 'showAll') }).click();
      await popup.waitForSelector('.live-panel[data-live="off"]');
      expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
      const restored = await page.evaluate(readLivePage, SELECTORS);
      expect(restored.shown).toEqual(before.shown);
      expect(restored.bodyOverflowY).toBe('hidden');
      await expect.poll(() => badge(tabId)).toBe('');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('gets its stylesheet through a strict page CSP', async () => {
    const { page, popup } = await openLive('/cookie-lock.html?csp=strict');
    try {
      await popup.getByRole('button', { name: t(UI, 'cleanPage') }).click();
      await popup.waitForSelector('.live-panel[data-live="on"]');
      const after = await page.evaluate(readLivePage, SELECTORS);
      expect(after.shown[COOKIE_LOCK.banner]).toBe(false);
      expect(after.bodyOverflowY).not.toBe('hidden');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a page with nothing to clean says 0, on the badge and in the popup', async () => {
    const { page, tabId, popup } = await openLive('/nothing.html');
    try {
      await popup.getByRole('button', { name: t(UI, 'cleanPage') }).click();
      await popup.waitForSelector('.live-panel[data-live="on"]');
      expect(await popup.locator('.live-status').innerText()).toBe(t(UI, 'liveNothing'));
      await expect.poll(() => badge(tabId)).toBe('0');
      expect((await page.evaluate(readLivePage, [])).hidden).toEqual([]);
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a filter switched in the popup applies to the live page at once, and so does a site rule', async () => {
    const { page, tabId, popup } = await openLive('/cookie-lock.html');
    try {
      await popup.getByRole('button', { name: t(UI, 'cleanPage') }).click();
      await popup.waitForSelector('.live-panel[data-live="on"]');
      await expect.poll(() => badge(tabId)).toBe('5');

      // A switch closes the filters (what it changed shows in the article), so each step opens what it uses.
      await openSheet(popup, 'filter-panel');
      await popup.click('input[data-filter="clickbait-sidebars"]');
      await waitInPage(page, () => getComputedStyle(document.querySelector('.popular')!).display !== 'none');
      await expect.poll(() => badge(tabId)).toBe('4');
      await openSheet(popup, 'page-panel');
      await expect.poll(() => popup.locator('.live-status').innerText()).toBe(t(UI, 'liveHidden', { count: countOf(UI, NOUNS.element, 4) }));
      await openSheet(popup, 'filter-panel');
      await popup.click('input[data-filter="clickbait-sidebars"]');
      await waitInPage(page, () => getComputedStyle(document.querySelector('.popular')!).display === 'none');

      // This site only: promo links off here, while the global switch stays on.
      await openSheet(popup, 'filter-panel');
      await popup.getByRole('radio', { name: t(UI, 'scopeSite', { site: '127.0.0.1' }) }).check();
      await popup.click('input[data-filter="promo-links"]');
      await waitInPage(page, () => getComputedStyle(document.querySelector('.newsletter-box')!).display !== 'none');
      const stored = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('siteRules'));
      expect(stored.siteRules).toEqual({ '127.0.0.1': { 'promo-links': false } });
      await openSheet(popup, 'filter-panel');
      expect(await popup.getByText(t(UI, 'siteOwn')).count()).toBe(1);
      expect(await popup.getByRole('radio', { name: t(UI, 'scopeSite', { site: '127.0.0.1' }) }).isChecked()).toBe(true);
      await popup.getByRole('button', { name: t(UI, 'siteReset') }).click();
      await waitInPage(page, () => getComputedStyle(document.querySelector('.newsletter-box')!).display === 'none');
      await openSheet(popup, 'filter-panel');
      expect(await popup.getByText(t(UI, 'siteOwn')).count()).toBe(0);
    } finally {
      await closeAll(popup, page);
    }
  });
});

describe('cleaning a site automatically', () => {
  test('the switch asks for the site, registers the live script for it, and cleans its pages without a click; off removes both', async () => {
    const { page, tabId, popup } = await openLive('/cookie-lock.html');
    try {
      const toggle = popup.getByRole('switch', { name: t(UI, 'autoSite') });
      await toggle.click();
      await popup.waitForSelector('.live-panel[data-live="on"]');
      expect(await toggle.isChecked()).toBe(true);
      await expect.poll(() => registered()).toEqual([expect.objectContaining({ id: 'declutter-live', matches: ['http://127.0.0.1/*'], runAt: 'document_idle' })]);
      const local = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('liveSites'));
      expect(Object.keys(local.liveSites as object)).toEqual(['127.0.0.1']);
      await expect.poll(() => badge(tabId)).toBe('5');
    } finally {
      await closeAll(popup, page);
    }

    // A new page of the site: cleaned at document_idle, and a consent banner its script adds
    // two seconds later is caught by the observer within its batching interval.
    const late = await suite.browser.openTab(suite.server.url('/late-banner.html'));
    try {
      await waitInPage(late.page, () => document.querySelector('[data-declutter-hidden="navigation"]') !== null);
      await waitInPage(late.page, () => 'bannerInsertedAt' in window, 5000);
      await waitInPage(late.page, () => document.querySelector('.b_cookie')?.getAttribute('data-declutter-hidden') === 'cookie-banners', 2000 + LIVE_BUDGET.MAX_INTERVAL_MS);
      const caughtAfter = await late.page.evaluate(() => {
        const entry = performance.getEntriesByName('declutter-live-first-hide')[0];
        return { firstHide: entry?.duration ?? null, overflow: getComputedStyle(document.body).overflowY };
      });
      expect(caughtAfter.firstHide).not.toBeNull();
      expect(caughtAfter.overflow).not.toBe('hidden');
      await expect.poll(() => badge(late.tabId)).toBe('2');
      await late.page.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-live-late-banner-caught.png') });
    } finally {
      await late.page.close();
    }

    // Off: the entry and the registration go, the open page is shown whole, and a reload
    // of the site runs nothing of ours.
    const again = await openLive('/cookie-lock.html');
    try {
      const toggle = again.popup.getByRole('switch', { name: t(UI, 'autoSite') });
      await expect.poll(() => toggle.isChecked()).toBe(true);
      await again.popup.waitForSelector('.live-panel[data-live="on"]');
      await toggle.click();
      await again.popup.waitForSelector('.live-panel[data-live="off"]');
      await expect.poll(() => registered()).toEqual([]);
      const local = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('liveSites'));
      expect(local.liveSites).toEqual({});
      expect((await again.page.evaluate(readLivePage, SELECTORS)).hidden).toEqual([]);
      await again.page.reload();
      // document_idle scripts have run once the page is loaded and the browser went idle.
      await again.page.waitForFunction(() => document.readyState === 'complete');
      await again.page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
      const reloaded = await again.page.evaluate(readLivePage, SELECTORS);
      expect(reloaded.hidden).toEqual([]);
      expect(reloaded.hasStylesheet).toBe(false);
      const answer = await suite.browser.worker.evaluate(
        (id) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.sendMessage(id, { type: 'live:query' }).then(() => 'answered', () => 'no live script'),
        again.tabId,
      );
      expect(answer).toBe('no live script');
    } finally {
      await closeAll(again.popup, again.page);
    }
  });

  test('an opted-in site stays registered and cleaned after a browser restart', async () => {
    const profile = createProfileDir();
    try {
      let session = await launchChromiumProfile(suite.extension, profile.dir);
      try {
        const page = await session.context.newPage();
        await page.goto(suite.server.url('/cookie-lock.html'));
        const tabs = await session.worker.evaluate(() => (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).chrome.tabs.query({}));
        const tabId = tabs.find((tab) => tab.url?.includes('/cookie-lock.html'))!.id;
        const popup = await session.context.newPage();
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
        await openSheet(popup, 'page-panel');
        await popup.getByRole('switch', { name: t(UI, 'autoSite') }).click();
        await popup.waitForSelector('.live-panel[data-live="on"]');
        await expect
          .poll(() => session.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()))
          .toHaveLength(1);
      } finally {
        await session.context.close();
      }
      session = await launchChromiumProfile(suite.extension, profile.dir);
      try {
        // Chromium may drop an unpacked extension's dynamic scripts when it loads it again from
        // the command line (it counts as an update); the background then registers them anew
        // from the stored list at start-up, so what matters is that they are back by the time
        // the reader opens a page, not in the first milliseconds.
        const current = session;
        await expect
          .poll(() => current.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()), { timeout: 10_000 })
          .toEqual([expect.objectContaining({ id: 'declutter-live', matches: ['http://127.0.0.1/*'] })]);
        const page = await session.context.newPage();
        await page.goto(suite.server.url('/cookie-lock.html'));
        await waitInPage(page, () => document.querySelector('#cookie-consent')?.getAttribute('data-declutter-hidden') === 'cookie-banners');
      } finally {
        await session.context.close();
      }
    } finally {
      profile.remove();
    }
  });
});
