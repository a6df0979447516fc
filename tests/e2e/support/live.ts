/**
 * Helpers for the live-cleaning browser tests (live, reader, options, a11y, firefox-live):
 * a server for tests/fixtures/live, a Chromium launch that keeps its profile for a restart,
 * and readers of what the live page shows. Everything runs inside pages through
 * evaluate(), so the functions passed there close over nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { blockOutsideNetwork, chromiumLaunchOptions } from './chromium.ts';
import { listen, type FixtureServer } from './server.ts';

export const LIVE_FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures/live');

export type LiveServer = FixtureServer;

/**
 * Serves tests/fixtures/live on 127.0.0.1 at a random port. `?csp=strict` adds the kind of
 * Content-Security-Policy news sites send (no inline styles from anyone but the page's
 * own nonce, as the fixtures' styles and scripts carry), which the live cleaner's stylesheet
 * must still get through.
 */
export function startLiveServer(): Promise<LiveServer> {
  return listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = resolve(LIVE_FIXTURES_DIR, `.${decodeURIComponent(url.pathname)}`);
    if (!path.startsWith(LIVE_FIXTURES_DIR + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => {
        const headers: Record<string, string> = { 'content-type': extname(path) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream', 'cache-control': 'no-store' };
        if (url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = "default-src 'self'; style-src 'self' 'nonce-declutter-fixture'; script-src 'self' 'nonce-declutter-fixture'";
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
}

/** A Chromium profile that outlives one launch, to test what survives a browser restart. */
export function createProfileDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'declutter-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Launches Chromium on an existing profile directory, with the same flags as support/chromium.ts. */
export async function launchChromiumProfile(extensionDir: string, userDataDir: string): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, chromiumLaunchOptions(extensionDir));
  await blockOutsideNetwork(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** What the reader sees of the live page. */
export interface LivePage {
  /** data-declutter-hidden values, in document order. */
  hidden: string[];
  hasStylesheet: boolean;
  /** Selectors of the fixture's clutter that are displayed (not display:none anywhere up the tree). */
  shown: Record<string, boolean>;
  htmlOverflowY: string;
  bodyOverflowY: string;
  /** The page's own consent handler ran (it never should on our account). */
  consentAnswered: boolean;
}

export function readLivePage(selectors: string[]): LivePage {
  const displayed = (el: Element | null): boolean => {
    for (let cur = el; cur; cur = cur.parentElement) if (getComputedStyle(cur).display === 'none') return false;
    return el !== null;
  };
  const shown: Record<string, boolean> = {};
  for (const selector of selectors) shown[selector] = displayed(document.querySelector(selector));
  return {
    hidden: [...document.querySelectorAll('[data-declutter-hidden]')].map((el) => el.getAttribute('data-declutter-hidden') ?? ''),
    hasStylesheet: document.getElementById('declutter-live-style') !== null,
    shown,
    htmlOverflowY: getComputedStyle(document.documentElement).overflowY,
    bodyOverflowY: getComputedStyle(document.body).overflowY,
    consentAnswered: 'consentAnswer' in window || document.cookie.includes('consent='),
  };
}

/** The clutter of tests/fixtures/live/cookie-lock.html, and its article. */
export const COOKIE_LOCK = {
  banner: '#cookie-consent',
  overlay: '.consent-overlay',
  promo: '.newsletter-box',
  sidebar: '.popular',
  header: '.site-header',
  crumbs: '.breadcrumbs',
  article: 'article h1',
} as const;

/** Waits until `read` (run in the page) returns true; Playwright pages only. */
export async function waitInPage(page: Page, read: () => boolean, timeout = 10_000): Promise<void> {
  await page.waitForFunction(read, undefined, { timeout, polling: 50 });
}

/** The popup's sheets, by the id their toolbar button controls. */
export type SheetId = 'page-panel' | 'filter-panel' | 'reader-settings';

/**
 * Opens one of the popup's sheets from its toolbar button, unless it is open. One sheet is
 * open at a time, and a filter switch closes the filters, so tests open what they use.
 */
export async function openSheet(popup: Page, id: SheetId): Promise<void> {
  const button = popup.locator(`button[aria-controls="${id}"]`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await popup.waitForSelector(`#${id}`);
}
