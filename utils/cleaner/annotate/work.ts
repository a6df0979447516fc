/**
 * A count of the annotator's steps (characters scanned, candidates looked at, ranges checked),
 * so that a test can see the work grow with the page and not with the page times its marks,
 * without a clock. Counting is one addition; nothing reads it but tests and the benchmark.
 */
let steps = 0;

/** Adds `n` steps (one loop iteration each). */
export function step(n = 1): void {
  steps += n;
}

/** The steps since the last reset. */
export function stepsTaken(): number {
  return steps;
}

export function resetSteps(): void {
  steps = 0;
}

/**
 * How many mentions one page may get. A real article marks a few dozen names, a long one a
 * few hundred; a page of thousands is a list or an attack, and past this many the annotator
 * stops looking (the rest keep the page's own marks), so its work stays bounded by the page's
 * length however many marks it holds.
 */
export const MAX_MENTIONS = 2000;

/** What is left of a page's mention budget, shared by the passes over its lines. */
export class Budget {
  constructor(private left = MAX_MENTIONS) {}

  /** Takes one mention; false once the budget is spent. */
  take(): boolean {
    if (this.left <= 0) return false;
    this.left--;
    return true;
  }

  get spent(): boolean {
    return this.left <= 0;
  }
}
