// @vitest-environment jsdom
/**
 * The popup's model against WXT's fake browser: each way a page can answer the snapshot
 * script (an article, a list, a refusal, a huge page, a PDF, garbage) must end in a state
 * the reader can act on, and the filter switches must re-render at once and persist.
 * `scripting.executeScript` is the one stub: it plays the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createPopupModel, type PopupModel } from '../../entrypoints/popup/model.ts';
import { inThreadCleanRunner } from '../clean-in-thread.ts';
import { requestPage } from '../../entrypoints/popup/page-request.ts';
import { ELEMENT_BUDGET, type PageSnapshot } from '../../utils/messaging.ts';
import { loadSettings } from '../../utils/settings.ts';
import { t } from '../../utils/i18n.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/e2e');
const ARTICLE_URL = 'https://news.example/harbour';
const HARBOUR_TITLE = 'The old harbour gets its tide back after forty years';
const harbour = readFileSync(resolve(FIXTURES, 'harbour-english.html'), 'utf8');
const listing = readFileSync(resolve(FIXTURES, 'listing.html'), 'utf8');

const snapshot = (html: string | null, overrides: Partial<PageSnapshot> = {}): PageSnapshot => ({
  url: ARTICLE_URL,
  title: 'page',
  contentType: 'text/html',
  elementCount: 400,
  html,
  ...overrides,
});

type Inject = (details: { target: { tabId: number }; files?: string[]; func?: () => void }) => Promise<unknown>;
let inject: ReturnType<typeof vi.fn<Inject>>;

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

/** The page answers the snapshot script with `answer`, or the browser refuses with it. */
function pageAnswers(answer: PageSnapshot | Error | unknown): void {
  inject.mockImplementation(async (details) => {
    if (answer instanceof Error) throw answer;
    return details.files ? [{ frameId: 0, result: answer }] : [{ frameId: 0, result: undefined }];
  });
}

async function start(tabId: number, view = ''): Promise<PopupModel> {
  const model = createPopupModel({ search: `?tabId=${tabId}${view}` } as Location, { cleanRunner: inThreadCleanRunner() });
  await model.actions.start();
  return model;
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  inject = vi.fn<Inject>();
  fakeBrowser.scripting.executeScript = inject as unknown as typeof fakeBrowser.scripting.executeScript;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading a page', () => {
  test('an article page becomes the clean article', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    const view = model.view.value;
    expect(view.kind).toBe('ready');
    if (view.kind !== 'ready') return;
    expect(view.result.article.title).toBe('The old harbour gets its tide back after forty years');
    expect(view.result.article.text).toContain('Engineers removed the last section of the 1984 dam');
    expect(inject).toHaveBeenCalledWith({ target: { tabId: expect.any(Number) }, files: ['/content-scripts/content.js'] });
  });

  test('opened from the toolbar (no tab id), it reads the active tab, found by one query', async () => {
    pageAnswers(snapshot(harbour));
    const focused = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: ARTICLE_URL, active: true, windowId: focused!.id! });
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    const model = createPopupModel({ search: '' } as Location, { cleanRunner: inThreadCleanRunner() });
    await model.actions.start();
    expect(model.view.value).toMatchObject({ kind: 'ready' });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: ['/content-scripts/content.js'] });
    expect(get).not.toHaveBeenCalled();
  });

  test('the request sent before the popup was built is the one read, once; a retry asks the page again', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    const firstRequest = requestPage(tabId);
    // The page changes after the first request went out: the popup shows what that request got.
    pageAnswers(snapshot(listing));
    const model = createPopupModel({ search: `?tabId=${tabId}` } as Location, { firstRequest, cleanRunner: inThreadCleanRunner() });
    await model.actions.start();
    expect(model.view.value.kind).toBe('ready');
    expect(inject).toHaveBeenCalledTimes(1);
    await model.actions.retry();
    expect(model.view.value.kind).toBe('not-readerable');
    expect(inject).toHaveBeenCalledTimes(2);
  });

  test('with the tab id known, the snapshot is asked for without waiting for the tab', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    let tabAnswered = false;
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(() => new Promise(() => undefined));
    requestPage(tabId).tab.then(() => (tabAnswered = true));
    await Promise.resolve();
    expect(inject).toHaveBeenCalledWith({ target: { tabId }, files: ['/content-scripts/content.js'] });
    expect(tabAnswered).toBe(false);
  });

  test('settings read before the popup was built pick the filters', async () => {
    pageAnswers(snapshot(harbour));
    const model = createPopupModel({ search: `?tabId=${await openTab(ARTICLE_URL)}` } as Location, {
      cleanRunner: inThreadCleanRunner(),
      firstSettings: Promise.resolve({ filters: { 'promo-links': false }, sites: {}, annotations: false }),
    });
    await model.actions.start();
    expect(model.settings.value.annotations).toBe(false);
    expect(model.filterStates.value.find((s) => s.filter.id === 'promo-links')?.on).toBe(false);
  });

  test('relative links and images of the page resolve against the page, not the extension', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    const view = model.view.value;
    if (view.kind !== 'ready') throw new Error(view.kind);
    expect(view.result.article.html).toContain('src="https://news.example/img/harbour.svg"');
    expect(view.result.article.html).toContain('href="https://news.example/region/harbour/consultation-2021"');
  });

  test('the UI language follows the browser', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'ru';
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.lang.value).toBe('ru');
  });

  test('a list page says "no article", and "show anyway" extracts it all the same', async () => {
    pageAnswers(snapshot(listing));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.view.value.kind).toBe('not-readerable');
    await model.actions.showAnyway();
    const view = model.view.value;
    expect(view.kind).toBe('ready');
    if (view.kind === 'ready') expect(view.result.article.text).toContain('Band D households will pay about £90 more');
  });

  test('a page with no text at all says so, even when forced', async () => {
    pageAnswers(snapshot('<html><body><div></div></body></html>'));
    const model = await start(await openTab(ARTICLE_URL));
    await model.actions.showAnyway();
    expect(model.view.value.kind).toBe('no-article');
  });
});

