/**
 * npx tsx tests/bench/outputs.ts <out.json> [--dom linkedom|jsdom]
 *
 * Everything the core returns for the golden pages and the shared benchmark pages, timings
 * left out, in one JSON file. A speed change must leave this file byte for byte the same:
 * `cmp` the file made before the change with the one made after, and when they differ, the
 * first differing page shows where.
 */
import { writeFileSync } from 'node:fs';
import { ARTICLE_BENCH_DIR, loadCorpus } from './corpus.ts';
import { parseForBench } from './measure.ts';
import { PAGES_DIR } from '../golden/golden-page.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import type { DomName } from '../dom.ts';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
const dom: DomName = args.includes('jsdom') ? 'jsdom' : 'linkedom';
if (!out) {
  process.stderr.write('usage: npx tsx tests/bench/outputs.ts <out.json> [--dom linkedom|jsdom]\n');
  process.exit(2);
}

const pages = [...loadCorpus(PAGES_DIR), ...loadCorpus(ARTICLE_BENCH_DIR)];
const results: Record<string, unknown> = {};
for (const page of pages) {
  const doc = parseForBench(page.html, page.url, dom);
  // Forced too: a page the click turns away still has an article the reader can ask for.
  const runs = [cleanDocument(doc, { url: page.url }), cleanDocument(doc, { url: page.url, force: true })];
  results[page.id] = runs.map(({ timingsMs: _, ...rest }) => rest);
}
writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
process.stdout.write(`${pages.length} pages (${dom}) -> ${out}\n`);
