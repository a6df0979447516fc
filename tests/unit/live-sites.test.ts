/**
 * Opted-in sites: which origins a site asks for, the click-time order of the permission
 * request, and the registration derived from (list ∩ granted). The browser is a stub that
 * keeps grants and registrations the way Chromium and Firefox do; storage is WXT's fake.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  isOptedIn,
  LIVE_SCRIPT_FILE,
  LIVE_SCRIPT_ID,
  loadLiveSites,
  normalizeLiveSites,
  optInSite,
  optOutSite,
  pruneUngranted,
  sitePatterns,
  syncRegistration,
  type LiveSitesApi,
  type RegisteredLiveScript,
} from '../../utils/live-sites.ts';

/** A browser that grants what the reader accepts, refuses to remove required grants, and keeps registrations by id. */
function stubBrowser(options: { accept?: boolean; required?: string[] } = {}) {
  const granted = new Set<string>(options.required ?? []);
  const scripts = new Map<string, RegisteredLiveScript>();
  const calls: string[] = [];
  const api: LiveSitesApi = {
    permissions: {
      async contains({ origins }) {
        return origins.every((o) => granted.has(o));
      },
      request({ origins }) {
        calls.push('request');
        if (options.accept ?? true) for (const o of origins) granted.add(o);
        return Promise.resolve(options.accept ?? true);
      },
      async remove({ origins }) {
        if (origins.some((o) => options.required?.includes(o))) throw new Error('You cannot remove required permissions.');
        for (const o of origins) granted.delete(o);
        return true;
      },
    },
    scripting: {
      async getRegisteredContentScripts(filter) {
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
      },
      async registerContentScripts(list) {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
        calls.push('register');
      },
      async updateContentScripts(list) {
        for (const s of list) scripts.set(s.id!, { ...scripts.get(s.id!)!, ...s });
        calls.push('update');
      },
      async unregisterContentScripts(filter) {
        for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
        calls.push('unregister');
      },
    },
  };
  return { api, granted, scripts, calls };
}

beforeEach(() => fakeBrowser.reset());

describe('sitePatterns: the origins a site asks for', () => {
  test.each([
    ['https://www.gazeta.ru/politics/news/1.shtml', 'gazeta.ru', ['https://gazeta.ru/*', 'https://www.gazeta.ru/*']],
    ['https://lenta.ru/news/2024/01/01/x/', 'lenta.ru', ['https://lenta.ru/*', 'https://www.lenta.ru/*']],
    ['https://www.bbc.co.uk/news/world-1', 'bbc.co.uk', ['https://bbc.co.uk/*', 'https://www.bbc.co.uk/*']],
    // A subdomain the reader did not see with www is asked for alone.
    ['https://news.example.com/a', 'news.example.com', ['https://news.example.com/*']],
    ['http://127.0.0.1:8123/page.html', '127.0.0.1', ['http://127.0.0.1/*']],
    ['http://localhost:3000/', 'localhost', ['http://localhost/*']],
  ])('%s → %s', (url, site, origins) => {
    expect(sitePatterns(url)).toEqual({ site, origins });
  });

  test.each(['chrome://extensions/', 'about:blank', 'file:///home/a.html', 'moz-extension://x/popup.html', 'not a url'])('%s has no site', (url) => {
    expect(sitePatterns(url)).toBeNull();
  });
});

