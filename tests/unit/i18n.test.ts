/**
 * The UI speaks English and Russian. Every string exists in both, says the same things
 * (placeholders), and counted words take the plural form a native reader expects.
 */
import { describe, expect, test } from 'vitest';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { MESSAGES, NOUNS, countOf, pickLang, t, type MessageKey } from '../../utils/i18n.ts';

const keys = Object.keys(MESSAGES.en) as MessageKey[];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('every key in both languages', () => {
  test('the same keys in English and Russian', () => {
    expect(Object.keys(MESSAGES.ru).sort()).toEqual([...keys].sort());
  });

  test.each(keys)('%s is written in both, with the same placeholders', (key) => {
    expect(MESSAGES.en[key].trim()).not.toBe('');
    expect(MESSAGES.ru[key].trim()).not.toBe('');
    expect(placeholders(MESSAGES.ru[key])).toEqual(placeholders(MESSAGES.en[key]));
  });

  test.each(keys)('%s in Russian is Russian (Cyrillic), not a copy of the English', (key) => {
    expect(MESSAGES.ru[key]).not.toBe(MESSAGES.en[key]);
    expect(MESSAGES.ru[key]).toMatch(/[а-яё]/i);
  });
});

describe('t', () => {
  test('fills placeholders and formats numbers for the language', () => {
    expect(t('en', 'minutes', { count: 4 })).toBe('4 min read');
    expect(t('ru', 'minutes', { count: 4 })).toBe('4 мин чтения');
    expect(t('en', 'filtersOn', { on: 3, total: 4 })).toBe('3 of 4 on');
    expect(t('ru', 'original', { host: 'gazeta.ru' })).toBe('Оригинал на gazeta.ru');
    // Russian groups thousands with a (no-break) space, English with a comma.
    expect(t('en', 'tooLargeBody', { count: countOf('en', NOUNS.element, 31000) })).toBe('It has 31,000\u00a0elements. Reading it may take a few seconds.');
    expect(t('ru', 'tooLargeBody', { count: countOf('ru', NOUNS.element, 31000) }).replace(/\s/g, ' ')).toBe(
      'На ней 31 000 элементов. Чтение может занять несколько секунд.',
    );
  });

  test('a missing parameter leaves no braces behind', () => {
    expect(t('en', 'removed')).toBe('Removed: ');
  });
});

describe('countOf: plural forms', () => {
  test('the number and its word never part at a line end', () => {
    expect(countOf('ru', NOUNS.link, 4)).toBe('4\u00a0ссылки');
  });

  test.each([
    [0, '0 links'],
    [1, '1 link'],
    [2, '2 links'],
    [21, '21 links'],
  ])('en %i → %s', (count, text) => {
    expect(countOf('en', NOUNS.link, count)).toBe(text.replace(' ', '\u00a0'));
  });

  test.each([
    [0, '0 ссылок'],
    [1, '1 ссылка'],
    [2, '2 ссылки'],
    [4, '4 ссылки'],
    [5, '5 ссылок'],
    [11, '11 ссылок'],
    [12, '12 ссылок'],
    [14, '14 ссылок'],
    [21, '21 ссылка'],
    [22, '22 ссылки'],
    [25, '25 ссылок'],
    [101, '101 ссылка'],
    [111, '111 ссылок'],
  ])('ru %i → %s', (count, text) => {
    expect(countOf('ru', NOUNS.link, count)).toBe(text.replace(' ', '\u00a0'));
  });

  test.each(FILTERS.map((f) => [f.id, f] as const))('filter %s has every plural form in both languages', (_id, filter) => {
    for (const form of [filter.noun.en.one, filter.noun.en.other, filter.noun.ru.one, filter.noun.ru.few, filter.noun.ru.many]) {
      expect(form.trim()).not.toBe('');
    }
  });
});

describe('pickLang', () => {
  test.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU', 'ru'],
    ['en-US', 'en'],
    ['uk', 'en'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (language, lang) => {
    expect(pickLang(language)).toBe(lang);
  });
});
