// @vitest-environment jsdom
/**
 * One live-cleaning session in a page (entrypoints/live.content/session.ts) against WXT's
 * fake browser: it cleans with the stored switches, follows a switch flipped elsewhere,
 * reports its count for the badge, answers the extension's own pages and nobody else,
 * and leaves the page to a newer copy of itself.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startLiveSession } from '../../entrypoints/live.content/session.ts';
import { claimPage, type PageClaim } from '../../entrypoints/live.content/handoff.ts';
import liveScript from '../../entrypoints/live.content/index.ts';
import { HIDDEN_ATTRIBUTE } from '../../utils/live-cleaner.ts';
import { saveSettings, DEFAULT_SETTINGS } from '../../utils/settings.ts';

const PAGE = `<header class="site-header"><a href="/">News Site</a><nav class="main-nav"><a href="/a">Politics</a> <a href="/b">Business</a> <a href="/c">Sport</a> <a href="/d">Science</a></nav></header>
<main><article><h1>The council votes on the harbour</h1>
<p>${'The council voted on Tuesday to restore the tidal flow to the old harbour basin, ending forty years of debate. '.repeat(3)}</p>
<p>${'Engineers will remove the last section of the 1984 dam over the summer, the council said in a statement after the vote. '.repeat(3)}</p></article></main>
<div id="onetrust-banner-sdk"><p>We use cookies to personalise content and ads and to analyse our traffic. By clicking “Accept all” you agree to our use of cookies.</p><button>Accept all</button></div>`;

const EXTENSION_PAGE = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`, origin: `chrome-extension://${fakeBrowser.runtime.id}` };
const CONTENT_SCRIPT = { id: fakeBrowser.runtime.id, url: 'https://news.example/a', origin: 'https://news.example', frameId: 0, tab: { id: 3 } };

let reports: unknown[];
/** The isolated world's global object, where copies of the script meet. */
let world: object;
let extensionAlive: boolean;

function context(): PageClaim {
  return claimPage(world, () => extensionAlive);
}

/** Ends the test's session the way a newer copy would, so no observer outlives the test. */
function invalidate(): void {
  claimPage(world, () => true);
}

async function ask(message: unknown, sender: object): Promise<unknown> {
  let reply: unknown = 'no reply';
  await fakeBrowser.runtime.onMessage.trigger(message, sender, (response: unknown) => {
    reply = response;
  });
  return reply;
}

beforeEach(() => {
  world = {};
  extensionAlive = true;
  fakeBrowser.reset();
  reports = [];
  fakeBrowser.runtime.sendMessage = vi.fn(async (message: unknown) => {
    reports.push(message);
  }) as never;
  document.body.innerHTML = PAGE;
  window.history.replaceState(null, '', '/a');
});

afterEach(() => invalidate());