describe('opting in and out', () => {
  test('the permission is requested before anything is awaited (the click gesture and Firefox’s popup need it)', () => {
    const { api, calls } = stubBrowser();
    const pending = optInSite('https://www.gazeta.ru/a', api);
    expect(calls).toEqual(['request']);
    return pending;
  });

  test('a granted site is listed, and the background registers one script for the granted origins', async () => {
    const { api, scripts } = stubBrowser();
    expect(await optInSite('https://www.gazeta.ru/a', api)).toBe(true);
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
    expect(await isOptedIn('https://gazeta.ru/other', api)).toBe(true);
    await syncRegistration(api);
    expect([...scripts.values()]).toEqual([
      { id: LIVE_SCRIPT_ID, js: [LIVE_SCRIPT_FILE], matches: ['https://gazeta.ru/*', 'https://www.gazeta.ru/*'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  });

  test('a refused permission leaves no entry and registers nothing', async () => {
    const { api, scripts } = stubBrowser({ accept: false });
    expect(await optInSite('https://lenta.ru/a', api)).toBe(false);
    expect(await loadLiveSites()).toEqual({});
    await syncRegistration(api);
    expect(scripts.size).toBe(0);
  });

  test('a second site updates the one registration; opting out of both unregisters it and gives the permissions back', async () => {
    const { api, scripts, granted, calls } = stubBrowser();
    await optInSite('https://lenta.ru/a', api);
    await syncRegistration(api);
    await optInSite('https://www.gazeta.ru/b', api);
    await syncRegistration(api);
    expect(scripts.get(LIVE_SCRIPT_ID)?.matches).toEqual(['https://gazeta.ru/*', 'https://lenta.ru/*', 'https://www.gazeta.ru/*', 'https://www.lenta.ru/*']);
    expect(calls.filter((c) => c !== 'request')).toEqual(['register', 'update']);
    await optOutSite('lenta.ru', api);
    await syncRegistration(api);
    expect(scripts.get(LIVE_SCRIPT_ID)?.matches).toEqual(['https://gazeta.ru/*', 'https://www.gazeta.ru/*']);
    expect(granted.has('https://lenta.ru/*')).toBe(false);
    await optOutSite('gazeta.ru', api);
    await syncRegistration(api);
    expect(scripts.size).toBe(0);
    expect(granted.size).toBe(0);
  });

  test('a permission the manifest requires cannot be given back, which is not an error for the reader', async () => {
    const { api } = stubBrowser({ required: ['http://127.0.0.1/*'] });
    await optInSite('http://127.0.0.1:5000/x', api);
    await expect(optOutSite('127.0.0.1', api)).resolves.toBeUndefined();
    expect(await loadLiveSites()).toEqual({});
  });

  test('overlapping syncs never register the same id twice', async () => {
    const { api, scripts } = stubBrowser();
    await optInSite('https://lenta.ru/a', api);
    await Promise.all([syncRegistration(api), syncRegistration(api), syncRegistration(api)]);
    expect(scripts.size).toBe(1);
  });
});

describe('a permission withdrawn in the browser', () => {
  test('a listed site without its grant is not opted in, gets no script, and is pruned at start', async () => {
    const { api, granted, scripts } = stubBrowser();
    await optInSite('https://lenta.ru/a', api);
    await optInSite('https://www.gazeta.ru/a', api);
    granted.delete('https://lenta.ru/*');
    expect(await isOptedIn('https://lenta.ru/a', api)).toBe(false);
    await syncRegistration(api);
    expect(scripts.get(LIVE_SCRIPT_ID)?.matches).toEqual(['https://gazeta.ru/*', 'https://www.gazeta.ru/*']);
    await pruneUngranted(api);
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
  });
});

describe('stored list', () => {
  test('garbage in storage reads as the valid entries only', async () => {
    await fakeBrowser.storage.local.set({
      liveSites: {
        'gazeta.ru': { site: 'gazeta.ru', origins: ['https://gazeta.ru/*'], added: '2025-01-01T00:00:00.000Z' },
        'evil.example': { origins: ['<all_urls>'] },
        'broad.example': { origins: ['*://*/*'] },
        'empty.example': { origins: [] },
        'x.example': 'yes',
      },
    });
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
    expect(normalizeLiveSites(['gazeta.ru'])).toEqual({});
    expect(normalizeLiveSites(null)).toEqual({});
  });

  test('the item is versioned from v1: defined on a fresh profile, its first write is stamped', async () => {
    vi.resetModules();
    const fresh = await import('../../utils/live-sites.ts');
    await fresh.liveSitesItem.setValue({});
    expect(await fakeBrowser.storage.local.get('liveSites$')).toEqual({ liveSites$: { v: 1 } });
  });
});
