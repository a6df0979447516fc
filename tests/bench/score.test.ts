/**
 * The scorer must agree with the benchmark's evaluate.py, or our numbers cannot be set
 * next to the published table. Expected values below are worked out by hand from its rules.
 */
import { describe, expect, it } from 'vitest';
import { aggregate, precisionOf, recallOf, scorePage, tokenize, unmatchedRuns } from './score.ts';

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
