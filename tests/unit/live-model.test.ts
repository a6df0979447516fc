// @vitest-environment jsdom
/**
 * The popup's live-cleaning model against WXT's fake browser: the tab's live script is a
 * stub that answers as the real one does (tests/unit/live-session.test.ts covers the
 * script itself), and the permission prompt is a stub the reader accepts or refuses.
 */
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createLiveModel } from '../../entrypoints/popup/live-model.ts';
import { LIVE_SCRIPT_FILE, loadLiveSites } from '../../utils/live-sites.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings.ts';

const TAB = 5;
const URL_ = 'https://www.gazeta.ru/politics/news/1.shtml';
const ON = { active: true, counts: { 'cookie-banners': 1, navigation: 2 } };
const OFF = { active: false, counts: {} };

let pageStatus: unknown;
let granted: Set<string>;
let accept: boolean;
let calls: string[];

function model(url = URL_, settings: Settings = DEFAULT_SETTINGS) {
  return createLiveModel({ pageUrl: signal(url), settings: signal(settings), location: { search: `?tabId=${TAB}` } as Location });
}

beforeEach(() => {
  fakeBrowser.reset();
  pageStatus = null;
  granted = new Set();
  accept = true;
  calls = [];
  fakeBrowser.tabs.sendMessage = vi.fn(async (_tab: number, message: { type: string }) => {
    calls.push(message.type);
    if (pageStatus === null) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (message.type === 'live:undo') pageStatus = OFF;
    return pageStatus;
  }) as never;
  fakeBrowser.scripting.executeScript = vi.fn(async (details: { files?: string[] }) => {
    calls.push(`inject ${details.files?.join()}`);
    pageStatus = ON;
    return [{ frameId: 0, result: ON }];
  }) as never;
  Object.assign(fakeBrowser.permissions, {
    request: vi.fn((p: { origins: string[] }) => {
      calls.push('request');
      if (accept) for (const o of p.origins) granted.add(o);
      return Promise.resolve(accept);
    }),
    contains: vi.fn(async (p: { origins: string[] }) => p.origins.every((o) => granted.has(o))),
    remove: vi.fn(async (p: { origins: string[] }) => {
      for (const o of p.origins) granted.delete(o);
      return true;
    }),
  });
});

describe('what the popup shows about the page', () => {
  test('a page the browser keeps to itself offers nothing and asks nothing', async () => {
    const live = model('chrome://settings/');
    await live.actions.refresh();
    expect(live.view.value).toEqual({ kind: 'none' });
    expect(calls).toEqual([]);
  });

  test('no live script in the tab reads as off, not as an error', async () => {
    const live = model();
    await live.actions.refresh();
    expect(live.view.value).toEqual({ kind: 'off' });
    expect(live.optedIn.value).toBe(false);
  });

  test('"Clean this page" runs the live script and shows its count; "Show everything" undoes it', async () => {
    const live = model();
    await live.actions.cleanPage();
    expect(calls).toEqual([`inject ${LIVE_SCRIPT_FILE}`]);
    expect(live.view.value).toEqual({ kind: 'on', hidden: 3, counts: ON.counts });
    await live.actions.showAll();
    expect(live.view.value).toEqual({ kind: 'off' });
  });

  test('a page the browser will not let us script says so', async () => {
    fakeBrowser.scripting.executeScript = vi.fn(async () => {
      throw new Error('Cannot access contents of the page.');
    }) as never;
    const live = model();
    await live.actions.cleanPage();
    expect(live.view.value).toEqual({ kind: 'unavailable' });
  });

  test('reports from this tab’s live script update the count; reports from other tabs or forged ones do not', async () => {
    const live = model();
    const stop = live.actions.start();
    await vi.waitFor(() => expect(live.view.value.kind).toBe('off'));
    const from = (tab: number) => ({ id: fakeBrowser.runtime.id, url: 'https://www.gazeta.ru/a', origin: 'https://www.gazeta.ru', frameId: 0, tab: { id: tab } }) as never;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'live:status', payload: { active: true, counts: { navigation: 9 } } }, from(99), () => undefined);
    expect(live.view.value.kind).toBe('off');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'live:status', payload: { active: true, counts: { navigation: -4 } } }, from(TAB), () => undefined);
    expect(live.view.value.kind).toBe('off');
    await fakeBrowser.runtime.onMessage.trigger({ type: 'live:status', payload: { active: true, counts: { navigation: 4 } } }, from(TAB), () => undefined);
    expect(live.view.value).toEqual({ kind: 'on', hidden: 4, counts: { navigation: 4 } });
    stop();
  });
});

describe('the site switch', () => {
  test('on: the permission is requested first, in the click; then the site is listed and the page cleaned at once', async () => {
    const live = model();
    const done = live.actions.toggleSite(true);
    expect(calls).toEqual(['request']);
    await done;
    expect(calls).toEqual(['request', `inject ${LIVE_SCRIPT_FILE}`]);
    expect(live.optedIn.value).toBe(true);
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
  });

  test('refused: the switch stays off, the popup says why, nothing is listed or injected', async () => {
    accept = false;
    const live = model();
    await live.actions.toggleSite(true);
    expect(live.optedIn.value).toBe(false);
    expect(live.denied.value).toBe('gazeta.ru');
    expect(calls).toEqual(['request']);
    expect(await loadLiveSites()).toEqual({});
  });

  test('off: the site leaves the list, its permission goes back, and the page is shown whole', async () => {
    const live = model();
    await live.actions.toggleSite(true);
    await live.actions.toggleSite(false);
    expect(await loadLiveSites()).toEqual({});
    expect(granted.size).toBe(0);
    expect(live.view.value).toEqual({ kind: 'off' });
  });
});
