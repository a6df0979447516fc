/**
 * npm run bench:gate — CI's extraction gate over every corpus in ../shared/bench (BENCH_ROOT
 * overrides). On each corpus, in the same run on the same DOM:
 * - Declutter's score is at least bare Readability's (shingle F1, segment F, or paragraphs
 *   found with no more clutter leaked);
 * - Declutter gets at least as many headlines right, where the corpus names them;
 * - no page where Readability returns the article and Declutter's click shows none.
 * Exits 0 when all hold, 1 with one line per failure, 2 when the corpora are missing.
 * Timing is measured by `npm run bench` and never fails the gate. Not part of `npm test`,
 * which passes on a clone with nothing beside it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ROOT, corpusKind, listCorpora, loadCorpus } from './corpus.ts';
import { measure } from './measure.ts';
import { formatSummary, gateFailures, summarize, type CorpusSummary } from './summary.ts';
import { loadOfficialLists } from '../../utils/cleaner/annotate/official-lists.ts';

async function main(): Promise<void> {
  if (!existsSync(BENCH_ROOT)) {
    process.stderr.write(`bench:gate: no benchmark corpora at ${BENCH_ROOT} (clone them beside the project as ../shared/bench, or set BENCH_ROOT)\n`);
    process.exit(2);
  }
  const names = listCorpora();
  if (!names.length) {
    process.stderr.write(`bench:gate: ${BENCH_ROOT} holds no corpus in a known layout\n`);
    process.exit(2);
  }
  // The annotator reads the official lists as the popup does.
  await loadOfficialLists();
  const summaries: CorpusSummary[] = [];
  for (const name of names) {
    const dir = join(BENCH_ROOT, name);
    const results = measure(loadCorpus(dir), { dom: 'linkedom', repeat: 1, once: true, unfiltered: false });
    summaries.push(summarize(name, corpusKind(dir), results));
  }
  process.stdout.write(`${formatSummary(summaries).join('\n')}\n\n`);
  const failures = summaries.flatMap(gateFailures);
  if (failures.length) {
    process.stdout.write(`bench:gate FAILED (${failures.length}):\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write(`bench:gate passed on ${summaries.length} corpora (${summaries.reduce((n, s) => n + s.pages, 0)} pages)\n`);
}

await main();
