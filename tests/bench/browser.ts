/**
 * npm run bench:browser -- [--sample N] [--repeat R] [--only <slug-or-id>] [--no-cold]
 *
 * The reader's wait, measured in a real browser: the built test extension
 * (.output/chrome-mv3-e2e, `npm run build:e2e`) loaded into headless Chromium, each page
 * served from 127.0.0.1, and for every page
 * - the time from opening `popup.html?tabId=N` until the article is painted (the popup's
 *   `main[data-view]` leaves "loading", then the next frame is drawn), and
 * - in the same run, the time bare Readability takes inside the page itself (injected
 *   into the page: clone the document, parse).
 * Two kinds of opening are timed, because they cost very differently:
 * - cold: the first popup in a freshly started browser, so a new extension process. This is
 *   the reader's usual click: Chromium ends an extension's process once its service worker
 *   has idled (about 30 s) and no extension page is open. Everything the core builds on
 *   first use (regular expressions, tables, JIT) is paid here. One run per page, each in
 *   its own browser.
 * - warm: `--repeat` popups opened one after another in one browser, after one untimed
 *   round. Each popup is a new page, but the extension's process and its V8 caches (compiled
 *   regular expressions among them) live on, so this is the reader who clicks again soon.
 * cleanDocument's parts, as its `timingsMs` names them (pipeline.ts):
 *   filters      base URL + clutter detection + the removal log
 *   clone        the copy without the clutter + absolute URLs
 *   readability  isProbablyReaderable + the annotator's page lines + headlines + Readability
 *   annotate     listing check + title + post-processing + the annotator
 * floor: the same wait with none of the popup's code, to tell the browser's share from
 *   ours. A bare extension page, added to a copy of the build for the run only, asks the tab
 *   for its snapshot the way the popup does (tabs.get, then the same content script), parses
 *   it and paints its text. Timed warm, in turn with the popup, on every page, and cold, as
 *   the first page of a fresh browser of its own, beside each cold popup.
 * Pages: every golden page (tests/golden/pages/<slug>/source.html) and a fixed sample of
 * the article-extraction benchmark. No hook in the popup is needed: the popup already
 * marks its state on `main[data-view]`, and an init script watches it from the first byte.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, requireBuild, type ChromiumSession } from '../e2e/support/chromium.ts';
import { listen } from '../e2e/support/server.ts';
import { formatBundleSizes } from './bundle.ts';
import { ARTICLE_BENCH_DIR } from './corpus.ts';
import { benchLive } from './live.ts';
import { median, quantile } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GOLDEN_DIR = join(ROOT, 'tests/golden/pages');
const USAGE = 'usage: npm run bench:browser -- [--sample N] [--repeat R] [--only <slug-or-id>] [--no-cold]';
const PARTS = ['filters', 'clone', 'readability', 'annotate'] as const;
/** What each part of cleanDocument's timings covers (its field names are older than the pipeline's steps). */
const PART_LEGEND =
  'parts: filters = base URL + detection + removal log; clone = copy without clutter + absolute URLs; ' +
  'readability = isProbablyReaderable + page lines + headlines + Readability; annotate = listing check + title + post-processing + annotator';

const args = process.argv.slice(2);
let sample = 15;
let repeat = 5;
let only: string | null = null;
let cold = true;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--sample') sample = Number(args[++i]);
  else if (arg === '--repeat') repeat = Number(args[++i]);
  else if (arg === '--only') only = args[++i] ?? null;
  else if (arg === '--no-cold') cold = false;
  else if (arg === '-h' || arg === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else {
    process.stderr.write(`unknown option: ${arg}\n${USAGE}\n`);
    process.exit(2);
  }
}

interface ServedPage {
  readonly group: 'golden' | 'benchmark';
  readonly id: string;
  readonly path: string;
  readonly bytes: Buffer;
  readonly type: string;
}

function goldenPages(): ServedPage[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(GOLDEN_DIR, d.name, 'source.html')))
    .map((d) => {
      const metaPath = join(GOLDEN_DIR, d.name, 'meta.json');
      const charset = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { charset?: string }).charset : undefined;
      return {
        group: 'golden' as const,
        id: d.name,
        path: `/golden/${d.name}/`,
        bytes: readFileSync(join(GOLDEN_DIR, d.name, 'source.html')),
        // As the real site's server did when meta.json names a charset; otherwise <meta> decides.
        type: charset ? `text/html; charset=${charset}` : 'text/html',
      };
    });
}

