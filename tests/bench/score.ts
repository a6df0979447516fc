/**
 * The article-extraction benchmark's scoring, reproduced exactly (scrapinghub/
 * article-extraction-benchmark, evaluate.py), so our numbers can be set next to the
 * published table: 4-token shingles counted with multiplicity, per-page TP/FP/FN
 * normalised to sum to 1, precision averaged over pages with a prediction, recall over
 * pages with a truth, F1 the harmonic mean of the two averages.
 */

/**
 * Python's `\w` on str: characters for which `str.isalnum()` holds (Unicode letters and
 * every numeric character, categories L* and N*) plus the underscore. Combining marks and
 * other connector punctuation are not word characters there, so they are not here.
 */
const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;
/** Tokens never hold it, so joined shingles cannot collide. */
const JOIN = '\u0000';

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Shingle keys in order. A text shorter than four tokens still gives one (shorter)
 * shingle, and an empty text gives none, as in the original.
 */
export function shingleList(tokens: readonly string[], n = SHINGLE): string[] {
  const out: string[] = [];
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const part = tokens.slice(i, i + n);
    if (part.length) out.push(part.join(JOIN));
  }
  return out;
}

export function countShingles(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of shingleList(tokenize(text))) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** One page's shares of true positives, false positives and false negatives (sum 1, or all 0). */
export interface PageCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export function scorePage(truth: string, prediction: string): PageCounts {
  const want = countShingles(truth);
  const got = countShingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, w] of want) {
    const g = got.get(key) ?? 0;
    tp += Math.min(w, g);
    fn += Math.max(0, w - g);
  }
  for (const [key, g] of got) fp += Math.max(0, g - (want.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

export interface Metrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function aggregate(pages: readonly PageCounts[]): Metrics {
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(recallOf));
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** A page's own F1, for ranking pages; the benchmark's F1 is never an average of these. */
export function pageF1(counts: PageCounts): number {
  return f1Of(precisionOf(counts), recallOf(counts));
}

/**
 * Runs of `tokens` whose shingles are not matched by `other` (counted with multiplicity,
 * left to right): text the prediction added when `tokens` is the prediction, text it
 * dropped when `tokens` is the truth. For reading the per-page view, not for scoring.
 */
export function unmatchedRuns(text: string, other: string): string[][] {
  const tokens = tokenize(text);
  const budget = countShingles(other);
  const matched = shingleList(tokens).map((key) => {
    const left = budget.get(key) ?? 0;
    if (left > 0) budget.set(key, left - 1);
    return left > 0;
  });
  // A token counts as unmatched only when every shingle covering it missed; a lone
  // missed shingle would otherwise smear over three matched neighbours.
  const isUnmatched = (i: number): boolean => {
    let any = false;
    for (let s = Math.max(0, i - SHINGLE + 1); s <= i && s < matched.length; s++) {
      if (matched[s]) return false;
      any = true;
    }
    return any;
  };
  const runs: string[][] = [];
  let run: string[] = [];
  tokens.forEach((token, i) => {
    if (isUnmatched(i)) run.push(token);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

/**
 * trafilatura's evaluation (tests/eval_common.py, as trafilatura-dev's README states it):
 * whitespace runs in the text and in each segment become one space; a 'with' segment found
 * as a substring is a true positive, else a false negative; a 'without' segment found is a
 * false positive, else a true negative. Counts are summed over documents, never averaged.
 */
export interface SegmentCounts {
  readonly tp: number;
  readonly fn: number;
  readonly fp: number;
  readonly tn: number;
}

const foldSpace = (s: string): string => s.replace(/\s+/g, ' ');

export function scoreSegments(text: string, segments: { readonly with: readonly string[]; readonly without: readonly string[] }): SegmentCounts {
  const folded = foldSpace(text);
  const found = (s: string): boolean => folded.includes(foldSpace(s));
  const tp = segments.with.filter(found).length;
  const fp = segments.without.filter(found).length;
  return { tp, fn: segments.with.length - tp, fp, tn: segments.without.length - fp };
}

export function segmentMetrics(pages: readonly SegmentCounts[]): Metrics {
  const sum = (k: keyof SegmentCounts): number => pages.reduce((n, p) => n + p[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  const fn = sum('fn');
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0 };
}

/**
 * A headline is right when it equals the corpus's visible headline after folding what a
 * reader does not see as a difference: Unicode NFC, every whitespace run (no-break and thin
 * spaces, zero-width space included) to one space, ends trimmed, and every kind of quote
 * mark (« » „ “ ” ‟ ‘ ’ ‚ ‹ › " ') to one. Case, dashes, entities and suffixes count.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFC')
    .replace(/[\s\u00a0\u2009\u202f\u200b\ufeff]+/g, ' ')
    .replace(/[«»„“”‟‘’‚‹›"']/g, '"')
    .trim();
}

export function titleMatches(got: string, want: string): boolean {
  return normalizeTitle(got) === normalizeTitle(want);
}