describe('pages that cannot be read', () => {
  test.each(['chrome://settings', 'about:addons', 'https://chromewebstore.google.com/detail/x', 'file:///home/a.html'])(
    '%s is closed; from the toolbar nothing is even injected',
    async (url) => {
      const focused = await fakeBrowser.windows.create({ focused: true });
      await fakeBrowser.tabs.create({ url, active: true, windowId: focused!.id! });
      const model = createPopupModel({ search: '' } as Location, { cleanRunner: inThreadCleanRunner() });
      await model.actions.start();
      expect(model.view.value).toEqual({ kind: 'restricted', reason: 'closed' });
      expect(inject).not.toHaveBeenCalled();
    },
  );

  test.each(['chrome://settings', 'file:///home/a.html'])('%s named by its tab id is closed, whatever the injection did', async (url) => {
    pageAnswers(new Error('Cannot access contents of the page'));
    const model = await start(await openTab(url));
    expect(model.view.value).toEqual({ kind: 'restricted', reason: 'closed' });
  });

  test('without the reader’s click the browser refuses: the popup says how to give access', async () => {
    pageAnswers(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.view.value).toEqual({ kind: 'restricted', reason: 'no-access' });
  });

  test('a refusal that names a browser page is "closed"', async () => {
    pageAnswers(new Error('Cannot access a chrome:// URL'));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.view.value).toEqual({ kind: 'restricted', reason: 'closed' });
  });

  test('a PDF in the viewer is closed', async () => {
    pageAnswers(snapshot('<html><body><embed type="application/pdf"></body></html>', { contentType: 'application/pdf' }));
    const model = await start(await openTab('https://news.example/report.pdf'));
    expect(model.view.value).toEqual({ kind: 'restricted', reason: 'pdf' });
  });

  test('a page over the element budget asks first; "read anyway" lifts the budget once', async () => {
    pageAnswers(snapshot(null, { elementCount: ELEMENT_BUDGET + 5 }));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.view.value).toEqual({ kind: 'too-large', elementCount: ELEMENT_BUDGET + 5 });
    pageAnswers(snapshot(harbour, { elementCount: ELEMENT_BUDGET + 5 }));
    inject.mockClear();
    await model.actions.readAnyway();
    expect(model.view.value.kind).toBe('ready');
    // First the flag, then the snapshot script.
    expect(inject.mock.calls.map(([details]) => (details.files ? 'snapshot' : 'flag'))).toEqual(['flag', 'snapshot']);
  });
});

describe('errors read as sentences', () => {
  test('a closed tab', async () => {
    const model = await start(9999);
    expect(model.view.value).toEqual({ kind: 'error', message: t('en', 'tabGone'), detail: null });
  });

  test('a page that answers with garbage', async () => {
    pageAnswers({ url: 42 });
    const model = await start(await openTab(ARTICLE_URL));
    const view = model.view.value;
    expect(view.kind).toBe('error');
    if (view.kind === 'error') {
      expect(view.message).toBe(t('en', 'errorBody'));
      expect(view.detail).toMatch(/not a page/);
    }
  });

  test('an unexpected injection failure keeps its detail and can be retried', async () => {
    pageAnswers(new Error('Could not load file: content-scripts/content.js'));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.view.value).toEqual({ kind: 'error', message: t('en', 'errorBody'), detail: 'Could not load file: content-scripts/content.js' });
    pageAnswers(snapshot(harbour));
    await model.actions.retry();
    expect(model.view.value.kind).toBe('ready');
  });
});

