/**
 * What the notes and the summary say, in both languages, on golden pages run through the
 * real pipeline: a suspended ban is never called a ban in force, foreign agents are never
 * listed with banned organisations, and a foreign-agent notice has a line of its own.
 */
import { expect, test } from 'vitest';
import { describeAnnotation, noteAsText, summaryText } from '../../../utils/cleaner/annotate/describe.ts';
import { cleanPage, loadPage } from '../../golden/golden-page.ts';

const taliban = cleanPage(loadPage('ru-marks-taliban-hts'), 'linkedom');
const agents = cleanPage(loadPage('ru-marks-foreign-agent'), 'linkedom');

test('a suspended ban reads as suspended, with its date, never as a ban in force', () => {
  const note = describeAnnotation(taliban.annotations.find((a) => a.id === 'taliban')!, 'ru');
  expect(note.status).toBe(
    'Признавалась в России террористической организацией; запрет приостановлен 17.04.2025 (Верховный суд РФ (иск Генпрокуратуры), решение к немедленному исполнению)',
  );
  expect(note.status).not.toContain('запрещена в России');
  // Never «террористическая» once the ban is suspended: the summary says what holds on the page's date.
  expect(summaryText(taliban.annotations, 'ru')).toContain('«Талибан» (запрет приостановлен 17.04.2025)');
  expect(summaryText(taliban.annotations, 'en')).toContain('Taliban (ban suspended on 2025-04-17)');
  expect(summaryText(taliban.annotations, 'ru')).not.toContain('террористическая, запрет');
});

test('foreign agents have their own line, apart from banned organisations, and the notice its own', () => {
  const ru = summaryText(agents.annotations, 'ru');
  expect(ru).not.toContain('запрещённые');
  expect(ru).toContain('Упомянуты иностранные агенты: «ОВД-Инфо», «Фонд борьбы с коррупцией» (ФБК), Телеканал «Дождь», Ирина Соколова');
  expect(ru).toContain('Материал помечен как созданный иностранным агентом');
});

test('a page that calls ФБК a foreign agent gets a foreign-agent note, with the registry’s ban beside it', () => {
  const fbk = agents.annotations.find((a) => a.id === 'fbk')!;
  const text = noteAsText(describeAnnotation(fbk, 'ru'));
  expect(text).toContain('Иностранный агент (реестр Минюста России)');
  expect(text).toContain('По решению Минюста России ФБК включен в реестр НКО, выполняющих функции иностранного агента.');
  expect(text).toContain('экстремистская: Московский городской суд (иск прокуратуры Москвы), 09.06.2021 (решение)');
});

test('a linked mention explains itself by the marked one, and a registry-only one says the page did not mark it', () => {
  const hts = taliban.annotations.find((a) => a.id === 'hayat-tahrir-al-sham')!;
  expect(describeAnnotation(hts, 'ru', 2).why).toBe('Другое упоминание этой организации на странице помечено.');
  const isis = taliban.annotations.find((a) => a.id === 'islamic-state')!;
  expect(describeAnnotation(isis, 'ru', 0).why).toBe('Страница это название не пометила; Declutter узнал его по своему реестру.');
  expect(describeAnnotation(isis, 'en', 0).why).toBe('The page does not mark this name; Declutter recognised it from its registry.');
});
