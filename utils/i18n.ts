/**
 * UI strings in English and Russian. The browser's language picks one; anything that is
 * not Russian reads English. Typed, so a key missing in one language fails the build.
 */
import type { CountNoun, Lang } from './cleaner/types.ts';

const en = {
  loading: 'Reading the page…',
  restrictedTitle: "This page can't be read by extensions",
  restrictedBody: 'Browser pages, extension stores, local files and the PDF viewer are closed to extensions. Open a news article and click Declutter again.',
  notReaderableTitle: 'No article on this page',
  notReaderableBody: 'This looks like a front page, a list or an app rather than an article.',
  showAnyway: 'Show anyway',
  tooLargeTitle: 'This page is very large',
  tooLargeBody: 'It has {count} elements. Reading it may take a few seconds.',
  readAnyway: 'Read anyway',
  errorTitle: 'Something went wrong',
  retry: 'Try again',
  openInTab: 'Open in a tab',
  removed: 'Removed: {items}',
  removedNothing: 'Nothing removed',
  links: '{count} links',
  filters: 'Clutter filters',
  filtersHint: 'Turn a filter off to keep what it removes.',
  minutes: '{count} min read',
  noTitle: 'Untitled',
  annotations: 'Banned-organization notes',
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  loading: 'Читаем страницу…',
  restrictedTitle: 'Эту страницу расширения читать не могут',
  restrictedBody: 'Страницы браузера, магазины расширений, локальные файлы и просмотр PDF закрыты для расширений. Откройте новостную статью и нажмите Declutter ещё раз.',
  notReaderableTitle: 'На этой странице нет статьи',
  notReaderableBody: 'Похоже на главную страницу, список или приложение, а не на статью.',
  showAnyway: 'Всё равно показать',
  tooLargeTitle: 'Очень большая страница',
  tooLargeBody: 'На ней {count} элементов. Чтение может занять несколько секунд.',
  readAnyway: 'Всё равно прочитать',
  errorTitle: 'Что-то пошло не так',
  retry: 'Попробовать снова',
  openInTab: 'Открыть во вкладке',
  removed: 'Убрано: {items}',
  removedNothing: 'Ничего не убрано',
  links: 'ссылок: {count}',
  filters: 'Фильтры мусора',
  filtersHint: 'Выключите фильтр, чтобы оставить то, что он убирает.',
  minutes: '{count} мин чтения',
  noTitle: 'Без заголовка',
  annotations: 'Пометки о запрещённых организациях',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { en, ru };

export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** "1 cookie notice", "3 cookie notices", "2 уведомления о cookies", "5 уведомлений о cookies". */
export function countOf(lang: Lang, noun: CountNoun, count: number): string {
  const rule = new Intl.PluralRules(lang).select(count);
  const word =
    lang === 'ru'
      ? rule === 'one' ? noun.ru.one : rule === 'few' ? noun.ru.few : noun.ru.many
      : rule === 'one' ? noun.en.one : noun.en.other;
  return `${count.toLocaleString(lang)} ${word}`;
}