describe('filter switches', () => {
  const cookieText = 'We use cookies to personalise content';
  const removedCookies = (model: PopupModel): boolean => {
    const view = model.view.value;
    if (view.kind !== 'ready') throw new Error(view.kind);
    return view.result.removals.some((r) => r.filter === 'cookie-banners' && r.text.includes(cookieText));
  };

  test('a switch re-renders the article at once and is saved for every site', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    expect(removedCookies(model)).toBe(true);
    const saving = model.actions.toggleFilter('cookie-banners', false);
    // The clean runs beside the save, not after it.
    await vi.waitFor(() => expect(removedCookies(model)).toBe(false));
    await saving;
    expect((await loadSettings()).filters['cookie-banners']).toBe(false);
    expect(model.filterStates.value.find((s) => s.filter.id === 'cookie-banners')?.on).toBe(false);
  });

  test('a switch says what it changed in the article: the blocks that came back, or that nothing it removed was there', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    expect(model.change.value).toBeNull();
    await model.actions.toggleFilter('cookie-banners', false);
    const change = model.change.value!;
    expect(change).toMatchObject({ label: 'Cookie and consent notices', on: false, gone: 0 });
    const view = model.view.value;
    if (view.kind !== 'ready') throw new Error(view.kind);
    for (const block of change.restored) expect(view.result.article.text.split('\n\n')).toContain(block);
    await model.actions.toggleFilter('cookie-banners', true);
    expect(model.change.value).toMatchObject({ on: true, restored: [], gone: change.restored.length });
  });

  test('on this site only: a rule of the site’s own, dropped when it matches the default; reset drops them all', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    await model.actions.toggleFilter('navigation', false, 'site');
    expect((await loadSettings()).sites).toEqual({ 'news.example': { navigation: false } });
    expect((await loadSettings()).filters.navigation).toBeUndefined();
    expect(model.filterStates.value.find((s) => s.filter.id === 'navigation')).toMatchObject({ on: false, site: false, fallback: true });
    await model.actions.toggleFilter('navigation', true, 'site');
    expect((await loadSettings()).sites).toEqual({});
    await model.actions.toggleFilter('promo-links', false, 'site');
    await model.actions.resetSite();
    expect((await loadSettings()).sites).toEqual({});
  });

  test('a new popup starts with the saved switches', async () => {
    pageAnswers(snapshot(harbour));
    const first = await start(await openTab(ARTICLE_URL));
    await first.actions.toggleFilter('cookie-banners', false);
    const second = await start(await openTab(ARTICLE_URL));
    expect(removedCookies(second)).toBe(false);
  });

  test('flipping the global switch drops a site override that would silently win over it', async () => {
    await fakeBrowser.storage.local.set({ siteRules: { 'news.example': { 'cookie-banners': false }, 'other.example': { 'cookie-banners': false } } });
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    expect(removedCookies(model)).toBe(false);
    await model.actions.toggleFilter('cookie-banners', true);
    await vi.waitFor(() => expect(removedCookies(model)).toBe(true));
    const saved = await loadSettings();
    expect(saved.sites).toEqual({ 'other.example': { 'cookie-banners': false } });
  });

  test('the annotations switch is saved too', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL));
    await model.actions.toggleAnnotations(false);
    expect((await loadSettings()).annotations).toBe(false);
  });
});

