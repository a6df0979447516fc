// @vitest-environment jsdom
/**
 * The options page's model against WXT's fake browser: an import applies whole or not at
 * all, brings back opted-in sites only where the browser still grants them, and a reset
 * keeps the sites (each one a grant the reader made).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createOptionsModel } from '../../entrypoints/options/model.ts';
import { exportSettingsFile } from '../../entrypoints/options/settings-file.ts';
import { liveSitesItem, loadLiveSites } from '../../utils/live-sites.ts';
import { DEFAULT_READER_PREFS, loadReaderPrefs } from '../../utils/reader-prefs.ts';
import { DEFAULT_SETTINGS, loadSettings } from '../../utils/settings.ts';

let granted: Set<string>;

const raw = async () => ({ sync: await fakeBrowser.storage.sync.get(null), local: await fakeBrowser.storage.local.get(null) });

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  granted = new Set(['https://gazeta.ru/*', 'https://www.gazeta.ru/*']);
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async (p: { origins: string[] }) => p.origins.every((o) => granted.has(o))),
    remove: vi.fn(async () => true),
    onAdded: { addListener: vi.fn() },
    onRemoved: { addListener: vi.fn() },
  });
  fakeBrowser.commands.getAll = vi.fn(async () => [{ name: 'open-reader', shortcut: 'Alt+Shift+R' }]) as never;
});

/** A picked file, as the file input hands it over. */
const picked = (text: string) => new Blob([text], { type: 'application/json' });

const file = () =>
  exportSettingsFile(
    { filters: { navigation: false }, sites: { 'lenta.ru': { 'promo-links': false } }, annotations: false },
    { ...DEFAULT_READER_PREFS, theme: 'sepia' },
    [
      { site: 'gazeta.ru', origins: ['https://gazeta.ru/*', 'https://www.gazeta.ru/*'], added: '2025-01-01T00:00:00.000Z' },
      { site: 'lenta.ru', origins: ['https://lenta.ru/*', 'https://www.lenta.ru/*'], added: '2025-01-02T00:00:00.000Z' },
    ],
  );

describe('import', () => {
  test('applies every part; sites come back only with their grant, the others are named', async () => {
    const model = createOptionsModel();
    await model.actions.start();
    await model.actions.importFile(picked(file()));
    expect(await loadSettings()).toEqual({ filters: { navigation: false }, sites: { 'lenta.ru': { 'promo-links': false } }, annotations: false });
    expect((await loadReaderPrefs()).theme).toBe('sepia');
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
    expect(model.notice.value).toEqual({ kind: 'imported', needAccess: ['lenta.ru'] });
    expect(model.sites.value.map((s) => [s.site, s.granted])).toEqual([['gazeta.ru', true]]);
    expect(model.shortcut.value).toBe('Alt+Shift+R');
  });

  test('a broken file writes nothing and says why', async () => {
    const model = createOptionsModel();
    await model.actions.start();
    await model.actions.toggleAnnotations(false);
    const before = await raw();
    await model.actions.importFile(picked(file().replace('"sepia"', '"neon"')));
    expect(model.notice.value).toEqual({ kind: 'import-error', error: { kind: 'invalid', field: 'readerPrefs.theme' } });
    expect(await raw()).toEqual(before);
  });

  test('a site’s origins come from its name: a file naming a granted host under another site restores nothing', async () => {
    granted.add('http://127.0.0.1/*');
    const model = createOptionsModel();
    await model.actions.start();
    const before = await raw();
    const hostile = JSON.parse(file()) as { liveSites: unknown };
    hostile.liveSites = [{ site: 'innocent.example', origins: ['http://127.0.0.1/*'] }];
    await model.actions.importFile(picked(JSON.stringify(hostile)));
    expect(model.notice.value).toEqual({ kind: 'import-error', error: { kind: 'invalid', field: 'liveSites.0.origins' } });
    expect(await raw()).toEqual(before);
  });
});

describe('reset', () => {
  test('settings, site rules and reading prefs go back to defaults; the opted-in sites stay', async () => {
    await liveSitesItem.setValue({ 'gazeta.ru': { site: 'gazeta.ru', origins: ['https://gazeta.ru/*', 'https://www.gazeta.ru/*'], added: '2025-01-01T00:00:00.000Z' } });
    const model = createOptionsModel();
    await model.actions.start();
    await model.actions.importFile(picked(file()));
    await model.actions.resetAll();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadReaderPrefs()).toEqual(DEFAULT_READER_PREFS);
    expect(Object.keys(await loadLiveSites())).toEqual(['gazeta.ru']);
    expect(model.notice.value).toEqual({ kind: 'reset' });
  });

  test('a site whose access was withdrawn in the browser is listed as such, and removing it gives the permission back', async () => {
    await liveSitesItem.setValue({ 'lenta.ru': { site: 'lenta.ru', origins: ['https://lenta.ru/*'], added: '2025-01-01T00:00:00.000Z' } });
    const model = createOptionsModel();
    await model.actions.start();
    expect(model.sites.value).toEqual([expect.objectContaining({ site: 'lenta.ru', granted: false })]);
    await model.actions.removeSite('lenta.ru');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://lenta.ru/*'] });
    expect(model.sites.value).toEqual([]);
  });
});
