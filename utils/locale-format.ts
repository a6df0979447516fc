/**
 * Whole numbers, plural forms and long dates in the UI's two languages, written out rather
 * than asked of Intl. The first Intl call in a fresh extension process loads the locale's
 * data: 22-60 ms measured in Chromium 156 (the popup's first paint takes about 350 ms cold),
 * and the reader's usual click opens such a process, since the browser ends an idle
 * extension's. Two languages' rules are a few lines; tests/unit/locale-format.test.ts holds
 * them equal to Intl's output, so they cannot drift from it.
 */
import type { Lang } from './cleaner/types.ts';

export type PluralCategory = 'one' | 'few' | 'many' | 'other';

/** CLDR's cardinal rules for whole numbers: English one/other, Russian one/few/many. */
export function pluralCategory(lang: Lang, count: number): PluralCategory {
  if (!Number.isInteger(count)) return new Intl.PluralRules(lang).select(count) as PluralCategory;
  const n = Math.abs(count);
  if (lang === 'en') return n === 1 ? 'one' : 'other';
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

const GROUP_SEPARATOR: Record<Lang, string> = { en: ',', ru: '\u00a0' };

/** "1,234" and «1 234» (a no-break space); anything but a safe whole number goes to Intl. */
export function formatNumber(lang: Lang, value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString(lang);
  const digits = String(Math.abs(value));
  // eslint-disable-next-line redos/no-vulnerable -- the digits of one safe integer, at most 16
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, GROUP_SEPARATOR[lang]);
  return value < 0 ? `-${grouped}` : grouped;
}

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  // The genitive, as a day of the month takes it: «18 ноября».
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};

/** "November 18, 2019" and «18 ноября 2019 г.», in the reader's time zone. */
export function formatLongDate(lang: Lang, date: Date): string {
  const day = date.getDate();
  const month = MONTHS[lang][date.getMonth()];
  const year = date.getFullYear();
  if (year < 1000 || year > 9999) return date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
  return lang === 'ru' ? `${day} ${month} ${year} г.` : `${month} ${day}, ${year}`;
}
