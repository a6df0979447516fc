/**
 * The popup's cleaning worker: ./clean-runner.ts starts it and terminates it when a page
 * takes longer than the budget; each message is one job (./clean-job.ts).
 */
import { loadOfficialLists } from '../../utils/cleaner/annotate/official-lists.ts';
import { cleanJobs } from './clean-job.ts';
import type { CleanRequest } from './clean-runner.ts';

// A dedicated worker hears only the page that created it (the popup), never a web page
// (scripts/lint/security-rules.ts WORKER_CHANNEL_FILES).
const run = cleanJobs();
// The whole official lists (a third of a megabyte, a chunk of their own) load as the worker
// starts, while the popup still asks for the page; the annotator looks up what a page marks
// in them. A failed load leaves them out.
const listsLoaded = loadOfficialLists().catch(() => undefined);
self.onmessage = async (event: MessageEvent<CleanRequest>) => {
  await listsLoaded;
  self.postMessage(run(event.data));
};
