/**
 * Annotations on the Russian golden pages (tests/golden/pages) against hand-written
 * expectations (tests/fixtures/annotations/golden-expect.json), under linkedom and jsdom:
 * which mentions a reader gets, of which kind and category, and which marks leave the text.
 * Precision and recall over all pages are reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { foldSpaces } from '../../../utils/cleaner/page/visible-text.ts';
import type { CleanResult } from '../../../utils/cleaner/types.ts';
import { cleanPage, listPages, loadPage } from '../../golden/golden-page.ts';
import { DOMS } from '../../dom.ts';
import { mentionKeys } from '../../fixtures/annotations/keys.ts';

// Heavy: whole pages through the pipeline. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

interface PageExpectation {
  readonly mentions: readonly string[];
  readonly kinds?: Readonly<Record<string, string>>;
  readonly categories?: Readonly<Record<string, string>>;
  readonly suspended?: readonly string[];
  readonly gone?: readonly string[];
  readonly kept?: readonly string[];
}

const EXPECT = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/annotations/golden-expect.json'), 'utf8')) as Record<string, PageExpectation>;
const pages = Object.keys(EXPECT).filter((k) => !k.startsWith('$'));

function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const totals = { tp: 0, fp: 0, fn: 0, pages: 0 };

test('at least six Russian golden pages, the seed page among them, have expectations, and all exist', () => {
  expect(pages.length).toBeGreaterThanOrEqual(6);
  expect(pages).toContain('gazeta-putin-olland');
  const existing = new Set(listPages());
  for (const slug of pages) expect(existing.has(slug), slug).toBe(true);
  // Every Russian-marks page this task added has its expectations here.
  for (const slug of existing) if (slug.startsWith('ru-marks-')) expect(pages, slug).toContain(slug);
});

describe.each(DOMS)('%s', (dom) => {
  test.each(pages)('%s', { timeout: 120_000 }, (slug) => {
    const want = EXPECT[slug]!;
    const result: CleanResult = cleanPage(loadPage(slug), dom);
    const got = mentionKeys(result.annotations);
    if (dom === 'linkedom') {
      totals.pages++;
      totals.tp += want.mentions.length - minus(want.mentions, got).length;
      totals.fp += minus(got, want.mentions).length;
      totals.fn += minus(want.mentions, got).length;
    }
    expect({ extra: minus(got, want.mentions), missing: minus(want.mentions, got) }).toEqual({ extra: [], missing: [] });
    for (const [id, kind] of Object.entries(want.kinds ?? {})) expect(result.annotations.find((a) => a.id === id)?.kind, id).toBe(kind);
    for (const [id, category] of Object.entries(want.categories ?? {})) expect(result.annotations.find((a) => a.id === id)?.category, id).toBe(category);
    for (const id of want.suspended ?? []) expect(result.annotations.find((a) => a.id === id)?.registry?.status, id).toBe('suspended');
    const text = foldSpaces(`${result.article?.title ?? ''}\n${result.article?.text ?? ''}`);
    for (const s of want.gone ?? []) expect(text, `still in the text: ${s}`).not.toContain(foldSpaces(s));
    for (const s of want.kept ?? []) expect(text, `lost from the text: ${s}`).toContain(foldSpaces(s));
  });
});

afterAll(() => {
  const precision = totals.tp / (totals.tp + totals.fp || 1);
  const recall = totals.tp / (totals.tp + totals.fn || 1);
  console.log(
    `annotations on ${totals.pages} Russian golden pages (linkedom): ${totals.tp} correct mentions, ${totals.fp} extra, ${totals.fn} missed; ` +
      `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
  );
});
