/**
 * The scorer must agree with the benchmark's evaluate.py, or our numbers cannot be set
 * next to the published table. Expected values below are worked out by hand from its rules.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, normalizeTitle, precisionOf, recallOf, scorePage, scoreSegments, segmentMetrics, titleMatches, tokenize, unmatchedRuns } from './score.ts';
import { gateFailures, type CorpusSummary, type Side } from './summary.ts';

describe('benchmark scoring', () => {
  it('tokenizes like Python \\w: Unicode letters, digits and underscore, case kept, marks split', () => {
    expect(tokenize('Привет, мир! snake_case ½ Ünïcode 42')).toEqual(['Привет', 'мир', 'snake_case', '½', 'Ünïcode', '42']);
    // U+0301 (combining acute) is a mark, not alphanumeric, so Python splits there.
    expect(tokenize('e\u0301te')).toEqual(['e', 'te']);
  });

  it('counts 4-token shingles with multiplicity and normalises a page to sum 1', () => {
    // truth "a b c d e": shingles abcd, bcde; prediction "a b c d x a b c d": abcd×2, bcdx, cdxa, dxab, xabc.
    const counts = scorePage('a b c d e', 'a b c d x a b c d');
    // tp 1 (abcd), fn 1 (bcde), fp 5 (abcd extra, bcdx, cdxa, dxab, xabc) → /7
    expect(counts.tp).toBeCloseTo(1 / 7);
    expect(counts.fp).toBeCloseTo(5 / 7);
    expect(counts.fn).toBeCloseTo(1 / 7);
  });

  it('scores a text shorter than four tokens as one short shingle, and an empty one as nothing', () => {
    expect(scorePage('Breaking news', 'Breaking news')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scorePage('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(precisionOf({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(recallOf({ tp: 0, fp: 0, fn: 1 })).toBe(0);
  });

  it('averages precision over pages with a prediction and recall over pages with a truth', () => {
    const perfect = scorePage('one two three four five', 'one two three four five');
    const nothingPredicted = scorePage('one two three four five', '');
    const m = aggregate([perfect, nothingPredicted]);
    // The empty prediction counts for recall (0) but not for precision.
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBeCloseTo(2 / 3);
  });

  it('reports the words a prediction added without smearing over matched neighbours', () => {
    const truth = 'the quick brown fox jumps over the lazy dog today';
    const pred = 'the quick brown fox jumps over the lazy dog today Subscribe to our newsletter now';
    expect(unmatchedRuns(pred, truth)).toEqual([['Subscribe', 'to', 'our', 'newsletter', 'now']]);
    expect(unmatchedRuns(truth, pred)).toEqual([]);
  });
});

describe("trafilatura's segment scoring", () => {
  it('finds segments as substrings after folding whitespace, and sums counts over pages', () => {
    const page = scoreSegments('Auch  hier gilt\n der Grundsatz, dass … Impressum', {
      with: ['Auch hier gilt der Grundsatz,', 'Anbieter von Fernwärme'],
      without: ['Impressum', 'Twitter'],
    });
    expect(page).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
    // An empty text misses every 'with' segment and finds no 'without' one.
    const empty = scoreSegments('', { with: ['a b', 'c'], without: ['d'] });
    expect(empty).toEqual({ tp: 0, fn: 2, fp: 0, tn: 1 });
    const m = segmentMetrics([page, empty]);
    // TP 1, FP 1, FN 3: P 1/2, R 1/4, F = 2/(2+1+3).
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.25);
    expect(m.f1).toBeCloseTo(2 / 6);
  });
});

describe('headline matching', () => {
  it('folds whitespace and quote marks only', () => {
    expect(normalizeTitle(' Газета\u00a0«Коммерсантъ» ')).toBe('Газета "Коммерсантъ"');
    expect(titleMatches('Bowen heralds ‘pragmatic’ approach', "Bowen heralds 'pragmatic' approach")).toBe(true);
    expect(titleMatches('Title — Meduza', 'Title')).toBe(false);
    expect(titleMatches('zerst&ouml;ren', 'zerstören')).toBe(false);
    expect(titleMatches('lower case', 'Lower case')).toBe(false);
  });
});

describe('the gate', () => {
  const side = (f1: number, right: number, noArticle = 0): Side => ({ metrics: { precision: f1, recall: f1, f1 }, titles: { right, total: 10 }, noArticle, msMedian: 1 });
  const summary = (dc: Side, rd: Side, lost: string[] = []): CorpusSummary => ({
    name: 'c', kind: 'scored', pages: 10, readability: rd, declutter: dc, ratioMedian: 1, lost, readabilityFallbacks: [],
  });

  it('passes when Declutter is at least Readability on score and titles and loses no page', () => {
    expect(gateFailures(summary(side(0.9, 8), side(0.9, 8)))).toEqual([]);
  });

  it('names each failure: lower score, fewer titles, every lost page', () => {
    const failures = gateFailures(summary(side(0.8, 7), side(0.9, 8), ['p1', 'p2']));
    expect(failures).toHaveLength(4);
    expect(failures[0]).toMatch(/F1 0\.8000 < Readability 0\.9000/);
    expect(failures[1]).toMatch(/7\/10 headlines right, Readability 8\/10/);
    expect(failures[2]).toMatch(/page p1: Readability returns the article/);
  });

  it('on a paragraphs corpus compares paragraphs found and clutter leaked', () => {
    const para = (found: number, leaked: number): Side => ({ ...side(1, 1), paragraphs: { found, total: 9, leaked, clutter: 20 } });
    const s = { ...summary(para(8, 1), para(9, 0)), kind: 'expectations' as const };
    expect(gateFailures(s)).toEqual([
      'c: Declutter finds 8/9 paragraphs, Readability 9/9',
      'c: Declutter leaks 1 clutter strings, Readability 0',
    ]);
  });
});
