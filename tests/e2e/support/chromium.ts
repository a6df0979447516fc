/**
 * Launches Debian's Chromium with one of our builds loaded, through playwright-core.
 * A test cannot click the toolbar button, so it opens the popup page in a tab with the
 * article's tab id in the query string, which is what the popup itself does for
 * "Open in a tab".
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

export const ROOT = resolve(import.meta.dirname, '../../..');
export const ARTIFACTS_DIR = resolve(ROOT, 'tests/artifacts');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Never skips: a machine without the browser fails and says how to get one. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${CANDIDATES.join(', ')}). Install it with \`apt-get install -y chromium\` ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary. Browser tests never skip.',
    );
  }
  return found;
}

/** Fails with the command that makes the build, instead of testing a stale or missing one. */
export function requireBuild(dir: string, command: string): string {
  const abs = resolve(ROOT, dir);
  if (!existsSync(join(abs, 'manifest.json'))) throw new Error(`No extension build in ${dir}. Run \`${command}\` first.`);
  return abs;
}

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly worker: Worker;
  readonly extensionId: string;
  /** Opens `url` in a new tab and returns it with the tab id the extension knows it by. */
  openTab(url: string, waitUntil?: 'load' | 'commit'): Promise<{ page: Page; tabId: number }>;
  /** Opens the popup for a tab in a new page and waits until it has left the loading state. */
  openPopup(tabId: number, query?: string): Promise<Page>;
  close(): Promise<void>;
}

/** How every browser test and the bench start Chromium with one of our builds. */
export function chromiumLaunchOptions(extensionDir: string, lang?: string): LaunchOptions {
  return {
    executablePath: findChromium(),
    headless: true,
    // Debian's chromium ships the en-US locale only (other UI languages come with the
    // chromium-l10n package), so --lang below changes nothing by itself here. Playwright's
    // locale emulation does reach the pages the test opens, chrome.i18n.getUILanguage()
    // included, which is what the popup reads; tabs the extension opens stay en-US.
    locale: lang,
    viewport: { width: 1000, height: 800 },
    args: [
      // Playwright passes --disable-extensions; --disable-extensions-except undoes it for ours.
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      // The network is closed here: without these Chromium retries its own services endlessly.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  };
}

/**
 * The machine has no network, and a test must not depend on one: every request that
 * would leave 127.0.0.1 fails at once instead of waiting on DNS or a timeout.
 */
export async function blockOutsideNetwork(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1',
    (route) => route.abort('internetdisconnected'),
  );
}

export async function launchChromium(extensionDir: string, options: { lang?: string } = {}): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'declutter-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions(extensionDir, options.lang));
  try {
    await blockOutsideNetwork(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    const session: ChromiumSession = {
      context,
      worker,
      extensionId,
      async openTab(url, waitUntil = 'load') {
        // Without host permission the extension sees neither URL nor title of a tab, so
        // the new tab is told apart by its id: the one that was not there before.
        const before = new Set((await queryTabs(worker)).map((t) => t.id));
        const page = await context.newPage();
        const tabId = (await queryTabs(worker)).find((t) => t.id !== undefined && !before.has(t.id))?.id;
        if (tabId === undefined) throw new Error(`No new tab appeared for ${url}`);
        await page.goto(url, { waitUntil });
        return { page, tabId };
      },
      async openPopup(tabId, query = '') {
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 520, height: 600 });
        await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}${query}`);
        await popup.waitForSelector('main[data-view]:not([data-view="loading"])', { timeout: 15_000 });
        return popup;
      },
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

function queryTabs(worker: Worker): Promise<ChromeTab[]> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({}));
}

interface ChromeTab {
  id?: number;
  url?: string;
  title?: string;
}
interface ChromeTabs {
  tabs: { query(filter: object): Promise<ChromeTab[]> };
}