describe('open in a tab', () => {
  test('opens popup.html for the same tab in the full-tab view', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    const model = await start(tabId);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    await model.actions.openInTab();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/popup.html?tabId=${tabId}&view=tab`);
    expect(close).toHaveBeenCalled();
  });

  test('the full-tab view knows it is one', async () => {
    pageAnswers(snapshot(harbour));
    const model = await start(await openTab(ARTICLE_URL), '&view=tab');
    expect(model.inTab).toBe(true);
  });

  test('the tab keeps only what it was opened on: its own reload, not a moved page, decides what it shows', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    await start(tabId, '&view=tab');
    await fakeBrowser.tabs.update(tabId, { url: 'https://news.example/next-story' });
    pageAnswers(snapshot(harbour.replaceAll(HARBOUR_TITLE, 'A second story in the same tab'), { url: 'https://news.example/next-story' }));
    // document.visibilityState changes no longer ask the page: there is no such listener.
    expect(inject).toHaveBeenCalledTimes(1);
  });
});

describe('the reader tab holds its article', () => {
  const READER_TAB = 777;
  const HELD_KEY = `readerTab:${READER_TAB}`;
  const other = () => snapshot(harbour.replaceAll(HARBOUR_TITLE, 'A second story in the same tab'), { url: 'https://news.example/next-story' });
  const openReader = async (tabId: number, now = () => 1_700_000_000_000) => {
    const model = createPopupModel({ search: `?tabId=${tabId}&view=tab` } as Location, { currentTabId: async () => READER_TAB, now, cleanRunner: inThreadCleanRunner() });
    await model.actions.start();
    return model;
  };
  // The fake browser's tabs.remove looks the tab's window up by the tab's id, so a closed
  // tab is played as the browser answers for one: no such tab, no injection.
  const closeTab = () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id'));
    pageAnswers(new Error('No tab with id'));
  };
  const titleOf = (model: PopupModel) => {
    const view = model.view.value;
    if (view.kind !== 'ready') throw new Error(view.kind);
    return view.result.article.title;
  };

  test('what it read is kept in session storage under its own tab id, versioned', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    const model = await openReader(tabId);
    const raw = await fakeBrowser.storage.session.get([HELD_KEY, `${HELD_KEY}$`]);
    expect(raw[`${HELD_KEY}$`]).toEqual({ v: 1 });
    expect(raw[HELD_KEY]).toMatchObject({ sourceTabId: tabId, heldAt: 1_700_000_000_000, snapshot: { url: ARTICLE_URL, html: harbour } });
    expect(model.heldAt.value).toBe(1_700_000_000_000);
  });

  test('a reload shows the article it holds, after the page’s tab moved on or closed, without asking the page', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    await openReader(tabId);
    pageAnswers(other());
    await fakeBrowser.tabs.update(tabId, { url: 'https://news.example/next-story' });
    expect(titleOf(await openReader(tabId))).toBe(HARBOUR_TITLE);
    closeTab();
    const reloaded = await openReader(tabId);
    expect(titleOf(reloaded)).toBe(HARBOUR_TITLE);
    expect(inject).toHaveBeenCalledTimes(1);
    // The switches still work on the held page.
    await reloaded.actions.toggleFilter('cookie-banners', false);
    expect(reloaded.view.value.kind).toBe('ready');
  });

  test('"read the page again" replaces the article with what the page shows now; a closed tab leaves it as it was, and says so', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    const model = await openReader(tabId);
    pageAnswers(other());
    await model.actions.reread();
    expect(titleOf(model)).toBe('A second story in the same tab');
    expect(model.notice.value).toBe('reread');
    expect(titleOf(await openReader(tabId))).toBe('A second story in the same tab');
    closeTab();
    await model.actions.reread();
    expect(titleOf(model)).toBe('A second story in the same tab');
    expect(model.notice.value).toBe('rereadFailed');
  });

  test('from raw storage: a broken value reads as nothing held (the page is read), an unversioned valid one as v1', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    await fakeBrowser.storage.session.set({ [HELD_KEY]: { sourceTabId: 'x', snapshot: 3 } });
    expect(titleOf(await openReader(tabId))).toBe(HARBOUR_TITLE);
    expect(inject).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.session.set({ [HELD_KEY]: { sourceTabId: tabId, snapshot: other(), heldAt: 5 } });
    expect(titleOf(await openReader(tabId))).toBe('A second story in the same tab');
    expect(inject).toHaveBeenCalledTimes(1);
  });

  test('what closed reader tabs held is let go when a new one holds its page', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    await fakeBrowser.storage.session.set({ 'readerTab:4242': { sourceTabId: 1, snapshot: snapshot(harbour), heldAt: 1 }, 'readerTab:4242$': { v: 1 } });
    await openReader(tabId);
    const raw = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(raw).sort()).toEqual([HELD_KEY, `${HELD_KEY}$`]);
  });

  test('the reading position is kept per article and comes back; the newest hundred are kept', async () => {
    pageAnswers(snapshot(harbour));
    const tabId = await openTab(ARTICLE_URL);
    let clock = 1000;
    const model = await openReader(tabId, () => clock++);
    expect(await model.actions.loadPosition()).toBeNull();
    await model.actions.savePosition({ block: 7, offset: 0.25 });
    expect(await (await openReader(tabId)).actions.loadPosition()).toMatchObject({ block: 7, offset: 0.25 });
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`https://x.example/${i}`, { block: 1, offset: 0, at: i }]));
    await fakeBrowser.storage.local.set({ readingPositions: { ...many, 'https://bad.example/': { block: -1 } } });
    await model.actions.savePosition({ block: 3, offset: 0.5 });
    const stored = (await fakeBrowser.storage.local.get('readingPositions')).readingPositions as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(100);
    expect(stored[ARTICLE_URL]).toMatchObject({ block: 3, offset: 0.5 });
    expect(stored['https://bad.example/']).toBeUndefined();
  });
});
