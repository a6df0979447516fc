/**
 * npm run bench [-- --corpus NAME | <folder>] [--only <id>] [--out <dir>] [--worst N] [--dom linkedom|jsdom] [--repeat R] [--explain]
 *
 * Extraction quality and speed of the Declutter core against bare Readability on the same
 * DOM, over every corpus in ../shared/bench (BENCH_ROOT overrides) or one of them, in one
 * table (tests/bench/summary.ts). With one corpus it also prints that corpus's detail:
 * --worst N lists the lowest pages, --explain what each post-processing step removed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BENCH_ROOT, corpusKind, listCorpora, loadCorpus } from './corpus.ts';
import { detailReport } from './details.ts';
import { measure, type PageResult } from './measure.ts';
import { formatSummary, summarize, type CorpusSummary } from './summary.ts';
import { formatBundleSizes } from './bundle.ts';
import { hostileAnnotateLines } from './hostile-annotate.ts';
import { loadOfficialLists } from '../../utils/cleaner/annotate/official-lists.ts';
import type { DomName } from '../dom.ts';

const USAGE =
  'usage: npm run bench [-- --corpus NAME | <folder>] [--only <id>] [--out <dir>] [--worst N] [--dom linkedom|jsdom] [--repeat R] [--explain]';
const ROOT = resolve(import.meta.dirname, '../..');

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const folders: string[] = [];
let only: string | undefined;
let out: string | null = null;
let worst = 0;
let dom: DomName = 'linkedom';
let repeat = 3;
let explain = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--only') only = args[++i] ?? fail('--only needs an id');
  else if (arg === '--corpus') folders.push(join(BENCH_ROOT, args[++i] ?? fail('--corpus needs a name')));
  else if (arg === '--out') out = args[++i] ?? fail('--out needs a folder');
  else if (arg === '--worst') worst = Number(args[++i] ?? fail('--worst needs a number'));
  else if (arg === '--explain') explain = true;
  else if (arg === '--repeat') repeat = Number(args[++i] ?? fail('--repeat needs a number'));
  else if (arg === '--dom') {
    const value = args[++i];
    if (value !== 'jsdom' && value !== 'linkedom') fail('--dom is linkedom or jsdom');
    dom = value;
  } else if (arg === '-h' || arg === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (!arg.startsWith('--')) folders.push(arg);
  else fail(`unknown option: ${arg}`);
}
if (!Number.isInteger(worst) || worst < 0) fail('--worst takes a whole number');
if (!Number.isInteger(repeat) || repeat < 1) fail('--repeat takes a positive whole number');
if (!folders.length) {
  if (!existsSync(BENCH_ROOT)) fail(`no benchmark corpora: ${BENCH_ROOT} does not exist (set BENCH_ROOT, or pass a folder)`);
  folders.push(...listCorpora().map((name) => join(BENCH_ROOT, name)));
}
for (const folder of folders) if (!existsSync(folder)) fail(`no such corpus: ${folder}`);
// The annotator reads the official lists as the popup does (loaded once, before any page).
await loadOfficialLists();

const versions = {
  readability: `@mozilla/readability ${packageVersion(join(ROOT, 'node_modules/@mozilla/readability/package.json'))}`,
  declutter: `declutter ${packageVersion(join(ROOT, 'package.json'))}`,
};
const detailed = folders.length === 1;
const summaries: CorpusSummary[] = [];
const details: string[] = [];
for (const folder of folders) {
  const name = basename(resolve(folder));
  const kind = corpusKind(folder);
  const pages = loadCorpus(folder, only);
  if (!pages.length) fail(only ? `${name}: no page matches ${only}` : `${name}: no pages`);
  // One untimed pass first (up to 60 pages): the JIT compiles what the markup leads to, and
  // the timed pass starts from one settled state. Warming up on three pages, the median
  // ratio moved by up to 0.1 between two runs of the same code.
  measure(pages.slice(0, 60), { dom, repeat: 1, unfiltered: false });
  const results = measure(pages, {
    dom,
    repeat,
    unfiltered: detailed,
    onPage: (_, i) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${name} ${i + 1}/${pages.length}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  summaries.push(summarize(name, kind, results));
  if (detailed) {
    details.push('', `${folder}: ${pages.length} pages, DOM ${dom}, median of ${repeat} run(s) per page, each timing both extractors in both orders`);
    details.push(...detailReport(results, kind, { dom, versions, worst, explain }));
  }
  if (out) writeOutputs(detailed ? out : join(out, name), results);
}

const lines = [`${versions.declutter} vs ${versions.readability}, DOM ${dom}, median of ${repeat} run(s) per page`, '', ...formatSummary(summaries), ...details];
lines.push('', formatBundleSizes(join(ROOT, '.output/chrome-mv3')));
lines.push('', ...hostileAnnotateLines());
process.stdout.write(`${lines.join('\n')}\n`);

function writeOutputs(dir: string, results: PageResult[]): void {
  mkdirSync(dir, { recursive: true });
  const dump = (version: string, pick: (r: PageResult) => string) =>
    `${JSON.stringify({ version, output: Object.fromEntries(results.map((r) => [r.page.id, { articleBody: pick(r) }])) }, null, 1)}\n`;
  writeFileSync(join(dir, 'declutter.json'), dump(versions.declutter, (r) => r.declutter.text));
  writeFileSync(join(dir, 'readability.json'), dump(versions.readability, (r) => r.readability.text));
  process.stderr.write(`wrote ${join(dir, 'declutter.json')} and ${join(dir, 'readability.json')}\n`);
}

function packageVersion(path: string): string {
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
