/**
 * The byline as the popup shows it, beside the date: the people or the desk who wrote the
 * story. Readability takes it from the JSON-LD author, an author meta, or the text of the
 * first element whose class says byline or author, which on the web is often more than a
 * name:
 * - the name and the dateline in one element with no space between them, read as one
 *   string: "By Carrie ArnoldNovember 15, 2019", «Иван Петров20 декабря 2017, 19:15». The
 *   popup shows the date apart, so the date and what follows it leave the byline;
 * - a picture's credit, when the template calls the caption's credit "author":
 *   «(Фото: Dimitris Papamitsos / AP)», "Photo: Reuters". A credit names who took a picture,
 *   not who wrote the story, and is no byline;
 * - the word that introduces it ("By", «Автор:», "Von", "Par", "Por"), which the popup's
 *   layout already says, in the reader's language.
 * JSON-LD strings may carry character references (`J&ouml;rg`), decoded here as in titles.
 */
import { foldSpaces } from '../page/visible-text.ts';
import { decodeEntities } from './entities.ts';

/** A credit for a picture: the word for photo or image, then a colon or ©, at the start or in brackets. */
const PICTURE_CREDIT = /^[([]?\s*(?:фото|photo|foto|fotó|bild|image|picture|credit|иллюстрация|кадр)\s*(?:[:©]|\/\s)/iu;

const EN_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const RU_MONTH = '(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
/**
 * Where a dateline starts inside a byline: a written-out date, a numeric one, or a clock,
 * with the word that may lead it ("Updated", "Today", «Вчера»). English months are matched
 * with their capital, so a name glued to one ("ArnoldNovember") still splits there.
 */
const DATELINE = new RegExp(
  [
    `(?:Updated|Published|Posted|Today|Yesterday|Обновлено|Опубликовано|Сегодня|Вчера)?\\s*${EN_MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}`,
    `\\d{1,2}\\.?\\s+${EN_MONTH}\\.?,?\\s+\\d{4}`,
    `\\d{1,2}\\s+${RU_MONTH}(?:\\s+\\d{4})?`,
    '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}',
    '\\d{4}-\\d{2}-\\d{2}',
    '(?:Updated|Published|Posted|Today|Yesterday|Обновлено|Опубликовано|Сегодня|Вчера)?\\s*\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?',
  ].join('|'),
  'iu',
);

/** The word before the names: "By", «Автор:», "Von:", "Par", "Por". */
const INTRO = /^(?:by|von|par|por|door|av|автор(?:ы)?|текст)(?:\s*:)?\s+(?=\p{Lu})/iu;

/** Longest byline kept: past this the element read was a paragraph, not a line of names. */
const MAX_BYLINE = 160;

export function cleanByline(value: string | null | undefined): string | null {
  let text = foldSpaces(decodeEntities(value ?? ''));
  if (!text || PICTURE_CREDIT.test(text)) return null;
  const date = DATELINE.exec(text);
  if (date) text = date.index > 0 ? text.slice(0, date.index) : text.slice(date[0].length);
  text = text.replace(INTRO, '').replace(/^[\s,|·•–—:-]+|[\s,|·•–—:-]+$/gu, '');
  if (!/\p{L}/u.test(text) || text.length > MAX_BYLINE) return null;
  return text;
}
