/**
 * "Save as Markdown" on two golden pages (a Russian one with annotation notes, an English
 * one with figures and lists), compared with `expected.md` in the page's folder. Like every
 * expected file it is written only by `npm run golden:update`; a missing one fails.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import { articleToMarkdown } from '../../utils/export/index.ts';
import type { Lang } from '../../utils/cleaner/types.ts';
import { firstDifference } from './first-difference.ts';
import { cleanPage, loadPage, UPDATE_COMMAND } from './golden-page.ts';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PAGES: readonly [string, Lang][] = [
  ['gazeta-putin-olland', 'ru'],
  ['en-news-greenway-onetrust', 'en'],
];

// The meta line gives the date in the reader's time zone; the expected files are written in UTC.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = zone;
});

function markdownOf(slug: string, lang: Lang): string {
  const page = loadPage(slug);
  const result = cleanPage(page, 'jsdom');
  if (!result.article) throw new Error(`${slug}: no article`);
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const body = createArticleSanitizer(window as unknown as Window)(result.article.html);
  if (!body) throw new Error(`${slug}: the sanitizer returned nothing`);
  return articleToMarkdown({ article: result.article, url: result.url, annotations: result.annotations, lang, body }, { frontMatter: true });
}

describe.each(PAGES)('%s as Markdown', (slug, lang) => {
  const file = join(loadPage(slug).dir, 'expected.md');

  test('matches expected.md', () => {
    const actual = markdownOf(slug, lang);
    if (UPDATE) writeFileSync(file, actual);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${UPDATE_COMMAND}\` and read the diff`);
    const expected = readFileSync(file, 'utf8');
    if (actual !== expected) expect.fail(`${slug}/expected.md differs: ${firstDifference(expected, actual)}`);
  }, 60_000);
});
