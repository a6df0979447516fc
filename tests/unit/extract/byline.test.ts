/** The byline beside the date: people or a desk, never a picture's credit, never glued to the date. */
import { expect, test } from 'vitest';
import { cleanByline } from '../../../utils/cleaner/extract/byline.ts';

test.each([
  ['By Carrie ArnoldNovember 15, 2019', 'Carrie Arnold'],
  ['By Sarah LazareTwitter\n\nToday 5:00 am', 'Sarah LazareTwitter'],
  ['Иван Петров20 декабря 2017, 19:15', 'Иван Петров'],
  ['Jane Doe | 11/18/19 11:04 PM', 'Jane Doe'],
  ['Updated November 18, 2019 · Jane Doe', 'Jane Doe'],
  ['Von: Nadja Zinsmeister', 'Nadja Zinsmeister'],
  ['Автор: Анна Смирнова', 'Анна Смирнова'],
  ['By Samya Kullab and Vasilisa Stepanenko\n\t\tThe Associated Press', 'Samya Kullab and Vasilisa Stepanenko The Associated Press'],
  ['J&ouml;rg Zschoche', 'Jörg Zschoche'],
  ['Luigi Di Maio', 'Luigi Di Maio'],
  ['BR24 Redaktion', 'BR24 Redaktion'],
  ['Группа ЦРТ', 'Группа ЦРТ'],
])('%j reads %j', (raw, shown) => {
  expect(cleanByline(raw)).toBe(shown);
});

test.each(['(Фото: Dimitris Papamitsos / AP)', 'Фото: Андрей Зуев / «Деловой обозреватель»', 'Photo: Reuters', '[Foto: dpa]', 'November 15, 2019', '', null])(
  '%j is no byline',
  (raw) => {
    expect(cleanByline(raw)).toBeNull();
  },
);
