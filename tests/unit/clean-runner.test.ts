/**
 * The popup's cleaning budget (entrypoints/popup/clean-runner.ts), on a worker the test
 * drives and a clock it owns: a worker that does not answer in time is terminated and the
 * popup is told so; the next clean starts a fresh worker with the page; a newer clean makes
 * an older one's answer moot. No wall clock decides anything here.
 */
import { describe, expect, test } from 'vitest';
import { CLEAN_BUDGET_MS, createCleanRunner, LARGE_PAGE_BUDGET_MS, type CleanReply, type CleanRequest, type CleanWorker } from '../../entrypoints/popup/clean-runner.ts';
import { inThreadCleanRunner } from '../clean-in-thread.ts';

/** A worker that answers only when the test says so, and a timer the test fires. */
function harness() {
  const workers: { requests: CleanRequest[]; terminated: boolean; worker: CleanWorker }[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const runner = createCleanRunner({
    createWorker: () => {
      const entry = { requests: [] as CleanRequest[], terminated: false, worker: null as unknown as CleanWorker };
      entry.worker = {
        onmessage: null,
        onerror: null,
        postMessage: (request) => entry.requests.push(request),
        terminate: () => {
          entry.terminated = true;
        },
      };
      workers.push(entry);
      return entry.worker;
    },
    setTimer: (callback, ms) => timers.push({ callback, ms, cleared: false }) - 1,
    clearTimer: (handle) => {
      timers[handle as number]!.cleared = true;
    },
  });
  const answer = (index: number, reply: CleanReply) => workers[index]!.worker.onmessage?.({ data: reply });
  return { runner, workers, timers, answer };
}

const JOB = { filters: ['cookie-banners'], force: false, annotate: true };

describe('the cleaning budget', () => {
  test('a worker that does not answer within the budget is terminated, and the popup is told', async () => {
    const { runner, workers, timers } = harness();
    runner.setPage('<p>x</p>', 'https://news.example/a');
    const outcome = runner.clean(JOB);
    expect(timers[0]!.ms).toBe(CLEAN_BUDGET_MS);
    timers[0]!.callback();
    expect(await outcome).toEqual({ kind: 'timeout' });
    expect(workers[0]!.terminated).toBe(true);
  });

  test('a page read anyway (over the element budget) gets the longer budget it was promised', () => {
    const { runner, timers } = harness();
    runner.setPage('<p>x</p>', 'https://news.example/a');
    void runner.clean({ ...JOB, budgetMs: LARGE_PAGE_BUDGET_MS });
    expect(timers[0]!.ms).toBe(LARGE_PAGE_BUDGET_MS);
  });

  test('after a timeout, the next clean gets a new worker, which is sent the page again', async () => {
    const { runner, workers, timers, answer } = harness();
    runner.setPage('<p>x</p>', 'https://news.example/a');
    const first = runner.clean(JOB);
    timers[0]!.callback();
    await first;
    const second = runner.clean(JOB);
    expect(workers).toHaveLength(2);
    const request = workers[1]!.requests[0]!;
    expect(request.page).toEqual({ html: '<p>x</p>', url: 'https://news.example/a' });
    answer(1, { id: request.id, ok: false, error: 'boom' });
    expect(await second).toEqual({ kind: 'failed', error: 'boom' });
  });

  test('a worker that answers in time keeps the page: the next clean sends only the switches', async () => {
    const { runner, workers, timers, answer } = harness();
    runner.setPage('<p>x</p>', 'https://news.example/a');
    const first = runner.clean(JOB);
    answer(0, { id: workers[0]!.requests[0]!.id, ok: false, error: 'e' });
    await first;
    expect(timers[0]!.cleared).toBe(true);
    void runner.clean({ ...JOB, force: true });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.requests[1]!.page).toBeUndefined();
    expect(workers[0]!.requests[1]!.force).toBe(true);
  });

  test('a newer clean while one is running supersedes it: the busy worker goes, its late answer is ignored', async () => {
    const { runner, workers, answer } = harness();
    runner.setPage('<p>x</p>', 'https://news.example/a');
    const first = runner.clean(JOB);
    const second = runner.clean(JOB);
    expect(await first).toEqual({ kind: 'superseded' });
    expect(workers[0]!.terminated).toBe(true);
    answer(0, { id: workers[0]!.requests[0]!.id, ok: false, error: 'late' });
    answer(1, { id: workers[1]!.requests[0]!.id, ok: false, error: 'current' });
    expect(await second).toEqual({ kind: 'failed', error: 'current' });
  });

  test('the job itself, run in this thread, cleans a page', async () => {
    const runner = inThreadCleanRunner();
    runner.setPage(`<html lang="en"><head><title>Harbour</title></head><body><article><h1>Harbour</h1>${'<p>The council voted on Tuesday to restore the tidal flow to the old harbour basin, ending forty years of debate in the town.</p>'.repeat(8)}</article></body></html>`, 'https://news.example/a');
    const outcome = await runner.clean(JOB);
    expect(outcome.kind).toBe('done');
    if (outcome.kind === 'done') expect(outcome.result.article?.text).toContain('restore the tidal flow');
  });
});