/** Every k-th page of the benchmark in id order: the same sample on every run. */
function benchmarkPages(count: number): ServedPage[] {
  if (count <= 0 || !existsSync(join(ARTICLE_BENCH_DIR, 'ground-truth.json'))) return [];
  const ids = Object.keys(JSON.parse(readFileSync(join(ARTICLE_BENCH_DIR, 'ground-truth.json'), 'utf8')) as object).sort();
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((id) => ({
      group: 'benchmark' as const,
      id,
      path: `/bench/${id}/`,
      bytes: gunzipSync(readFileSync(join(ARTICLE_BENCH_DIR, 'html', `${id}.html.gz`))),
      type: 'text/html',
    }));
}

/**
 * Saved pages' scripts expect their own site and network; run here they would rewrite the
 * page half-way. Our content script and the injected Readability are not the page's and
 * are not bound by its CSP.
 */
function serve(pages: readonly ServedPage[]): Promise<{ origin: string; close(): Promise<void> }> {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  return listen((req, res) => {
    const page = byPath.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'" });
    res.end(page.bytes);
  });
}

/**
 * Runs in the popup before its own scripts: waits for `main[data-view]` to leave
 * "loading", then for the frame that shows it, and notes the time since navigation start.
 */
function watchPaint(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const w = window as unknown as { __declutterPaint?: { view: string; ms: number; scriptsMs: number; parts: Record<string, number> } };
  const observer = new MutationObserver(() => {
    const view = document.querySelector('main[data-view]')?.getAttribute('data-view');
    if (!view || view === 'loading') return;
    observer.disconnect();
    // rAF runs before the frame is drawn; the task after it runs once it has been.
    requestAnimationFrame(() =>
      setTimeout(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        // The popup's one hook (model.ts): cleanDocument's own timings, first clean only.
        const cleaned = performance.getEntriesByName('declutter:cleaned')[0] as PerformanceMark | undefined;
        const parts = (cleaned?.detail as Record<string, number> | undefined) ?? {};
        w.__declutterPaint = { view, ms: performance.now(), scriptsMs: nav?.domContentLoadedEventEnd ?? NaN, parts };
      }, 0),
    );
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-view'] });
}

const READABILITY_SOURCE = readFileSync(join(ROOT, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

async function readabilityInPage(page: Page): Promise<number> {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${READABILITY_SOURCE}\n;window.__Readability = Readability;`);
  return page.evaluate(() => {
    const R = (window as unknown as { __Readability: new (doc: Document) => { parse(): unknown } }).__Readability;
    const t0 = performance.now();
    new R(document.cloneNode(true) as Document).parse();
    return performance.now() - t0;
  });
}

const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_FILES: Record<string, string> = {
  [FLOOR_PAGE]: '<!doctype html><meta charset="utf-8"><title>floor</title><main data-view="loading">…</main><script type="module" src="/bench-floor.js"></script>',
  'bench-floor.js': `
    const id = Number(new URLSearchParams(location.search).get('tabId'));
    const tab = await chrome.tabs.get(id);
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] });
    const doc = new DOMParser().parseFromString(frame.result.html ?? '', 'text/html');
    const main = document.querySelector('main');
    main.textContent = tab.url + ' ' + doc.body.textContent.slice(0, 5000);
    main.dataset.view = 'ready';
  `,
};

/** The build plus the floor page, in a directory of its own that the run deletes. */
function buildWithFloor(extensionDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'declutter-bench-ext-'));
  cpSync(extensionDir, dir, { recursive: true });
  for (const [name, text] of Object.entries(FLOOR_FILES)) writeFileSync(join(dir, name), text);
  return dir;
}

async function main(): Promise<void> {
  const extensionDir = buildWithFloor(requireBuild('.output/chrome-mv3-e2e', 'npm run build:e2e'));
  try {
    await measure(extensionDir);
  } finally {
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

async function measure(extensionDir: string): Promise<void> {
  const pages = [...goldenPages(), ...benchmarkPages(sample)].filter((p) => !only || p.id.startsWith(only));
  if (!pages.length) throw new Error('no pages to measure');
  const server = await serve(pages);
  const colds = new Map<ServedPage, PopupTiming>();
  const coldFloors = new Map<ServedPage, number>();
  if (cold) {
    try {
      for (const page of pages) {
        colds.set(page, await coldPopup(extensionDir, `${server.origin}${page.path}`));
        coldFloors.set(page, (await coldPopup(extensionDir, `${server.origin}${page.path}`, FLOOR_PAGE)).ms);
      }
    } catch (error) {
      await server.close();
      throw error;
    }
  }
  const session = await launchChromium(extensionDir);
  await session.context.addInitScript(watchPaint);
  const rows: Row[] = [];
  let live = '';
  try {
    // One untimed round warms the browser, the extension and V8's caches.
    const warm = await session.openTab(`${server.origin}${pages[0]!.path}`);
    await timePopup(warm.tabId);
    await warm.page.close();
    for (const page of pages) {
      const { page: tab, tabId } = await session.openTab(`${server.origin}${page.path}`);
      const paints: number[] = [];
      const floors: number[] = [];
      const scripts: number[] = [];
      const cleans: Record<string, number>[] = [];
      const parses: number[] = [];
      let view = '';
      for (let run = 0; run < repeat; run++) {
        const result = await timePopup(tabId);
        paints.push(result.ms);
        scripts.push(result.scriptsMs);
        cleans.push(result.parts);
        view = result.view;
        floors.push((await openPopupTimed(session, tabId, FLOOR_PAGE)).ms);
        parses.push(await readabilityInPage(tab));
      }
      await tab.close();
      const part = (name: string) => median(cleans.map((c) => c[name] ?? NaN));
      const parts = Object.fromEntries(PARTS.map((name) => [name, part(name)]));
      const first = colds.get(page) ?? null;
      rows.push({ page, paint: median(paints), floor: median(floors), scripts: median(scripts), clean: part('total'), parts, readability: median(parses), view, cold: first, coldFloor: coldFloors.get(page) ?? null });
      process.stderr.write(
        `${page.group} ${page.id.slice(0, 36).padEnd(36)} popup ${median(paints).toFixed(0)} ms` +
          `${first ? ` (cold ${first.ms.toFixed(0)} ms, clean ${(first.parts.total ?? NaN).toFixed(1)} ms)` : ''}, Readability ${median(parses).toFixed(1)} ms (${view})\n`,
      );
    }
    live = await benchLive(session, server.origin, pages, repeat);
  } finally {
    await session.close();
    await server.close();
  }
  report(rows);
  process.stdout.write(live);

  function timePopup(tabId: number): Promise<PopupTiming> {
    return openPopupTimed(session, tabId);
  }
}

interface PopupTiming {
  readonly ms: number;
  readonly scriptsMs: number;
  /** cleanDocument's `timingsMs` (total and PARTS). */
  readonly parts: Record<string, number>;
  readonly view: string;
}

async function openPopupTimed(session: ChromiumSession, tabId: number, page = 'popup.html'): Promise<PopupTiming> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 520, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/${page}?tabId=${tabId}`);
  const handle = await popup.waitForFunction(() => (window as unknown as { __declutterPaint?: object }).__declutterPaint, null, { timeout: 30_000 });
  const result = (await handle.jsonValue()) as PopupTiming;
  await popup.close();
  return result;
}

