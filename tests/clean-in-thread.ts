/**
 * The popup's cleaning worker run in the test's own thread: jsdom and Node have no Worker
 * for the built bundle, and the job is the same code (entrypoints/popup/clean-job.ts).
 */
import { cleanJobs } from '../entrypoints/popup/clean-job.ts';
import { loadOfficialLists } from '../utils/cleaner/annotate/official-lists.ts';
import { createCleanRunner, type CleanRunner, type CleanRunnerOptions, type CleanWorker } from '../entrypoints/popup/clean-runner.ts';

export function inThreadWorker(): CleanWorker {
  const run = cleanJobs();
  const lists = loadOfficialLists().catch(() => undefined);
  let terminated = false;
  const worker: CleanWorker = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      // Answers later, as a worker would, once the official lists are in (as the worker does).
      void lists.then(() => {
        if (!terminated) worker.onmessage?.({ data: run(request) });
      });
    },
    terminate() {
      terminated = true;
    },
  };
  return worker;
}

export function inThreadCleanRunner(options: CleanRunnerOptions = {}): CleanRunner {
  return createCleanRunner({ createWorker: inThreadWorker, ...options });
}
