/**
 * npx tsx tests/bench/profile.ts <folder> [--dom linkedom|jsdom] [--repeat R] [--only <id>] [--top N] [--cpu]
 *
 * Where the Declutter core spends its time, step by step, next to bare Readability on the same
 * parsed page: the median over pages of each step's milliseconds and of its share of
 * Readability's time. The steps are the pipeline's, replayed here with a timer around each
 * (cleanDocument itself only reports four coarse parts), so that a change to one filter or
 * to the annotator shows in its own line. `--cpu` times with the process's CPU time instead of
 * the wall clock, which other processes on a busy machine do not inflate; run it with
 * `node --single-threaded --import tsx` so that V8's helper threads are not counted. For a CPU
 * profile of the same run:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/profile.ts <folder>
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { loadCorpus } from './corpus.ts';
import { median, parseForBench, quantile } from './measure.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { articleGuard, detectIn, pageContext } from '../../utils/cleaner/detect/detect.ts';
import { visibleText } from '../../utils/cleaner/page/visible-text.ts';
import { pageStats } from '../../utils/cleaner/page/walk.ts';
import { absolutizeUrls } from '../../utils/cleaner/page/urls.ts';
import { postprocess } from '../../utils/cleaner/postprocess/index.ts';
import { annotateArticle, pageLines } from '../../utils/cleaner/annotate/banned-orgs.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { copyWithout, neverShown } from '../../utils/cleaner/extract/copy.ts';
import { noteLeadFigures, restoreLeadFigures } from '../../utils/cleaner/extract/lead-figure.ts';
import { shieldPictureCredits, unshieldPictureCredits } from '../../utils/cleaner/extract/caption-byline.ts';
import { declaredTitles, fullHeadline, visibleHeadlines } from '../../utils/cleaner/extract/title.ts';
import { looksLikeListing } from '../../utils/cleaner/detect/listing.ts';
import { articleText, countWords } from '../../utils/cleaner/page/article-text.ts';
import type { DomName } from '../dom.ts';

const args = process.argv.slice(2);
let folder: string | null = null;
let dom: DomName = 'linkedom';
let repeat = 3;
let only: string | undefined;
let top = 0;
let clock = (): number => performance.now();
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--dom') dom = args[++i] === 'jsdom' ? 'jsdom' : 'linkedom';
  else if (arg === '--repeat') repeat = Number(args[++i]);
  else if (arg === '--only') only = args[++i];
  else if (arg === '--top') top = Number(args[++i]);
  else if (arg === '--cpu') {
    clock = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
  }
  else folder = arg;
}
if (!folder) {
  process.stderr.write('usage: npx tsx tests/bench/profile.ts <folder> [--dom linkedom|jsdom] [--repeat R] [--only <id>] [--top N] [--cpu]\n');
  process.exit(2);
}

type Steps = Record<string, number>;

function timed<T>(steps: Steps, name: string, run: () => T): T {
  const t0 = clock();
  const value = run();
  steps[name] = (steps[name] ?? 0) + clock() - t0;
  return value;
}

function bareReadability(doc: Document): number {
  const t0 = clock();
  const clone = doc.cloneNode(true) as Document;
  new Readability(clone).parse();
  return clock() - t0;
}

/** The pipeline's steps with a timer each; the order and inputs follow `cleanDocument`. */
function steps(doc: Document, url: string): Steps {
  const s: Steps = {};
  // The page walk, with the <base> read from it.
  const ctx = timed(s, 'filters: page stats', () => pageContext(doc, url));
  const base = ctx.url;
  const found = FILTERS.flatMap((filter) => timed(s, `filters: ${filter.id}`, () => filter.detect(ctx)));
  timed(s, 'filters: article guard', () => {
    const guard = articleGuard(ctx);
    for (const m of found) guard(m.element);
  });
  // detectClutter runs every filter again on a context of its own, then the guard: what
  // the pipeline pays for detection.
  const detectCtx = pageContext(doc, url);
  const all = timed(s, 'filters: detectClutter (all)', () => detectIn(detectCtx, FILTERS));
  timed(s, 'removal log', () => {
    for (const m of all) {
      visibleText(m.element);
      m.element.querySelectorAll('a[href]');
    }
  });
  const clone = timed(s, 'copy without clutter', () => copyWithout(doc, [...all.map((m) => m.element), ...neverShown(pageStats(detectCtx))]));
  timed(s, 'absolute URLs', () => absolutizeUrls(clone, base));
  timed(s, 'isProbablyReaderable', () => isProbablyReaderable(clone));
  const pageForNotes = timed(s, 'annotator page lines', () => pageLines(clone.body));
  const headlines = timed(s, 'headlines', () => visibleHeadlines(clone));
  const declared = timed(s, 'declared titles', () => declaredTitles(clone));
  const leadFigures = timed(s, 'picture guards', () => {
    const figures = noteLeadFigures(clone);
    shieldPictureCredits(clone);
    return figures;
  });
  const parsed = timed(s, 'Readability', () =>
    new Readability<Element>(clone, { serializer: (node) => node as Element, keepClasses: true }).parse(),
  );
  const content = parsed?.content;
  if (!content) return s;
  const title = timed(s, 'pictures back, listing check, title', () => {
    restoreLeadFigures(leadFigures, content, clone);
    unshieldPictureCredits(content);
    looksLikeListing(content, base);
    return fullHeadline(parsed.title ?? '', headlines, declared, base.hostname);
  });
  timed(s, 'postprocess', () =>
    postprocess({ root: content, title, byline: parsed.byline ?? null, url: base, lang: '', filters: new Set(FILTERS.map((f) => f.id)) }),
  );
  timed(s, 'annotate', () => annotateArticle(content, pageForNotes, title));
  timed(s, 'text, words, html', () => {
    countWords(articleText(content));
    return content.innerHTML;
  });
  return s;
}

