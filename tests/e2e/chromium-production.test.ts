/**
 * The production build (`npm run build:chrome`) in real Chromium, UI in English. It asks
 * for activeTab and nothing else, so without a click on its toolbar button it must not be
 * able to read an ordinary page: the browser refuses with "Cannot access contents of the
 * page", and the popup turns that into a state that tells the reader what to do.
 * (The e2e build, which can read 127.0.0.1, is tested in chromium.test.ts.)
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite } from './support/suite.ts';
import { readPopup } from './support/popup-dom.ts';
import { startFixtureServer } from './support/server.ts';

const UI = 'en' as const;
// Nothing this file does is stored, so storage is left as the production build finds it.
const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer, build: { dir: '.output/chrome-mv3', command: 'npm run build:chrome' }, freshStorage: false });

type Chrome = {
  runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[] } };
  scripting: { executeScript(details: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

test('asks for activeTab, scripting and storage only, and no host access', async () => {
  const manifest = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest());
  expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
});

test('without a toolbar click the browser refuses to inject into a served page', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/gazeta-putin-olland.html'));
  try {
    const refusal = await suite.browser.worker.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.scripting
          .executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] })
          .then(
            () => 'injected',
            (error: Error) => error.message,
          ),
      tabId,
    );
    expect(refusal).toMatch(/^Cannot access contents of the page/);
  } finally {
    await page.close();
  }
});

test('the popup shows the can’t-read-yet state with what to do, not a blank page or an error', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/gazeta-putin-olland.html'));
  const popup = await suite.browser.openPopup(tabId);
  try {
    const shown = await popup.evaluate(readPopup);
    expect(shown.view).toBe('restricted');
    expect(shown.statusTitle).toBe(t(UI, 'noAccessTitle'));
    expect(shown.statusBody).toBe(t(UI, 'noAccessBody'));
    expect(shown.uiLang).toBe(UI);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-production-no-access.png') });
  } finally {
    await popup.close();
    await page.close();
  }
});

test('a browser page is closed to it, told apart by the refusal alone (no tab URL without a click)', async () => {
  const { page, tabId } = await suite.browser.openTab('chrome://version');
  const popup = await suite.browser.openPopup(tabId);
  try {
    const shown = await popup.evaluate(readPopup);
    expect(shown.view).toBe('restricted');
    expect(shown.statusTitle).toBe(t(UI, 'restrictedTitle'));
  } finally {
    await popup.close();
    await page.close();
  }
});
