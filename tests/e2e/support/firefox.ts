/**
 * Launches Debian's firefox-esr through puppeteer-core over WebDriver BiDi and installs one
 * of our Firefox builds as a temporary add-on. No geckodriver, no display.
 *
 * Two traps, both measured (see shared/notes/browser-testing.md):
 * - without `--remote-allow-system-access`, navigating to moz-extension:// is refused;
 * - `page.goto()` to an extension page never resolves (no load event over BiDi), so
 *   navigation is started without awaiting it and the page is polled instead.
 * The add-on's UUID is pinned by a pref, because a random one cannot be read back.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];
export const GECKO_ID = 'declutter@declutter.example';
const EXTENSION_UUID = '5f0c6a1e-7d3b-4c2a-9e8f-1a2b3c4d5e6f';

/** Never skips: a machine without the browser fails and says how to get one. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Firefox found (looked at ${CANDIDATES.join(', ')}). Install it with \`apt-get install -y firefox-esr\` ` +
        'or point FIREFOX_PATH at a Firefox binary. Browser tests never skip.',
    );
  }
  return found;
}

export interface FirefoxSession {
  readonly browser: Browser;
  readonly origin: string;
  /** Loads an extension page and resolves once its document is complete. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir: string): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The network is closed here: no update, telemetry or captive-portal checks.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`Installed ${id}, expected ${GECKO_ID}`);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    return {
      browser,
      origin,
      async openExtensionPage(path) {
        const url = `${origin}${path}`;
        const page = await browser.newPage();
        page.goto(url, { timeout: 3000 }).catch(() => {});
        await pollUntil(
          () => page.evaluate(() => document.readyState === 'complete' && location.href).catch(() => false),
          (href) => href === url,
          `${url} to load`,
        );
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** evaluate-based polling: Firefox over BiDi does not support waitForSelector on extension pages reliably. */
/**
 * Opens `url` in a tab and returns the id the extension knows it by, asked through `probe`
 * (an extension page of ours). A match pattern has no port, so the query is for the host
 * and the filter for the URL.
 */
export async function openTab(session: FirefoxSession, probe: Page, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await session.browser.newPage();
  await page.goto(url);
  const tabId = await pollUntil(
    () =>
      probe.evaluate(
        async (wanted) =>
          (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({ url: 'http://127.0.0.1/*' })).find(
            (tab) => tab.url === wanted,
          )?.id ?? null,
        url,
      ),
    (id) => typeof id === 'number',
    `a tab for ${url}`,
  );
  return { page, tabId: tabId! };
}

export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
