/**
 * What most Chromium test files set up alike: the test build and a page server, started
 * once per file and closed after it, and the extension's storage cleared before every test
 * (switches persist by design, so each test starts from the defaults whatever the last one did).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ARTIFACTS_DIR, launchChromium, requireBuild, type ChromiumSession } from './chromium.ts';

export interface ChromiumSuite<S> {
  readonly browser: ChromiumSession;
  readonly server: S;
  /** The unpacked build's directory, for tests that launch a browser of their own. */
  readonly extension: string;
}

export interface SuiteOptions<S> {
  readonly lang: string;
  readonly startServer: () => Promise<S>;
  /** Defaults to the test build (`npm run build:e2e`). */
  readonly build?: { readonly dir: string; readonly command: string };
  /** Clear the extension's storage before each test (on by default). */
  readonly freshStorage?: boolean;
}

export function chromiumSuite<S extends { close(): Promise<void> }>(options: SuiteOptions<S>): ChromiumSuite<S> {
  let browser: ChromiumSession | undefined;
  let server: S | undefined;
  let extension: string | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is used before the suite started`);
    return value;
  };
  beforeAll(async () => {
    const build = options.build ?? { dir: '.output/chrome-mv3-e2e', command: 'npm run build:e2e' };
    extension = requireBuild(build.dir, build.command);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    server = await options.startServer();
    browser = await launchChromium(extension, { lang: options.lang });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  if (options.freshStorage !== false) beforeEach(async () => clearExtensionStorage(started(browser, 'the browser')));
  return {
    get browser() {
      return started(browser, 'the browser');
    },
    get server() {
      return started(server, 'the page server');
    },
    get extension() {
      return started(extension, 'the build');
    },
  };
}

export async function clearExtensionStorage(browser: ChromiumSession): Promise<void> {
  await browser.worker.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<'sync' | 'local', { clear(): Promise<void> }> } }).chrome;
    await Promise.all([storage.sync.clear(), storage.local.clear()]);
  });
}
