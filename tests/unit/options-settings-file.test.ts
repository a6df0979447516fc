/**
 * The settings file: what export writes reads back as the same settings, and every file
 * that is not exactly ours is refused with its reason before anything could be written.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { exportSettingsFile, MAX_SETTINGS_FILE_BYTES, parseSettingsFile, readSettingsFile } from '../../entrypoints/options/settings-file.ts';
import { FILTER_IDS } from '../../utils/cleaner/detect/filters/index.ts';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '../../utils/reader-prefs.ts';
import type { Settings } from '../../utils/settings.ts';

const [FIRST, SECOND] = FILTER_IDS as [string, string, ...string[]];
const settings = { filters: { [FIRST]: false }, sites: { 'gazeta.ru': { [SECOND]: false } }, annotations: false } as Settings;
const prefs: ReaderPrefs = { theme: 'dark', font: 'sans', textSize: 120, lineHeight: 1.75, lineWidth: 'wide' };
const sites = [{ site: 'gazeta.ru', origins: ['https://gazeta.ru/*', 'https://www.gazeta.ru/*'], added: '2025-03-01T00:00:00.000Z' }];
const file = (patch: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(exportSettingsFile(settings, prefs, sites)), ...patch });

describe('round trip', () => {
  test('an exported file imports as the same settings', () => {
    const text = exportSettingsFile(settings, prefs, sites, new Date('2025-03-02T10:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'declutter-settings', version: 1, exported: '2025-03-02T10:00:00.000Z' });
    expect(parseSettingsFile(text)).toEqual({
      ok: true,
      value: {
        settings: { filters: settings.filters, annotations: false },
        siteRules: settings.sites,
        readerPrefs: prefs,
        liveSites: [{ site: 'gazeta.ru', origins: sites[0]!.origins }],
      },
    });
  });

  test('a section left out stays as it is; a filter id this build lacks is skipped', () => {
    const text = JSON.stringify({ format: 'declutter-settings', version: 1, settings: { filters: { [FIRST]: true, 'future-filter': false }, annotations: true } });
    expect(parseSettingsFile(text)).toEqual({ ok: true, value: { settings: { filters: { [FIRST]: true }, annotations: true }, siteRules: null, readerPrefs: null, liveSites: null } });
  });

  test('any valid reader prefs round-trip', () => {
    fc.assert(
      fc.property(
        fc.record({
          theme: fc.constantFrom('system', 'light', 'sepia', 'dark'),
          font: fc.constantFrom('serif', 'sans'),
          textSize: fc.constantFrom(85, 92, 100, 110, 120, 135, 150),
          lineHeight: fc.constantFrom(1.4, 1.5, 1.6, 1.75, 1.9),
          lineWidth: fc.constantFrom('narrow', 'medium', 'wide'),
        }),
        (p) => {
          const parsed = parseSettingsFile(exportSettingsFile(settings, p as ReaderPrefs, []));
          return parsed.ok && JSON.stringify(parsed.value.readerPrefs) === JSON.stringify(p);
        },
      ),
    );
  });
});

describe('refused files', () => {
  test.each([
    ['text that is not JSON', 'theme=dark', { kind: 'json' }],
    ['an empty file', '', { kind: 'json' }],
    ['a JSON array', '[1,2]', { kind: 'foreign' }],
    ['another program’s settings', JSON.stringify({ name: 'x', settings: {} }), { kind: 'foreign' }],
    ['a newer format', file({ version: 2 }), { kind: 'version', version: 2 }],
    ['a version that is not a number', file({ version: '1' }), { kind: 'invalid', field: 'version' }],
    ['a switch that is not a boolean', file({ settings: { filters: { [FIRST]: 'off' }, annotations: true } }), { kind: 'invalid', field: `settings.filters.${FIRST}` }],
    ['no annotations value', file({ settings: { filters: {} } }), { kind: 'invalid', field: 'settings.annotations' }],
    ['an unknown theme', file({ readerPrefs: { ...DEFAULT_READER_PREFS, theme: 'neon' } }), { kind: 'invalid', field: 'readerPrefs.theme' }],
    ['a text size between steps', file({ readerPrefs: { ...DEFAULT_READER_PREFS, textSize: 101 } }), { kind: 'invalid', field: 'readerPrefs.textSize' }],
    ['a site that is not a host name', file({ siteRules: { 'javascript:alert(1)': { [FIRST]: false } } }), { kind: 'invalid', field: 'siteRules' }],
    ['a live site asking for every site', file({ liveSites: [{ site: 'x.example', origins: ['<all_urls>'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site with a wildcard host', file({ liveSites: [{ site: 'x.example', origins: ['https://*/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site whose origins are another host’s', file({ liveSites: [{ site: 'innocent.example', origins: ['http://127.0.0.1/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site with its own origin and another host’s', file({ liveSites: [{ site: 'innocent.example', origins: ['https://innocent.example/*', 'https://evil.example/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site’s www twin alone', file({ liveSites: [{ site: 'innocent.example', origins: ['https://www.innocent.example/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site with two schemes', file({ liveSites: [{ site: 'innocent.example', origins: ['https://innocent.example/*', 'http://innocent.example/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['a live site on a sub-domain of its name', file({ liveSites: [{ site: 'innocent.example', origins: ['https://innocent.example/*', 'https://a.innocent.example/*'] }] }), { kind: 'invalid', field: 'liveSites.0.origins' }],
    ['live sites that are not a list', file({ liveSites: { 'gazeta.ru': true } }), { kind: 'invalid', field: 'liveSites' }],
  ])('%s', (_what, text, error) => {
    expect(parseSettingsFile(text)).toEqual({ ok: false, error });
  });

  test.each([
    [['https://gazeta.ru/*']],
    [['https://gazeta.ru/*', 'https://www.gazeta.ru/*']],
    [['http://127.0.0.1/*']],
  ])('a live site’s own origins %j come back as they were', (origins) => {
    const site = new URL(origins[0]!.replace('/*', '/')).hostname;
    const parsed = parseSettingsFile(file({ liveSites: [{ site, origins }] }));
    expect(parsed.ok && parsed.value.liveSites).toEqual([{ site, origins }]);
  });

  test('a picked file over the size cap is refused without being read', async () => {
    const text = vi.fn(async () => '{}');
    expect(await readSettingsFile({ size: MAX_SETTINGS_FILE_BYTES + 1, text })).toEqual({ ok: false, error: { kind: 'too-large' } });
    expect(text).not.toHaveBeenCalled();
  });

  test('a file over the size cap is refused before it is parsed', () => {
    expect(parseSettingsFile(' '.repeat(MAX_SETTINGS_FILE_BYTES + 1))).toEqual({ ok: false, error: { kind: 'too-large' } });
  });

  test('"__proto__" in a file pollutes nothing', () => {
    const parsed = parseSettingsFile('{"format":"declutter-settings","version":1,"siteRules":{"__proto__":{"navigation":false}}}');
    expect(parsed.ok).toBe(false);
    expect(({} as Record<string, unknown>).navigation).toBeUndefined();
  });
});
