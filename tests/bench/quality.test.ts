/**
 * CI's quality gate: over the shared article-extraction pages, Declutter's extraction must
 * score at least bare Readability's F1 measured in the same run, on the same DOM. Timing is
 * measured by `npm run bench` and never fails CI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_BENCH_DIR, loadCorpus } from './corpus.ts';
import { measure } from './measure.ts';
import { aggregate } from './score.ts';


describe('article-extraction benchmark', () => {
  it('Declutter F1 is at least bare Readability F1 on the shared pages', { timeout: 180_000 }, () => {
    const truth = JSON.parse(readFileSync(join(ARTICLE_BENCH_DIR, 'ground-truth.json'), 'utf8')) as Record<string, unknown>;
    const results = measure(loadCorpus(ARTICLE_BENCH_DIR), { dom: 'linkedom', repeat: 1, unfiltered: false });
    expect(results.map((r) => r.page.id).sort()).toEqual(Object.keys(truth).sort());

    const readability = aggregate(results.map((r) => r.scores!.readability));
    const declutter = aggregate(results.map((r) => r.scores!.declutter));
    const summary = `Declutter P ${declutter.precision.toFixed(3)} R ${declutter.recall.toFixed(3)} F1 ${declutter.f1.toFixed(3)}; ` +
      `Readability P ${readability.precision.toFixed(3)} R ${readability.recall.toFixed(3)} F1 ${readability.f1.toFixed(3)}`;
    expect(declutter.f1, summary).toBeGreaterThanOrEqual(readability.f1);
  });
});
