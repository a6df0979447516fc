/**
 * The UI's own number, plural and date formats (utils/locale-format.ts) against Intl's, for
 * every count the UI can show and every month: they exist only to skip Intl's start-up cost,
 * so they must say exactly what Intl says.
 */
import { describe, expect, test } from 'vitest';
import { formatLongDate, formatNumber, pluralCategory } from '../../utils/locale-format.ts';
import type { Lang } from '../../utils/cleaner/types.ts';

const LANGS: readonly Lang[] = ['en', 'ru'];
const COUNTS = [...Array.from({ length: 1200 }, (_, i) => i), 1_001, 10_000, 12_345, 99_999, 100_000, 1_234_567, 30_000_000, -1, -21, -1234];

describe.each(LANGS)('%s', (lang) => {
  test('plural categories are CLDR’s', () => {
    const rules = new Intl.PluralRules(lang);
    const wrong = COUNTS.filter((n) => pluralCategory(lang, n) !== rules.select(n));
    expect(wrong).toEqual([]);
  });

  test('whole numbers are grouped as Intl groups them', () => {
    const wrong = COUNTS.filter((n) => formatNumber(lang, n) !== n.toLocaleString(lang));
    expect(wrong).toEqual([]);
  });

  test('numbers that are not whole go to Intl', () => {
    expect(formatNumber(lang, 1.5)).toBe((1.5).toLocaleString(lang));
    expect(pluralCategory(lang, 1.5)).toBe(new Intl.PluralRules(lang).select(1.5));
  });

  test('every month of a long date reads as Intl writes it', () => {
    const options = { year: 'numeric', month: 'long', day: 'numeric' } as const;
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 2, 18, 28]) {
        const date = new Date(2019, month, day, 12);
        expect(formatLongDate(lang, date)).toBe(date.toLocaleDateString(lang, options));
      }
    }
    const ancient = new Date(-50, 0, 1);
    expect(formatLongDate(lang, ancient)).toBe(ancient.toLocaleDateString(lang, options));
  });
});
