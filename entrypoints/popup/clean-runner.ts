/**
 * Cleaning within a budget. The core runs in a dedicated worker (./clean-worker.ts), on a
 * linkedom parse of the snapshot, and the popup waits for it at most CLEAN_BUDGET_MS: past
 * that the worker is terminated and the popup says so. All of an extension's pages share one
 * thread in the browser (popup, options, the full-tab view), so a page that makes the core
 * slow (a backtracking pattern, an input no scan was bounded for) must not run there: the
 * popup, and every other Declutter page, stays responsive whatever the page holds.
 *
 * Why a worker and not deadline checks between the pipeline's steps: a check can only run
 * between steps, so one step that never returns (PIPED_CREDIT on a 150-character caption
 * did) still holds the thread, and proving every scan of every step bounded is a promise
 * each new rule must keep. A terminated worker is stopped whatever it was doing. What it
 * costs was measured with `npm run bench:browser` (README.md, "The popup's budget").
 *
 * The worker keeps the parsed page, so a switch flipped in the popup cleans again without
 * parsing again; a worker that ran out of time is replaced by a new one on the next clean.
 */
import type { CleanResult } from '../../utils/cleaner/types.ts';

export const CLEAN_BUDGET_MS = 3000;
/**
 * A page over the snapshot's element budget, read because the reader clicked "Read
 * anyway" (the popup told them it may take a few seconds): linkedom parses a 4 MB page
 * slower than the browser's parser, so such a page gets longer, and is still stopped.
 */
export const LARGE_PAGE_BUDGET_MS = 20_000;

/** What the popup sends: the page, the first time a worker sees it, and the switches. */
export interface CleanRequest {
  readonly id: number;
  readonly page?: { readonly html: string; readonly url: string };
  readonly filters: readonly string[];
  readonly force: boolean;
  readonly annotate: boolean;
}

export type CleanReply = { readonly id: number; readonly ok: true; readonly result: CleanResult } | { readonly id: number; readonly ok: false; readonly error: string };

export type CleanOutcome =
  | { readonly kind: 'done'; readonly result: CleanResult }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'timeout' }
  /** A newer clean was asked for before this one ended: its answer no longer matters. */
  | { readonly kind: 'superseded' };

/** The part of a Worker the runner uses, so tests can stand in for it. */
export interface CleanWorker {
  postMessage(request: CleanRequest): void;
  onmessage: ((event: { data: CleanReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

export interface CleanRunnerOptions {
  createWorker?: () => CleanWorker;
  budgetMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface CleanRunner {
  /** A new page: the next clean parses it. */
  setPage(html: string, url: string): void;
  clean(options: { filters: readonly string[]; force: boolean; annotate: boolean; budgetMs?: number }): Promise<CleanOutcome>;
  dispose(): void;
}

function defaultWorker(): CleanWorker {
  return new Worker(new URL('./clean-worker.ts', import.meta.url), { type: 'module' }) as unknown as CleanWorker;
}

export function createCleanRunner(options: CleanRunnerOptions = {}): CleanRunner {
  const createWorker = options.createWorker ?? defaultWorker;
  const budget = options.budgetMs ?? CLEAN_BUDGET_MS;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let page: { html: string; url: string } | null = null;
  let worker: CleanWorker | null = null;
  let workerHasPage = false;
  let nextId = 1;
  let pending: { id: number; settle: (outcome: CleanOutcome) => void; timer: unknown } | null = null;

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
    workerHasPage = false;
  }

  function settle(outcome: CleanOutcome): void {
    const job = pending;
    if (!job) return;
    pending = null;
    clearTimer(job.timer);
    job.settle(outcome);
  }

  function startWorker(): CleanWorker {
    const started = createWorker();
    started.onmessage = ({ data }) => {
      if (pending?.id === data.id) settle(data.ok ? { kind: 'done', result: data.result } : { kind: 'failed', error: data.error });
    };
    started.onerror = (event) => {
      stopWorker();
      settle({ kind: 'failed', error: event.message ?? 'The cleaning worker failed.' });
    };
    return started;
  }

  // Started at once, while the popup still waits for the page: loading and compiling the
  // worker's bundle (the core and linkedom) then overlaps the snapshot's round trip.
  worker = startWorker();

  return {
    setPage(html, url) {
      page = { html, url };
      // The old page's worker may still be busy with it: a fresh one is cheaper than waiting.
      if (pending) {
        stopWorker();
        settle({ kind: 'superseded' });
      }
      workerHasPage = false;
    },
    clean(job) {
      if (!page) return Promise.resolve({ kind: 'failed', error: 'No page to clean.' });
      // One clean at a time: a busy worker is replaced, its answer would be stale anyway.
      if (pending) {
        stopWorker();
        settle({ kind: 'superseded' });
      }
      worker ??= startWorker();
      const id = nextId++;
      const request: CleanRequest = { id, filters: [...job.filters], force: job.force, annotate: job.annotate, ...(workerHasPage ? {} : { page }) };
      const limit = job.budgetMs ?? budget;
      workerHasPage = true;
      return new Promise<CleanOutcome>((resolve) => {
        const timer = setTimer(() => {
          if (pending?.id !== id) return;
          stopWorker();
          settle({ kind: 'timeout' });
        }, limit);
        pending = { id, settle: resolve, timer };
        worker!.postMessage(request);
      });
    },
    dispose() {
      stopWorker();
      settle({ kind: 'superseded' });
    },
  };
}
