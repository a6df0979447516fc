/**
 * Reader preferences: read from raw seeded storage (the item is v1), every broken key falls
 * back alone, and every step a control offers has its rule in assets/themes.css, so no
 * choice in the UI can silently do nothing.
 */
// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { applyReaderPrefs, DEFAULT_READER_PREFS, FONTS, LINE_HEIGHTS, LINE_WIDTHS, normalizeReaderPrefs, TEXT_SIZES, THEMES } from '../../utils/reader-prefs.ts';

const THEMES_CSS = readFileSync(resolve(import.meta.dirname, '../../assets/themes.css'), 'utf8');

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

const boot = () => import('../../utils/reader-prefs.ts');

describe('stored preferences', () => {
  test('a fresh profile reads the defaults (theme follows the system) and writes nothing', async () => {
    const { loadReaderPrefs } = await boot();
    expect(await loadReaderPrefs()).toEqual(DEFAULT_READER_PREFS);
    expect(DEFAULT_READER_PREFS.theme).toBe('system');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test('a save is stamped v1 and read back', async () => {
    const { saveReaderPrefs, loadReaderPrefs } = await boot();
    const prefs = { theme: 'sepia', font: 'sans', textSize: 120, lineHeight: 1.75, lineWidth: 'narrow' } as const;
    await saveReaderPrefs(prefs);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ readerPrefs: prefs, readerPrefs$: { v: 1 } });
    expect(await loadReaderPrefs()).toEqual(prefs);
  });

  test('garbage keeps every valid key and replaces only the broken ones', async () => {
    await fakeBrowser.storage.sync.set({ readerPrefs: { theme: 'dark', font: 'comic', textSize: 1000, lineHeight: '1.6', lineWidth: 'wide', extra: 1 }, readerPrefs$: { v: 1 } });
    const { loadReaderPrefs } = await boot();
    expect(await loadReaderPrefs()).toEqual({ ...DEFAULT_READER_PREFS, theme: 'dark', lineWidth: 'wide' });
  });

  test.each([null, 'dark', 42, [], { theme: null }])('%j reads as the defaults', (value) => {
    expect(normalizeReaderPrefs(value)).toEqual(DEFAULT_READER_PREFS);
  });

  test('a change in one page reaches a watcher in another', async () => {
    const { watchReaderPrefs, saveReaderPrefs } = await boot();
    const seen = vi.fn();
    watchReaderPrefs(seen);
    await saveReaderPrefs({ ...DEFAULT_READER_PREFS, theme: 'dark' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...DEFAULT_READER_PREFS, theme: 'dark' }));
  });
});

describe('applied to the page', () => {
  test('as data attributes on the root', () => {
    const root = document.createElement('html');
    applyReaderPrefs(root, { theme: 'sepia', font: 'sans', textSize: 135, lineHeight: 1.75, lineWidth: 'wide' });
    expect({ ...root.dataset }).toEqual({ theme: 'sepia', font: 'sans', textSize: '135', lineHeight: '1_75', lineWidth: 'wide' });
  });

  test('every step has its rule in themes.css (the default step is the base value)', () => {
    for (const theme of THEMES.filter((v) => v !== 'system')) expect(THEMES_CSS).toContain(`:root[data-theme='${theme}']`);
    for (const font of FONTS.filter((v) => v !== DEFAULT_READER_PREFS.font)) expect(THEMES_CSS).toContain(`:root[data-font='${font}']`);
    for (const size of TEXT_SIZES.filter((v) => v !== DEFAULT_READER_PREFS.textSize)) {
      expect(THEMES_CSS).toContain(`:root[data-text-size='${size}'] { --text-scale: ${size / 100}; }`);
    }
    for (const leading of LINE_HEIGHTS.filter((v) => v !== DEFAULT_READER_PREFS.lineHeight)) {
      expect(THEMES_CSS).toContain(`:root[data-line-height='${String(leading).replace('.', '_')}'] { --leading: ${leading}; }`);
    }
    for (const width of LINE_WIDTHS.filter((v) => v !== DEFAULT_READER_PREFS.lineWidth)) expect(THEMES_CSS).toContain(`:root[data-line-width='${width}']`);
    expect(THEMES_CSS).toContain(`--leading: ${DEFAULT_READER_PREFS.lineHeight};`);
  });
});
