/**
 * The annotator's work grows with the page, not with the page times its marks: pages of marked
 * names (tests/fixtures/hostile/marked-names.ts) of growing size are annotated and the steps it
 * counts (annotate/work.ts: characters scanned, candidates and ranges looked at) compared. A
 * pass that read the text before each mark again (as `pageNameBefore` once did) or checked
 * every earlier mark (`taken.some`) makes the ratio grow with the page; no clock is read.
 */
import { expect, test } from 'vitest';
import { annotateArticle } from '../../../utils/cleaner/annotate/banned-orgs.ts';
import { MAX_MENTIONS, resetSteps, stepsTaken } from '../../../utils/cleaner/annotate/work.ts';
import { markedNamesCount, markedNamesPage } from '../../fixtures/hostile/marked-names.ts';
import { parseDocument } from '../../dom.ts';

function stepsFor(bytes: number): { steps: number; mentions: number } {
  const doc = parseDocument(markedNamesPage(bytes), 'https://example.ru/news/1', 'linkedom');
  resetSteps();
  const result = annotateArticle(doc.querySelector('article')!, doc, 'Марки', { publishedTime: '2025-06-01T10:00:00+03:00' });
  return { steps: stepsTaken(), mentions: result.annotations.reduce((n, a) => n + a.mentions.length, 0) };
}

test('below the mention budget, doubling a page of marked names doubles the work', () => {
  const small = stepsFor(12_000);
  const large = stepsFor(24_000);
  expect(markedNamesCount(24_000)).toBeLessThan(MAX_MENTIONS);
  // Every mark is found: the work is not saved by missing them.
  expect(small.mentions).toBeGreaterThanOrEqual(markedNamesCount(12_000));
  expect(large.mentions).toBeGreaterThanOrEqual(markedNamesCount(24_000));
  expect(large.steps / small.steps).toBeGreaterThan(1.7);
  expect(large.steps / small.steps).toBeLessThan(2.3);
});

test('past the budget, a page four times as long costs four times the work, and a 1 MB page stays bounded', () => {
  const quarter = stepsFor(256 * 1024);
  const whole = stepsFor(1024 * 1024);
  expect(quarter.mentions).toBe(MAX_MENTIONS);
  expect(whole.mentions).toBe(MAX_MENTIONS);
  expect(whole.steps / quarter.steps).toBeLessThan(4.6);
  // A few hundred steps a character at most: the registry's names each read the text once.
  expect(whole.steps / (1024 * 1024)).toBeLessThan(400);
});
