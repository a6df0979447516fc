/**
 * The observer budget is stated in two places, the code and the README; the README's
 * numbers must be the code's, and the budget must keep a pass's share of the main thread
 * small (one pass per interval at most).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { LIVE_BUDGET } from '../../utils/live-cleaner.ts';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

test('README states the observer budget the code uses', () => {
  const line = README.split('\n\n').find((paragraph) => paragraph.includes('Observer budget'));
  expect(line).toBeDefined();
  const text = line!.replace(/\s+/g, ' ');
  expect(text).toContain(`at most every ${LIVE_BUDGET.MIN_INTERVAL_MS} ms`);
  expect(text).toContain(`more than ${LIVE_BUDGET.PASS_BUDGET_MS} ms`);
  expect(text).toContain(`up to ${LIVE_BUDGET.MAX_INTERVAL_MS} ms`);
});

test('every other mention of the budget in the README says the same numbers', () => {
  for (const [, ms] of README.matchAll(/at most every (\d+) ms/g)) expect(Number(ms)).toBe(LIVE_BUDGET.MIN_INTERVAL_MS);
  for (const [, ms] of README.matchAll(/costs? more than (\d+) ms/g)) expect(Number(ms)).toBe(LIVE_BUDGET.PASS_BUDGET_MS);
  for (const [, s] of README.matchAll(/doubling up to (\d+) s\b/g)) expect(Number(s) * 1000).toBe(LIVE_BUDGET.MAX_INTERVAL_MS);
});

test('a pass within budget takes under 5 % of the main thread between passes', () => {
  expect(LIVE_BUDGET.PASS_BUDGET_MS / LIVE_BUDGET.MIN_INTERVAL_MS).toBeLessThan(0.05);
  expect(LIVE_BUDGET.MAX_INTERVAL_MS).toBeGreaterThan(LIVE_BUDGET.MIN_INTERVAL_MS);
});
