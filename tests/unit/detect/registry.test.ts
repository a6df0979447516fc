/**
 * The filter registry's rules: one file per filter, named by its id, listed once, described in
 * both languages, and backed by fixtures that show what it removes and what it keeps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILTERS, FILTER_IDS, isFilterId } from '../../../utils/cleaner/detect/filters/index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILTER_DIR = resolve(HERE, '../../../utils/cleaner/detect/filters');
const FIXTURE_DIR = resolve(HERE, '../../fixtures/filters');
const NOT_FILTERS = new Set(['index.ts', 'define.ts']);
const MIN_FIXTURES = 12;

describe('filter registry', () => {
  it('has unique kebab-case ids', () => {
    expect(new Set(FILTER_IDS).size).toBe(FILTERS.length);
    for (const id of FILTER_IDS) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('lists every filter file once, under the id that is its file name', () => {
    const files = readdirSync(FILTER_DIR)
      .filter((name) => name.endsWith('.ts') && !NOT_FILTERS.has(name))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect([...FILTER_IDS].sort()).toEqual(files);
    for (const id of files) {
      // The module defines the filter with its own id, so the file name and the id cannot drift.
      const source = readFileSync(join(FILTER_DIR, `${id}.ts`), 'utf8');
      expect(source, `${id}.ts`).toContain(`id: '${id}'`);
    }
  });

  it('recognises exactly the registered ids', () => {
    for (const id of FILTER_IDS) expect(isFilterId(id)).toBe(true);
    expect(isFilterId('no-such-filter')).toBe(false);
    expect(isFilterId(undefined)).toBe(false);
  });

  for (const filter of FILTERS) {
    describe(filter.id, () => {
      it('has a label and a description in English and Russian', () => {
        for (const lang of ['en', 'ru'] as const) {
          expect(filter.label[lang].trim(), `label.${lang}`).not.toBe('');
          expect(filter.label[lang]).not.toMatch(/TODO/);
          expect(filter.description[lang].trim().length, `description.${lang}`).toBeGreaterThanOrEqual(20);
          expect(filter.description[lang]).not.toMatch(/TODO/);
        }
        expect(filter.label.ru).toMatch(/[а-яё]/i);
        expect(filter.description.ru).toMatch(/[а-яё]/i);
      });

      it('is described in the README for testers', () => {
        const readme = readFileSync(resolve(HERE, '../../../README.md'), 'utf8');
        const table = readme.slice(readme.indexOf('<!-- filters:start -->'), readme.indexOf('<!-- filters:end -->'));
        expect(table, 'README filters table').toContain(`| \`${filter.id}\` | ${filter.label.en} |`);
      });

      it('has plural forms of its noun in both languages', () => {
        const { en, ru } = filter.noun;
        for (const form of [en.one, en.other, ru.one, ru.few, ru.many]) expect(form.trim()).not.toBe('');
        expect(en.one).not.toBe(en.other);
        expect(ru.one).not.toBe(ru.many);
        expect(typeof filter.defaultEnabled).toBe('boolean');
      });

      it(`has at least ${MIN_FIXTURES} fixtures showing both removed and kept content`, () => {
        const dir = join(FIXTURE_DIR, filter.id);
        const files = readdirSync(dir).filter((name) => /^\d{2}-[a-z0-9-]+\.html$/.test(name));
        expect(files.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
        const sources = files.map((name) => readFileSync(join(dir, name), 'utf8'));
        expect(sources.filter((html) => html.includes('data-expect="removed"')).length, 'fixtures with removed elements').toBeGreaterThan(0);
        expect(sources.filter((html) => html.includes('data-expect="kept"')).length, 'fixtures with kept elements').toBeGreaterThan(0);
        // Every fixture tests something: a page with no marks would pass whatever the filter does.
        for (const [i, html] of sources.entries()) expect(html, files[i]).toMatch(/data-expect="(removed|kept)"/);
      });
    });
  }
});