const pages = loadCorpus(folder, only);
const rows: { id: string; readability: number; declutter: number; steps: Steps }[] = [];
for (const [index, page] of pages.entries()) {
  const doc = parseForBench(page.html, page.url, dom);
  const runs: { readability: number; declutter: number; steps: Steps }[] = [];
  for (let r = 0; r < repeat + 1; r++) {
    const readability = bareReadability(doc);
    const t0 = clock();
    cleanDocument(doc, { url: page.url, force: true });
    const declutter = clock() - t0;
    const st = steps(doc, page.url);
    // The first run of a page warms the JIT for it; it is not counted.
    if (r > 0 || repeat === 0) runs.push({ readability, declutter, steps: st });
  }
  const names = Object.keys(runs[0]!.steps);
  rows.push({
    id: page.id,
    readability: median(runs.map((r) => r.readability)),
    declutter: median(runs.map((r) => r.declutter)),
    steps: Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.steps[n] ?? 0))])),
  });
  if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${pages.length}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');

/** Every step once: the per-filter lines and the guard are what detectClutter runs. */
const stepsTotal = (steps: Steps): number =>
  Object.entries(steps).reduce((sum, [name, ms]) => (name === 'filters: detectClutter (all)' ? sum : sum + ms), 0);
/** The steps that are neither detection nor annotation: clone, URLs, Readability, post-processing. */
const restTotal = (steps: Steps): number =>
  Object.entries(steps).reduce((sum, [name, ms]) => (name.startsWith('filters:') || name.startsWith('annotat') ? sum : sum + ms), 0);
const fmt = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : '—');
const names = [...new Set(rows.flatMap((r) => Object.keys(r.steps)))];
const out: string[] = [
  `${folder}: ${rows.length} pages, DOM ${dom}, median of ${repeat} run(s) per page (cleanDocument with force)`,
  `bare Readability (clone + parse): median ${fmt(median(rows.map((r) => r.readability)))} ms, p95 ${fmt(quantile(rows.map((r) => r.readability), 0.95))}`,
  `cleanDocument: median ${fmt(median(rows.map((r) => r.declutter)))} ms; per-page ratio median ${fmt(median(rows.map((r) => r.declutter / r.readability)), 3)}×, p95 ${fmt(quantile(rows.map((r) => r.declutter / r.readability), 0.95), 3)}×`,
  `the steps below, summed per page (detectClutter's second run left out): ratio median ${fmt(median(rows.map((r) => stepsTotal(r.steps) / r.readability)), 3)}×; ` +
    `without the filters' and the annotator's own time (what the rest of the pipeline costs): ${fmt(median(rows.map((r) => restTotal(r.steps) / r.readability)), 3)}×`,
  '',
  `${'step'.padEnd(34)} ${'ms med'.padStart(8)} ${'ms p95'.padStart(8)} ${'% Rdb med'.padStart(10)} ${'ms total'.padStart(9)}`,
  ...names.map((n) => {
    const ms = rows.map((r) => r.steps[n] ?? 0);
    const share = rows.map((r) => (100 * (r.steps[n] ?? 0)) / r.readability);
    return `${n.padEnd(34)} ${fmt(median(ms)).padStart(8)} ${fmt(quantile(ms, 0.95)).padStart(8)} ${fmt(median(share), 1).padStart(10)} ${fmt(ms.reduce((a, b) => a + b, 0), 0).padStart(9)}`;
  }),
];
if (top > 0) {
  out.push('', `Highest per-page ratios (${top}):`);
  for (const r of [...rows].sort((a, b) => b.declutter / b.readability - a.declutter / a.readability).slice(0, top)) {
    const worst = Object.entries(r.steps).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n, ms]) => `${n} ${fmt(ms, 1)}`).join(', ');
    out.push(`  ${r.id.slice(0, 24).padEnd(24)} ${fmt(r.declutter / r.readability, 2)}×  Rdb ${fmt(r.readability, 1)}  Dcl ${fmt(r.declutter, 1)}  | ${worst}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
