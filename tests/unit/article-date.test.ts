/** The article's date as the popup shows it: the page's day in the reader's language. */
import { afterEach, expect, test } from 'vitest';
import { formatDate } from '../../components/ArticleView.tsx';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

test('a date without a time is the page\'s day for a reader west of Greenwich too', () => {
  process.env.TZ = 'America/Los_Angeles';
  expect(formatDate('2018-08-27', 'en')?.text).toBe('August 27, 2018');
  expect(formatDate('2018-08-27', 'ru')?.text).toBe('27 августа 2018 г.');
});

test('a dateline without an offset is read as the time it shows, a timestamp with one in the reader\'s zone', () => {
  process.env.TZ = 'Europe/Moscow';
  expect(formatDate('2018-08-27T18:34', 'ru')?.text).toBe('27 августа 2018 г.');
  expect(formatDate('2018-08-22T21:02:00Z', 'ru')?.text).toBe('23 августа 2018 г.');
  expect(formatDate('Frühjahr', 'ru')).toEqual({ text: 'Frühjahr', iso: undefined });
});
