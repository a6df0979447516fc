/**
 * One cleaning job of the popup's worker (./clean-worker.ts runs it; tests run it in their
 * own thread). A dedicated worker has no DOMParser, so the snapshot is parsed with linkedom,
 * the DOM the core's tests and benchmarks also run on; the result is plain data.
 */
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { linkedomDocument } from '../../utils/linkedom-document.ts';
import type { CleanReply, CleanRequest } from './clean-runner.ts';

/** A worker's jobs: the first one brings the page, which the next ones clean again. */
export function cleanJobs(): (request: CleanRequest) => CleanReply {
  let page: { url: string; doc: Document } | null = null;
  return (request) => {
    try {
      if (request.page) page = { url: request.page.url, doc: linkedomDocument(request.page.html) };
      if (!page) return { id: request.id, ok: false, error: 'No page to clean.' };
      if (import.meta.env.MODE === 'e2e') holdIfAsked(page.doc);
      const wanted = new Set(request.filters);
      const result = cleanDocument(page.doc, {
        url: page.url,
        filters: FILTERS.filter((f) => wanted.has(f.id)),
        force: request.force,
        annotate: request.annotate,
      });
      return { id: request.id, ok: true, result };
    } catch (error) {
      return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * The browser test of the budget (tests/e2e/popup-budget.test.ts) needs a page that never
 * finishes cleaning, the way a backtracking pattern once did. Only the e2e build has this:
 * a page with <meta name="declutter-e2e-never-finish"> keeps the worker busy for good.
 */
function holdIfAsked(doc: Document): void {
  if (!doc.querySelector('meta[name="declutter-e2e-never-finish"]')) return;
  for (;;) {
    // Busy on purpose: only terminate() ends this.
  }
}
