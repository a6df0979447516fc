/**
 * Settings from raw seeded storage. WXT runs an item's migrations when the item is defined,
 * that is when utils/settings.ts is imported, so every test seeds `browser.storage` first and
 * imports the module afresh afterwards, exactly as an updated extension meets a profile.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FILTER_IDS } from '../../utils/cleaner/detect/filters/index.ts';

type SettingsModule = typeof import('../../utils/settings.ts');

const [FIRST, SECOND] = FILTER_IDS as [string, string, ...string[]];

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function seed(sync: Record<string, unknown>, local: Record<string, unknown> = {}): Promise<void> {
  await fakeBrowser.storage.sync.set(sync);
  await fakeBrowser.storage.local.set(local);
}

async function boot(): Promise<SettingsModule> {
  return import('../../utils/settings.ts');
}

const rawSync = () => fakeBrowser.storage.sync.get(null);
const rawLocal = () => fakeBrowser.storage.local.get(null);

describe('a fresh profile', () => {
  test('reads the defaults and writes nothing until the reader changes something', async () => {
    const { loadSettings, DEFAULT_SETTINGS } = await boot();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await rawSync()).toEqual({});
    expect(await rawLocal()).toEqual({});
  });

  test('the first save stamps both stored shapes with their current versions', async () => {
    const { saveSettings } = await boot();
    await saveSettings({ filters: { [FIRST]: false }, sites: { 'news.example': { [SECOND]: true } }, annotations: false } as never);
    expect(await rawSync()).toEqual({ settings: { filters: { [FIRST]: false }, annotations: false }, settings$: { v: 2 } });
    expect(await rawLocal()).toEqual({ siteRules: { 'news.example': { [SECOND]: true } }, siteRules$: { v: 1 } });
  });
});

describe('migration v1 → v2: site rules leave storage.sync', () => {
  const v1 = { filters: { [FIRST]: false }, sites: { 'lenta.ru': { [SECOND]: false }, 'gazeta.ru': { [FIRST]: true } }, annotations: false };

  test.each([
    ['with version metadata', { settings: v1, 'settings$': { v: 1 } }],
    ['without version metadata (missing means v1)', { settings: v1 }],
  ])('%s', async (_, sync) => {
    await seed(sync);
    const { loadSettings } = await boot();
    expect(await loadSettings()).toEqual(v1);
    expect(await rawSync()).toEqual({ settings: { filters: { [FIRST]: false }, annotations: false }, settings$: { v: 2 } });
    expect((await rawLocal()).siteRules).toEqual(v1.sites);
  });

  test('rules already in storage.local are newer and win over the moved ones; the rest are merged', async () => {
    await seed(
      { settings: v1, settings$: { v: 1 } },
      { siteRules: { 'lenta.ru': { [SECOND]: true } } },
    );
    const { loadSettings } = await boot();
    expect((await loadSettings()).sites).toEqual({ 'lenta.ru': { [SECOND]: true }, 'gazeta.ru': { [FIRST]: true } });
  });

  test('two contexts migrating at once (popup and background) end with the same data', async () => {
    await seed({ settings: v1, settings$: { v: 1 } });
    const first = await boot();
    vi.resetModules();
    const second = await boot();
    const [a, b] = await Promise.all([first.loadSettings(), second.loadSettings()]);
    expect(a).toEqual(v1);
    expect(b).toEqual(v1);
    expect((await rawLocal()).siteRules).toEqual(v1.sites);
  });

  test('the migration never throws, whatever v1 holds', async () => {
    const { migrateSettingsV1toV2 } = await boot();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const migrated = await migrateSettingsV1toV2(value);
        if (migrated && typeof migrated === 'object' && !Array.isArray(migrated)) expect(Object.hasOwn(migrated, 'sites')).toBe(false);
        else expect(migrated).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });
});

describe('garbage in storage', () => {
  test('broken keys fall back one by one; valid keys and unrelated keys survive', async () => {
    await seed(
      {
        settings: { filters: { [FIRST]: false, 'no-such-filter': true, [SECOND]: 'yes' }, annotations: 'on', extra: [1, 2] },
        settings$: { v: 2 },
        unrelated: 'kept',
      },
      { siteRules: { 'ok.example': { [FIRST]: true }, 'bad.example': 'garbage', '': { [FIRST]: false }, ['x'.repeat(300)]: { [FIRST]: false } } },
    );
    const { loadSettings } = await boot();
    expect(await loadSettings()).toEqual({ filters: { [FIRST]: false }, sites: { 'ok.example': { [FIRST]: true } }, annotations: true });
    // Reading repairs nothing in place: the raw values are still there for a fixed build.
    expect((await rawSync()).unrelated).toBe('kept');
    expect(((await rawSync()).settings as { extra: unknown }).extra).toEqual([1, 2]);
  });

  test.each([['a string', 'garbage'], ['a number', 42], ['an array', [1, 2]], ['null', null], ['true', true]])(
    'a whole item that is %s reads as defaults, and saving replaces it',
    async (_, garbage) => {
      await seed({ settings: garbage, settings$: { v: 1 } }, { siteRules: garbage });
      const { loadSettings, saveSettings, DEFAULT_SETTINGS } = await boot();
      expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
      await saveSettings({ ...DEFAULT_SETTINGS, annotations: false });
      expect((await loadSettings()).annotations).toBe(false);
    },
  );

  test('a version from a newer build (a downgrade) is logged, not fatal, and its valid keys are used', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await seed({ settings: { filters: { [FIRST]: false }, annotations: false, futureField: 1 }, settings$: { v: 9 } });
    const { loadSettings } = await boot();
    expect(await loadSettings()).toEqual({ filters: { [FIRST]: false }, sites: {}, annotations: false });
    expect(error.mock.calls.flat().join(' ')).toMatch(/Migration failed for sync:settings/);
    expect((await rawSync()).settings$).toEqual({ v: 9 });
  });

  test('if the migration never ran (it failed), site rules still read from the old shape', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await seed({ settings: { filters: {}, sites: { 'a.example': { [FIRST]: false } }, annotations: true }, settings$: { v: 5 } });
    const { loadSettings } = await boot();
    expect((await loadSettings()).sites).toEqual({ 'a.example': { [FIRST]: false } });
  });
});

describe('quota', () => {
  test('the largest possible sync item stays well under storage.sync\'s 8 KB per item', async () => {
    const { saveSettings, SYNC_QUOTA_BYTES_PER_ITEM } = await boot();
    const everything = Object.fromEntries(FILTER_IDS.map((id) => [id, false]));
    const sites = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`site-${i}.example.com`, everything]));
    await saveSettings({ filters: everything, sites, annotations: false } as never);
    const sync = await rawSync();
    for (const [key, value] of Object.entries(sync)) {
      // Chromium counts an item as its key plus its JSON.
      expect(key.length + JSON.stringify(value).length).toBeLessThan(SYNC_QUOTA_BYTES_PER_ITEM / 4);
    }
    expect(Object.keys((await rawLocal()).siteRules as object)).toHaveLength(2000);
  });

  test('every filter the registry can ever hold fits: the sync item grows with filters, not with sites', async () => {
    const { SYNC_QUOTA_BYTES_PER_ITEM } = await boot();
    const perFilter = Math.max(...FILTER_IDS.map((id) => JSON.stringify({ [id]: false }).length));
    // Room for 40 filters of today's longest id length, four times over.
    expect(JSON.stringify({ filters: {}, annotations: false }).length + 40 * perFilter * 4).toBeLessThan(SYNC_QUOTA_BYTES_PER_ITEM);
  });
});

describe('the single-item view the popup uses', () => {
  test('watch reports a change made by another context, as one whole value', async () => {
    const { settingsItem } = await boot();
    const seen = vi.fn();
    const unwatch = settingsItem.watch(seen);
    await fakeBrowser.storage.local.set({ siteRules: { 'other.example': { [FIRST]: false } } });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ filters: {}, sites: { 'other.example': { [FIRST]: false } }, annotations: true }));
    unwatch();
  });

  test('setValue then getValue round-trips, cleaning what it stores', async () => {
    const { settingsItem } = await boot();
    await settingsItem.setValue({ filters: { [FIRST]: true, bogus: true }, sites: { 'a.example': {} }, annotations: false } as never);
    expect(await settingsItem.getValue()).toEqual({ filters: { [FIRST]: true }, sites: {}, annotations: false });
  });
});
