/**
 * Which characters of a line the annotator has already given to a mention or a removal: one
 * byte a character, so "is this range free?" costs its own length, not a scan of every range
 * taken before it (a page of thousands of marks made that scan quadratic).
 */
import { step } from './work.ts';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export class Coverage {
  private readonly taken: Uint8Array;

  constructor(length: number, ranges: Iterable<Range> = []) {
    this.taken = new Uint8Array(length + 1);
    for (const r of ranges) this.take(r);
  }

  /** Whether any character of `r` is taken. */
  overlaps(r: Range): boolean {
    const end = Math.min(r.end, this.taken.length);
    step(Math.max(0, end - r.start));
    for (let i = Math.max(0, r.start); i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  /** Whether the character at `at` is taken. */
  has(at: number): boolean {
    return at >= 0 && at < this.taken.length && this.taken[at] === 1;
  }

  take(r: Range): void {
    const end = Math.min(r.end, this.taken.length);
    step(Math.max(0, end - r.start));
    this.taken.fill(1, Math.max(0, r.start), end);
  }
}
