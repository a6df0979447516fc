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
  /** The id of the tab showing `url`, as the extension sees it. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup for a tab in a new page and waits until it has left the loading state. */
  openPopup(tabId: number, query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(extensionDir: string, options: { lang?: string } = {}): Promise<ChromiumSession> {
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'declutter-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: options.lang,
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
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    const session: ChromiumSession = {
      context,
      worker,
      extensionId,
      async tabIdOf(page) {
        const url = page.url();
        const tabs = await worker.evaluate(() => (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.query({}));
        // Only pages the build may read expose their URL; for the others, pick by title.
        const title = await page.title();
        const tab = tabs.find((t) => t.url === url) ?? tabs.find((t) => !t.url && t.title === title);
        if (!tab?.id) throw new Error(`No tab for ${url} among ${JSON.stringify(tabs.map((t) => t.url ?? t.title))}`);
        return tab.id;
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

interface ChromeTab {
  id?: number;
  url?: string;
  title?: string;
}
interface ChromeTabs {
  tabs: { query(filter: object): Promise<ChromeTab[]> };
}