/** The first popup in a browser of its own: a new extension process, nothing built yet. */
async function coldPopup(extensionDir: string, url: string, page = 'popup.html'): Promise<PopupTiming> {
  const session = await launchChromium(extensionDir);
  try {
    await session.context.addInitScript(watchPaint);
    const { tabId } = await session.openTab(url);
    return await openPopupTimed(session, tabId, page);
  } finally {
    await session.close();
  }
}

interface Row {
  readonly page: ServedPage;
  /** Navigation start → article painted. */
  readonly paint: number;
  /** The same for the floor page: the browser's share of the wait. */
  readonly floor: number;
  /** Navigation start → DOMContentLoaded: the popup's own HTML and scripts loaded and run. */
  readonly scripts: number;
  /** cleanDocument inside the popup (its own timings, through the popup's performance mark). */
  readonly clean: number;
  /** Its parts (PARTS; see PART_LEGEND for what each covers). */
  readonly parts: Record<string, number>;
  readonly readability: number;
  readonly view: string;
  /** The first popup in a fresh browser, when measured. */
  readonly cold: PopupTiming | null;
  /** The floor page as the first page in a fresh browser of its own. */
  readonly coldFloor: number | null;
}

function report(rows: Row[]): void {
  const lines = [
    '',
    `Chromium, warm: ${repeat} runs per page, medians; cold: the first popup in a fresh browser, one run per page. ` +
      'popup = open popup.html?tabId=N → article painted; scripts = → DOMContentLoaded ' +
      '(popup bundle loaded and run); clean = cleanDocument in the popup; Readability = clone + parse inside the page (warm); ' +
      'floor = an extension page with none of the popup\'s code that asks the tab for its snapshot as the popup does, parses it and paints its text.',
    PART_LEGEND,
  ];
  lines.push(['', 'page'.padEnd(44), 'popup ms', 'floor', 'scripts', 'clean', 'Rdb ms', 'clean/Rdb', 'cold popup', 'cold clean', 'view'].join(' '));
  for (const r of rows) {
    lines.push(
      [
        '',
        `${r.page.group === 'golden' ? 'G' : 'B'} ${r.page.id.slice(0, 42)}`.padEnd(44),
        r.paint.toFixed(0).padStart(8),
        r.floor.toFixed(0).padStart(5),
        r.scripts.toFixed(0).padStart(7),
        r.clean.toFixed(1).padStart(5),
        r.readability.toFixed(1).padStart(6),
        `${(r.clean / r.readability).toFixed(2)}×`.padStart(9),
        (r.cold ? r.cold.ms.toFixed(0) : '-').padStart(10),
        (r.cold ? (r.cold.parts.total ?? NaN).toFixed(1) : '-').padStart(10),
        r.view,
      ].join(' '),
    );
  }
  for (const group of ['golden', 'benchmark'] as const) {
    const g = rows.filter((r) => r.page.group === group);
    if (!g.length) continue;
    const paint = g.map((r) => r.paint);
    const rd = g.map((r) => r.readability);
    lines.push(
      `${group} pages (${g.length}), warm: popup paint median ${median(paint).toFixed(0)} ms, p95 ${quantile(paint, 0.95).toFixed(0)} ms, ` +
        `of which popup scripts median ${median(g.map((r) => r.scripts)).toFixed(0)} ms and cleanDocument ${median(g.map((r) => r.clean)).toFixed(1)} ms ` +
        `(${median(g.map((r) => r.clean / r.readability)).toFixed(2)}× bare Readability in the page, median of per-page ratios; parts: ` +
        `${PARTS.map((name) => `${name} ${median(g.map((r) => r.parts[name] ?? NaN)).toFixed(1)}`).join(', ')} ms)` +
        `${group === 'golden' ? ' (target ≤ 150 ms)' : ''}; floor median ${median(g.map((r) => r.floor)).toFixed(0)} ms; bare Readability in the page median ${median(rd).toFixed(1)} ms, p95 ${quantile(rd, 0.95).toFixed(1)} ms`,
    );
    const colds = g.flatMap((r) => (r.cold ? [{ row: r, cold: r.cold }] : []));
    if (colds.length) {
      const coldPart = (name: string) => median(colds.map((c) => c.cold.parts[name] ?? NaN)).toFixed(1);
      const coldPaint = colds.map((c) => c.cold.ms);
      lines.push(
        `  cold (first popup in a fresh browser, ${colds.length} pages): popup paint median ${median(coldPaint).toFixed(0)} ms, p95 ${quantile(coldPaint, 0.95).toFixed(0)} ms, ` +
          `of which popup scripts median ${median(colds.map((c) => c.cold.scriptsMs)).toFixed(0)} ms and cleanDocument ${coldPart('total')} ms ` +
          `(${median(colds.map((c) => (c.cold.parts.total ?? NaN) / c.row.readability)).toFixed(2)}× warm bare Readability; parts: ` +
          `${PARTS.map((name) => `${name} ${coldPart(name)}`).join(', ')} ms); cold floor median ` +
          `${median(g.flatMap((r) => (r.coldFloor === null ? [] : [r.coldFloor]))).toFixed(0)} ms`,
      );
    }
  }
  lines.push('', formatBundleSizes(join(ROOT, '.output/chrome-mv3')));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
