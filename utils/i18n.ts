/**
 * UI strings in English and Russian. The browser's language picks one; anything that is
 * not Russian reads English. Typed, so a key missing in one language fails the build.
 * Counted words go through `countOf`, because Russian has three plural forms and
 * "{count} items" cannot be written once for every number.
 */
import type { CountNoun, Lang } from './cleaner/types.ts';
import { formatNumber, pluralCategory } from './locale-format.ts';
import { TOOLS_EN, TOOLS_RU } from './i18n-tools.ts';

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
  tooSlow: 'Cleaning this page took longer than {seconds} seconds, so Declutter stopped. The page itself is unchanged.',
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
  // Live cleaning (components/LivePanel.tsx)
  liveTitle: 'On the page itself',
  liveHidden: '{count} hidden on the page',
  liveNothing: 'Nothing to hide on this page',
  liveOff: 'The page is shown as is',
  cleanPage: 'Clean this page',
  showAll: 'Show everything on this page',
  liveUnavailable: 'This page cannot be cleaned.',
  autoSite: 'Clean this site automatically',
  autoSiteDescription: 'Hides clutter on {site} each time you open it. The browser asks once for access to this site.',
  autoSiteDenied: 'The browser did not give access to {site}.',
  siteFilters: 'Filters on {site}',
  siteFiltersHint: 'A site can keep a filter on or off whatever the default.',
  siteDefault: 'As elsewhere',
  siteOn: 'On',
  siteOff: 'Off',
  siteDiffers: 'Differs from the default: {count}',
  siteDiffersOne: 'differs from the default',
  siteReset: 'Reset this site',
  allSettings: 'All settings',
  // Reading comfort (components/ReaderSettings.tsx)
  textSettings: 'Text',
  textSettingsTitle: 'Text and theme',
  theme: 'Theme',
  themeSystem: 'As the system',
  themeLight: 'Light',
  themeSepia: 'Sepia',
  themeDark: 'Dark',
  font: 'Typeface',
  fontSerif: 'Serif',
  fontSans: 'Sans',
  textSize: 'Text size',
  lineHeight: 'Line spacing',
  lineWidth: 'Line width (reader tab)',
  widthNarrow: 'Narrow',
  widthMedium: 'Medium',
  widthWide: 'Wide',
  // Options page (components/Options*.tsx)
  optionsTitle: 'Declutter settings',
  optionsFilters: 'Default filters',
  optionsFiltersHint: 'What Declutter removes in the reader and hides on cleaned pages, on every site without a rule of its own.',
  optionsSites: 'Sites cleaned automatically',
  optionsSitesHint: 'Removing a site also gives its access permission back to the browser.',
  optionsSitesEmpty: 'No sites yet. On a site you read often, turn on “Clean this site automatically” in the Declutter popup.',
  optionsSiteSince: 'since {date}',
  optionsSiteNoAccess: 'access withdrawn in the browser',
  remove: 'Remove',
  removeSite: 'Remove {site}',
  optionsSiteRules: 'Sites with filters of their own',
  optionsSiteRulesEmpty: 'No site has filters of its own.',
  resetSiteNamed: 'Reset {site}',
  optionsReading: 'Reading',
  shortcutTitle: 'Keyboard shortcut',
  shortcutBody: 'Open the reader tab for the current page: {keys}',
  shortcutNone: 'not set',
  shortcutChange: 'Change shortcut',
  optionsData: 'Back up and reset',
  exportSettings: 'Export settings',
  importSettings: 'Import settings…',
  importDone: 'Settings imported.',
  importSitesNeedAccess: 'These sites need access again (turn them on in the popup): {sites}',
  importErrorJson: 'This file is not a JSON file. Nothing was changed.',
  importErrorForeign: 'This is not a Declutter settings file. Nothing was changed.',
  importErrorVersion: 'This file comes from a newer Declutter (format {version}). Nothing was changed.',
  importErrorInvalid: 'The file has an invalid value in “{field}”. Nothing was changed.',
  importErrorTooLarge: 'The file is too large to be a settings file. Nothing was changed.',
  resetSettings: 'Reset to defaults',
  resetHint: 'Filters, site rules, notes and text settings go back to their defaults. Sites cleaned automatically stay.',
  resetConfirm: 'Reset all settings?',
  resetConfirmYes: 'Reset',
  cancel: 'Cancel',
  resetDone: 'Settings are back to their defaults.',
  ...TOOLS_EN,
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
  tooSlow: 'Очистка этой страницы заняла больше {seconds} с, и Declutter её остановил. Сама страница не изменилась.',
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
  // Live cleaning (components/LivePanel.tsx)
  liveTitle: 'На самой странице',
  liveHidden: 'Скрыто на странице: {count}',
  liveNothing: 'На этой странице скрывать нечего',
  liveOff: 'Страница показана как есть',
  cleanPage: 'Очистить эту страницу',
  showAll: 'Показать всё на странице',
  liveUnavailable: 'Эту страницу очистить нельзя.',
  autoSite: 'Очищать этот сайт автоматически',
  autoSiteDescription: 'Скрывает мусор на {site} при каждом открытии. Браузер один раз спросит разрешение на доступ к сайту.',
  autoSiteDenied: 'Браузер не дал доступ к {site}.',
  siteFilters: 'Фильтры на {site}',
  siteFiltersHint: 'Для сайта фильтр можно включить или выключить независимо от общего правила.',
  siteDefault: 'Как везде',
  siteOn: 'Вкл.',
  siteOff: 'Выкл.',
  siteDiffers: 'Отличается от общего: {count}',
  siteDiffersOne: 'не как везде',
  siteReset: 'Сбросить для этого сайта',
  allSettings: 'Все настройки',
  // Reading comfort (components/ReaderSettings.tsx)
  textSettings: 'Текст',
  textSettingsTitle: 'Текст и тема',
  theme: 'Тема',
  themeSystem: 'Как в системе',
  themeLight: 'Светлая',
  themeSepia: 'Сепия',
  themeDark: 'Тёмная',
  font: 'Шрифт',
  fontSerif: 'С засечками',
  fontSans: 'Без засечек',
  textSize: 'Размер текста',
  lineHeight: 'Межстрочный интервал',
  lineWidth: 'Ширина строки (вкладка для чтения)',
  widthNarrow: 'Узкая',
  widthMedium: 'Средняя',
  widthWide: 'Широкая',
  // Options page (components/Options*.tsx)
  optionsTitle: 'Настройки Declutter',
  optionsFilters: 'Фильтры по умолчанию',
  optionsFiltersHint: 'Что Declutter убирает в режиме чтения и скрывает на очищенных страницах — на всех сайтах без собственного правила.',
  optionsSites: 'Сайты, которые очищаются автоматически',
  optionsSitesHint: 'Вместе с сайтом браузеру возвращается и разрешение на доступ к нему.',
  optionsSitesEmpty: 'Сайтов пока нет. На сайте, который вы часто читаете, включите «Очищать этот сайт автоматически» в окне Declutter.',
  optionsSiteSince: 'с {date}',
  optionsSiteNoAccess: 'доступ отозван в браузере',
  remove: 'Убрать',
  removeSite: 'Убрать {site}',
  optionsSiteRules: 'Сайты со своими фильтрами',
  optionsSiteRulesEmpty: 'Своих фильтров нет ни у одного сайта.',
  resetSiteNamed: 'Сбросить {site}',
  optionsReading: 'Чтение',
  shortcutTitle: 'Сочетание клавиш',
  shortcutBody: 'Открыть вкладку для чтения текущей страницы: {keys}',
  shortcutNone: 'не задано',
  shortcutChange: 'Изменить сочетание',
  optionsData: 'Резервная копия и сброс',
  exportSettings: 'Экспортировать настройки',
  importSettings: 'Импортировать настройки…',
  importDone: 'Настройки импортированы.',
  importSitesNeedAccess: 'Этим сайтам нужно снова дать доступ (включите их в окне Declutter): {sites}',
  importErrorJson: 'Это не файл JSON. Ничего не изменено.',
  importErrorForeign: 'Это не файл настроек Declutter. Ничего не изменено.',
  importErrorVersion: 'Файл создан более новой версией Declutter (формат {version}). Ничего не изменено.',
  importErrorInvalid: 'В файле неверное значение в поле «{field}». Ничего не изменено.',
  importErrorTooLarge: 'Файл слишком велик для файла настроек. Ничего не изменено.',
  resetSettings: 'Вернуть настройки по умолчанию',
  resetHint: 'Фильтры, правила сайтов, пометки и настройки текста вернутся к исходным. Сайты с автоматической очисткой останутся.',
  resetConfirm: 'Сбросить все настройки?',
  resetConfirmYes: 'Сбросить',
  cancel: 'Отмена',
  resetDone: 'Настройки возвращены к исходным.',
  ...TOOLS_RU,
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
    return typeof value === 'number' ? formatNumber(lang, value) : (value ?? '');
  });
}

/**
 * "1 cookie notice", "3 cookie notices", "2 уведомления о cookies", "5 уведомлений о cookies".
 * A no-break space holds the number to its word: a line never ends in a bare "(4".
 */
export function countOf(lang: Lang, noun: CountNoun, count: number): string {
  const rule = pluralCategory(lang, count);
  const word =
    lang === 'ru'
      ? rule === 'one' ? noun.ru.one : rule === 'few' ? noun.ru.few : noun.ru.many
      : rule === 'one' ? noun.en.one : noun.en.other;
  return `${formatNumber(lang, count)}\u00a0${word}`;
}
