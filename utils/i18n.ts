/**
 * UI strings in English and Russian. The browser's language picks one; anything that is
 * not Russian reads English. Typed, so a key missing in one language fails the build.
 * Counted words go through `countOf`, because Russian has three plural forms and
 * "{count} items" cannot be written once for every number.
 */
import type { CountNoun, Lang } from './cleaner/types.ts';

const en = {
  loading: 'Reading the page…',
  restrictedTitle: "This page can't be read by extensions",
  restrictedBody: 'Browser pages, extension stores and local files are closed to extensions. Open a news article and click Declutter again.',
  pdfBody: 'PDF files open in the browser’s own viewer, which extensions cannot read.',
  noAccessTitle: 'Declutter can’t read this page yet',
  noAccessBody: 'The browser lets an extension read a page only after you click its button. Go to the page and click Declutter in the toolbar.',
  notReaderableTitle: 'No article on this page',
  notReaderableBody: 'This looks like a front page, a list or an app rather than an article.',
  showAnyway: 'Show anyway',
  noArticleTitle: 'No article text found',
  noArticleBody: 'Even read as a whole, this page has no text that looks like an article.',
  tooLargeTitle: 'This page is very large',
  tooLargeBody: 'It has {count}. Reading it may take a few seconds.',
  readAnyway: 'Read anyway',
  errorTitle: 'Something went wrong',
  errorBody: 'Declutter could not read this page. Reload the page and try again.',
  tabGone: 'The tab with the article was closed or moved to another page.',
  errorPage: 'The tab shows the browser’s error page, not the article.',
  retry: 'Try again',
  openInTab: 'Open in a tab',
  removed: 'Removed: {items}',
  removedNothing: 'Nothing to remove',
  removedFilterOff: 'off',
  filters: 'Filters',
  filtersTitle: 'What to remove',
  filtersHint: 'Turn a filter off to keep what it removes. Changes apply at once and on every site.',
  filtersOn: '{on} of {total} on',
  minutes: '{count} min read',
  noTitle: 'Untitled',
  original: 'Original on {host}',
  annotations: 'Banned-organization notes',
  annotationsDescription: 'Explains the marks Russian media must put on organizations banned or labelled in Russia.',
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  loading: 'Читаем страницу…',
  restrictedTitle: 'Эту страницу расширения читать не могут',
  restrictedBody: 'Страницы браузера, магазины расширений и локальные файлы закрыты для расширений. Откройте новостную статью и нажмите Declutter ещё раз.',
  pdfBody: 'PDF-файлы открываются во встроенном просмотрщике браузера, а его расширения читать не могут.',
  noAccessTitle: 'Declutter пока не может прочитать эту страницу',
  noAccessBody: 'Браузер разрешает расширению читать страницу только после нажатия на его кнопку. Перейдите на страницу и нажмите Declutter на панели инструментов.',
  notReaderableTitle: 'На этой странице нет статьи',
  notReaderableBody: 'Похоже на главную страницу, список или приложение, а не на статью.',
  showAnyway: 'Всё равно показать',
  noArticleTitle: 'Текст статьи не найден',
  noArticleBody: 'Даже целиком на этой странице нет текста, похожего на статью.',
  tooLargeTitle: 'Очень большая страница',
  tooLargeBody: 'На ней {count}. Чтение может занять несколько секунд.',
  readAnyway: 'Всё равно прочитать',
  errorTitle: 'Что-то пошло не так',
  errorBody: 'Declutter не смог прочитать страницу. Обновите её и попробуйте ещё раз.',
  tabGone: 'Вкладку со статьёй закрыли или открыли в ней другую страницу.',
  errorPage: 'Во вкладке страница ошибки браузера, а не статья.',
  retry: 'Попробовать снова',
  openInTab: 'Открыть во вкладке',
  removed: 'Убрано: {items}',
  removedNothing: 'Убирать нечего',
  removedFilterOff: 'выкл.',
  filters: 'Фильтры',
  filtersTitle: 'Что убирать',
  filtersHint: 'Выключите фильтр, чтобы оставить то, что он убирает. Изменения действуют сразу и на всех сайтах.',
  filtersOn: 'включено {on} из {total}',
  minutes: '{count} мин чтения',
  noTitle: 'Без заголовка',
  original: 'Оригинал на {host}',
  annotations: 'Пометки о запрещённых организациях',
  annotationsDescription: 'Поясняет пометки, которые российские СМИ ставят у запрещённых и «иноагентских» организаций.',
};

export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ru };

/** Nouns the UI counts itself; filters bring their own. */
export const NOUNS = {
  link: { en: { one: 'link', other: 'links' }, ru: { one: 'ссылка', few: 'ссылки', many: 'ссылок' } },
  element: { en: { one: 'element', other: 'elements' }, ru: { one: 'элемент', few: 'элемента', many: 'элементов' } },
} as const satisfies Record<string, CountNoun>;

export function pickLang(language: string | undefined): Lang {
  return language?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return typeof value === 'number' ? value.toLocaleString(lang) : (value ?? '');
  });
}

/**
 * "1 cookie notice", "3 cookie notices", "2 уведомления о cookies", "5 уведомлений о cookies".
 * A no-break space holds the number to its word: a line never ends in a bare "(4".
 */
export function countOf(lang: Lang, noun: CountNoun, count: number): string {
  const rule = new Intl.PluralRules(lang).select(count);
  const word =
    lang === 'ru'
      ? rule === 'one' ? noun.ru.one : rule === 'few' ? noun.ru.few : noun.ru.many
      : rule === 'one' ? noun.en.one : noun.en.other;
  return `${count.toLocaleString(lang)}\u00a0${word}`;
}
