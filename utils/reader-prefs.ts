/**
 * How the reader likes to read: theme, typeface, text size, line spacing and line width.
 * One small synced item (`sync:readerPrefs`, v1), shared by the popup, the reader tab and
 * the options page, and applied as data attributes on the page's root element, which
 * assets/themes.css turns into colours and sizes. Every setting is one of a few named
 * steps, as in the browsers' own reader modes: a step is easy to reach with the keyboard,
 * every step is tested for contrast, and no value from storage ever reaches CSS unchecked.
 */
import { storage } from '#imports';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['serif', 'sans'] as const;
/** Text size, in percent of the view's base size (17 px in the popup, 19 px in the reader tab). */
export const TEXT_SIZES = [85, 92, 100, 110, 120, 135, 150] as const;
/** Line height of the article text. 1.6 is the base; Firefox's reader uses a similar range. */
export const LINE_HEIGHTS = [1.4, 1.5, 1.6, 1.75, 1.9] as const;
/**
 * Line width of the reader tab, in characters of the article's text: 60–75 characters is
 * the comfortable range in typography manuals; narrower and wider are for taste and
 * screens. The popup is narrower than all of them.
 */
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const;

export type Theme = (typeof THEMES)[number];
export type ReadingFont = (typeof FONTS)[number];
export type TextSize = (typeof TEXT_SIZES)[number];
export type LineHeight = (typeof LINE_HEIGHTS)[number];
export type LineWidth = (typeof LINE_WIDTHS)[number];

export interface ReaderPrefs {
  theme: Theme;
  font: ReadingFont;
  textSize: TextSize;
  lineHeight: LineHeight;
  lineWidth: LineWidth;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { theme: 'system', font: 'serif', textSize: 100, lineHeight: 1.6, lineWidth: 'medium' };

export const readerPrefsItem = storage.defineItem<ReaderPrefs>('sync:readerPrefs', {
  fallback: DEFAULT_READER_PREFS,
  version: 1,
  // Passed even while empty: WXT runs (and version-stamps) nothing without it.
  migrations: {},
});

const pick = <T>(allowed: readonly T[], value: unknown, fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

/** Keeps every valid key and replaces only broken ones with their defaults. */
export function normalizeReaderPrefs(value: unknown): ReaderPrefs {
  const raw = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_READER_PREFS;
  return {
    theme: pick(THEMES, raw.theme, d.theme),
    font: pick(FONTS, raw.font, d.font),
    textSize: pick(TEXT_SIZES, raw.textSize, d.textSize),
    lineHeight: pick(LINE_HEIGHTS, raw.lineHeight, d.lineHeight),
    lineWidth: pick(LINE_WIDTHS, raw.lineWidth, d.lineWidth),
  };
}

export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  return normalizeReaderPrefs(await readerPrefsItem.getValue());
}

export async function saveReaderPrefs(prefs: ReaderPrefs): Promise<void> {
  await readerPrefsItem.setValue(normalizeReaderPrefs(prefs));
}

export function watchReaderPrefs(callback: (prefs: ReaderPrefs) => void): () => void {
  return readerPrefsItem.watch((value) => callback(normalizeReaderPrefs(value)));
}

/**
 * Puts the preferences on a root element as data attributes (themes.css reads them).
 * Attributes, not inline styles: the extension pages' CSP allows no inline style, and
 * a fixed set of selectors is all the styling there is.
 */
export function applyReaderPrefs(root: HTMLElement, prefs: ReaderPrefs): void {
  root.dataset.theme = prefs.theme;
  root.dataset.font = prefs.font;
  root.dataset.textSize = String(prefs.textSize);
  root.dataset.lineHeight = String(prefs.lineHeight).replace('.', '_');
  root.dataset.lineWidth = prefs.lineWidth;
}