describe('a live session', () => {
  test('hides what the enabled filters find and reports the count for the badge', async () => {
    const status = await startLiveSession(document, context());
    expect(status).toEqual({ active: true, counts: { 'cookie-banners': 1, navigation: 1 } });
    expect(document.getElementById('onetrust-banner-sdk')!.getAttribute(HIDDEN_ATTRIBUTE)).toBe('cookie-banners');
    expect(document.querySelector('article')!.closest(`[${HIDDEN_ATTRIBUTE}]`)).toBeNull();
    expect(reports.at(-1)).toEqual({ type: 'live:status', payload: status });
  });

  test('uses the site’s own rule over the global switch', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: { [location.hostname]: { navigation: false } } });
    const status = await startLiveSession(document, context());
    expect(status.counts).toEqual({ 'cookie-banners': 1 });
  });

  test('a filter switched off in another page shows its items at once, and the report follows', async () => {
    await startLiveSession(document, context());
    await saveSettings({ ...DEFAULT_SETTINGS, filters: { 'cookie-banners': false } });
    await vi.waitFor(() => expect(document.getElementById('onetrust-banner-sdk')!.hasAttribute(HIDDEN_ATTRIBUTE)).toBe(false));
    expect(reports.at(-1)).toEqual({ type: 'live:status', payload: { active: true, counts: { navigation: 1 } } });
  });

  test('answers the extension’s pages: query, then undo shows everything and reports inactive', async () => {
    await startLiveSession(document, context());
    expect(await ask({ type: 'live:query' }, EXTENSION_PAGE)).toEqual({ active: true, counts: { 'cookie-banners': 1, navigation: 1 } });
    expect(await ask({ type: 'live:undo' }, EXTENSION_PAGE)).toEqual({ active: false, counts: {} });
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
    expect(reports.at(-1)).toEqual({ type: 'live:status', payload: { active: false, counts: {} } });
    // Undone stays undone when settings change.
    await saveSettings({ ...DEFAULT_SETTINGS, filters: { 'promo-links': false } });
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
  });

  test.each([
    ['a content script (another page’s renderer)', CONTENT_SCRIPT],
    ['a web page', { id: fakeBrowser.runtime.id, origin: 'https://evil.example', url: 'https://evil.example/' }],
    ['another extension', { id: 'other', origin: 'chrome-extension://other', url: 'chrome-extension://other/x.html' }],
  ])('ignores %s asking it to undo', async (_who, sender) => {
    await startLiveSession(document, context());
    expect(await ask({ type: 'live:undo' }, sender)).toBe('no reply');
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(2);
  });

  test('handed over to a newer copy: the old one stops listening, the new one counts and undoes its marks', async () => {
    await startLiveSession(document, context());
    const next = context();
    expect(await ask({ type: 'live:query' }, EXTENSION_PAGE)).toBe('no reply');
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(2);
    expect((await startLiveSession(document, next)).counts).toEqual({ 'cookie-banners': 1, navigation: 1 });
    expect(await ask({ type: 'live:undo' }, EXTENSION_PAGE)).toEqual({ active: false, counts: {} });
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
  });

  test('an orphaned copy (the extension was updated) stops at its next report', async () => {
    await startLiveSession(document, context());
    extensionAlive = false;
    reports.length = 0;
    await saveSettings({ ...DEFAULT_SETTINGS, filters: { 'cookie-banners': false } });
    expect(await ask({ type: 'live:query' }, EXTENSION_PAGE)).toBe('no reply');
    expect(reports).toEqual([]);
  });

  test('a page cannot switch it off with the event WXT’s content-script context listens for', async () => {
    // The real entrypoint, as the browser runs it; WXT hands main() its context.
    // WXT names its event after the entrypoint being built ("live"); so does the test's.
    vi.stubEnv('ENTRYPOINT', 'live');
    const { ContentScriptContext } = await import('wxt/utils/content-script-context');
    expect((ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE).toBe(`${fakeBrowser.runtime.id}:live:wxt:content-script-started`);
    const status = await liveScript.main(new ContentScriptContext('live', liveScript));
    expect(status).toEqual({ active: true, counts: { 'cookie-banners': 1, navigation: 1 } });
    // What a page script can dispatch: the extension id is public.
    document.dispatchEvent(
      new CustomEvent(`${fakeBrowser.runtime.id}:live:wxt:content-script-started`, { detail: { contentScriptName: 'live', messageId: 'page' } }),
    );
    expect(await ask({ type: 'live:query' }, EXTENSION_PAGE)).toEqual({ active: true, counts: { 'cookie-banners': 1, navigation: 1 } });
    expect(await ask({ type: 'live:undo' }, EXTENSION_PAGE)).toEqual({ active: false, counts: {} });
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(0);
    claimPage(globalThis, () => true);
    vi.unstubAllEnvs();
  });

  test('a page marking its own elements with the hidden attribute does not raise the count', async () => {
    for (let i = 0; i < 5; i++) {
      const own = document.createElement('p');
      own.setAttribute(HIDDEN_ATTRIBUTE, 'cookie-banners');
      document.body.append(own);
    }
    const status = await startLiveSession(document, context());
    expect(status.counts).toEqual({ 'cookie-banners': 1, navigation: 1 });
    expect(reports.at(-1)).toEqual({ type: 'live:status', payload: status });
    // Undo shows what we hid, and leaves the page's own attributes alone.
    await ask({ type: 'live:undo' }, EXTENSION_PAGE);
    expect(document.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)).toHaveLength(5);
  });
});
