/**
 * The whole official lists behind a marked name the curated registry does not know
 * (utils/cleaner/annotate/official-lists.ts, loaded by tests/setup-lists.ts as the popup loads
 * it): a marked list entry gets its list, authority, address and date; a marked person gets the
 * register's row; a town is never a list entry, though ~400 local branches are named after one.
 */
import { expect, test } from 'vitest';
import { listedEntry, listedFacts } from '../../../utils/cleaner/annotate/official-lists.ts';
import { annotateArticle } from '../../../utils/cleaner/annotate/banned-orgs.ts';
import { parseDocument } from '../../dom.ts';

function annotate(text: string, date = '2026-03-01') {
  const html = `<!doctype html><html lang="ru"><head><title>t</title></head><body><article>${text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const doc = parseDocument(html, 'https://example.ru/news/1', 'linkedom');
  return annotateArticle(doc.querySelector('article')!, doc, '', { publishedTime: `${date}T10:00:00+03:00` }).annotations;
}

test('a marked name of the FSB list gets the list, its authority and address, and no invented date', () => {
  const [a] = annotate('В Уфе осудили участников «SxE Соратники с Уфы»*.\n\n* Организация признана террористической и запрещена в России.');
  expect(a!.id).toMatch(/^page-/);
  expect(a!.category).toBe('terrorist');
  expect(a!.registry?.category).toBe('terrorist');
  expect(a!.registry?.sources).toEqual(['http://www.fsb.ru/fsb/npd/terror.htm']);
  expect(a!.registry?.designations[0]!.date).toBe('');
});

test('a marked person gets the register row with its date, and is a person', () => {
  const [a] = annotate('Политолог Аркадий Дубнов (признан иноагентом) дал интервью.');
  expect(a!.kind).toBe('foreign-agent');
  expect(a!.person).toBe(true);
  expect(a!.registry?.officialName).toBe('Дубнов Аркадий Юрьевич');
  expect(a!.registry?.designations[0]!.date).toBe('2026-01-16');
});

test('a town is never a list entry: local branches named after one are not found by it', () => {
  expect(listedEntry({ text: 'Таганрог', quoted: true })).toBeNull();
  expect(listedEntry({ text: 'Орел', quoted: true })).toBeNull();
  // The branch by its whole name is found, with its list.
  const branch = listedEntry({ text: 'Местная религиозная организация Свидетели Иеговы «Таганрог»', quoted: false });
  expect(branch?.list).toBe('extremist');
  const [a] = annotate('Жители «Таганрога»* вышли на субботник.\n\n* Организация признана экстремистской и запрещена в РФ.');
  expect(a?.registry ?? null).toBeNull();
});

test('an undesirable entry carries its date of inclusion', () => {
  expect(listedEntry({ text: 'American Coalition for Ukraine', quoted: false })?.list).toBe('undesirable');
  const acu = listedEntry({ text: 'Американская коалиция за Украину', quoted: true });
  expect(acu?.list).toBe('undesirable');
  expect(listedFacts(acu!).designations[0]!.date).toBe('2026-07-03');
});
