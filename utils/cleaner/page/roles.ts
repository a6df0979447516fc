/**
 * What an element is to the article, told from its markup or text: a byline or dateline,
 * where an article lives, the article itself, and an outlet's registration as a mass medium
 * (which marks its imprint).
 */
import { hasToken } from './elements.ts';

/**
 * A Russian outlet's registration as a mass medium, which the media law (art. 27) makes it
 * print in its imprint on every page: «Свидетельство о регистрации СМИ Эл № ФС77-67642»,
 * «ЭЛ № ФС 77-81234», «ПИ № ТУ66-01234» (ФС: the federal registry, ТУ: a regional office).
 * The number's form is the registry's own, so it marks the imprint on any site; a story that
 * quotes one still has its other paragraphs.
 */
// eslint-disable-next-line redos/no-vulnerable -- polynomial only in runs of spaces inside one registration number's shape
const MEDIA_REGISTRATION = /№\s*(?:фс|ту)\s*\d{1,2}\s*[-–—]\s*\d{3,}|свидетельств\S*\s+о\s+регистрации\s+(?:сми|средства\s+массовой|сетевого\s+издания|электронного\s+периодического)/i;
/** The shortest registration line: «№ФС77-123». */
export const MEDIA_REGISTRATION_MIN_CHARS = 8;

/** Whether `text` carries a mass-medium registration (`MEDIA_REGISTRATION`); most text has neither «№» nor «егистрац» and is not searched. */
export function mediaRegistration(text: string): boolean {
  return (text.includes('№') || text.includes('егистрац')) && MEDIA_REGISTRATION.test(text);
}

/**
 * Bylines and datelines: the author's name and the date are article metadata that the reader
 * view shows, even when they sit in a block of links (`21/06/2014 Tony Carter · Books, News`).
 */
export const BYLINE = 'time, [rel~=author], [itemprop~=author], [itemprop~=datePublished], [class*=byline], [class*=author], [class*=dateline]';

/** Where an article lives. Site chrome is outside it; a header or footer inside belongs to the article. */
export const ARTICLE_CONTAINER = 'article, main, [role=main], [itemprop=articleBody]';

/** The article itself, narrower than its container: <main> also holds a page's sidebars. */
export const ARTICLE_ELEMENT = 'article, [itemprop=articleBody]';

/*
 * The three selectors above, as predicates: selector engines answer them at the cost named
 * above, and tests/unit/page/perf-page-stats.test.ts checks that these agree with the DOM's own
 * `matches` on every element of the test pages. `rel` compares case-insensitively in HTML
 * documents, `itemprop`, `role` and `class` do not (HTML's list of such attributes).
 */
export function isByline(el: Element): boolean {
  if (el.tagName.toUpperCase() === 'TIME') return true;
  if (hasToken(el.getAttribute('rel'), 'author', true)) return true;
  const itemprop = el.getAttribute('itemprop');
  if (hasToken(itemprop, 'author') || hasToken(itemprop, 'datePublished')) return true;
  const cls = el.getAttribute('class');
  return !!cls && (cls.includes('byline') || cls.includes('author') || cls.includes('dateline'));
}

export function isArticleContainer(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'ARTICLE' || tag === 'MAIN' || el.getAttribute('role') === 'main' || el.getAttribute('itemprop') === 'articleBody';
}

export function isArticleElement(el: Element): boolean {
  return el.tagName.toUpperCase() === 'ARTICLE' || el.getAttribute('itemprop') === 'articleBody';
}
