/**
 * The live cleaner's cost on real pages, for `npm run bench:browser` (called from
 * browser.ts with the session and the served pages it already has).
 *
 * The live script is registered the way an opted-in site gets it (run at document_idle),
 * for 127.0.0.1, and each golden page is loaded `repeat` times. The script's own User
 * Timing entries (entrypoints/live.content/session.ts) give, per load:
 * - idle → first hide: from the script's start at document_idle to its first pass done,
 *   settings read included (what the reader waits for);
 * - first pass: detection and marking alone.
 * Also reported: the live script's size, minified and gzipped, from the production build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChromiumSession } from '../e2e/support/chromium.ts';
import { median, quantile } from './measure.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const LIVE_SCRIPT = 'content-scripts/live.js';
const BENCH_SCRIPT_ID = 'declutter-bench-live';

type Chrome = {
  scripting: {
    registerContentScripts(scripts: object[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
};

export interface LivePageTiming {
  readonly id: string;
  readonly firstHide: number;
  readonly firstPass: number;
  readonly hidden: number;
}

export async function benchLive(
  session: ChromiumSession,
  origin: string,
  pages: readonly { readonly group: string; readonly id: string; readonly path: string }[],
  repeat: number,
): Promise<string> {
  const golden = pages.filter((p) => p.group === 'golden');
  await session.worker.evaluate(
    ([id, file]) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.scripting.registerContentScripts([
        { id, js: [file], matches: ['http://127.0.0.1/*'], runAt: 'document_idle', persistAcrossSessions: false },
      ]),
    [BENCH_SCRIPT_ID, LIVE_SCRIPT] as const,
  );
  const rows: LivePageTiming[] = [];
  try {
    for (const page of golden) {
      const runs: { firstHide: number; firstPass: number; hidden: number }[] = [];
      for (let run = 0; run < repeat; run++) {
        const tab = await session.context.newPage();
        await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
        const handle = await tab.waitForFunction(
          () => {
            const hide = performance.getEntriesByName('declutter-live-first-hide')[0];
            const pass = performance.getEntriesByName('declutter-live-first-pass')[0];
            return hide && pass ? { firstHide: hide.duration, firstPass: pass.duration, hidden: document.querySelectorAll('[data-declutter-hidden]').length } : null;
          },
          null,
          { timeout: 15_000, polling: 20 },
        );
        runs.push((await handle.jsonValue())!);
        await tab.close();
      }
      const row = { id: page.id, firstHide: median(runs.map((r) => r.firstHide)), firstPass: median(runs.map((r) => r.firstPass)), hidden: runs[0]!.hidden };
      rows.push(row);
      process.stderr.write(`live ${page.id.slice(0, 36).padEnd(36)} idle → first hide ${row.firstHide.toFixed(1)} ms (pass ${row.firstPass.toFixed(1)} ms), ${row.hidden} hidden\n`);
    }
  } finally {
    await session.worker.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.unregisterContentScripts({ ids: [id] }), BENCH_SCRIPT_ID);
  }
  return formatLive(rows, repeat);
}

function liveScriptSize(): string {
  for (const dir of ['.output/chrome-mv3', '.output/chrome-mv3-e2e']) {
    const path = join(ROOT, dir, LIVE_SCRIPT);
    if (!existsSync(path)) continue;
    const data = readFileSync(path);
    return `${(data.length / 1024).toFixed(1)} KB minified, ${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1)} KB gzip -9 (${dir}/${LIVE_SCRIPT})`;
  }
  return 'no build (run npm run build:chrome)';
}

function formatLive(rows: readonly LivePageTiming[], repeat: number): string {
  const lines = ['', `Live cleaning (registered live script at document_idle, golden pages, ${repeat} loads each, medians):`];
  lines.push(['', 'page'.padEnd(44), 'idle→hide ms', 'pass ms', 'hidden'].join(' '));
  for (const r of rows) lines.push(['', r.id.slice(0, 44).padEnd(44), r.firstHide.toFixed(1).padStart(12), r.firstPass.toFixed(1).padStart(7), String(r.hidden).padStart(6)].join(' '));
  if (rows.length) {
    const hide = rows.map((r) => r.firstHide);
    const pass = rows.map((r) => r.firstPass);
    lines.push(
      `live: idle → first hide median ${median(hide).toFixed(1)} ms, p95 ${quantile(hide, 0.95).toFixed(1)} ms; ` +
        `first pass median ${median(pass).toFixed(1)} ms, p95 ${quantile(pass, 0.95).toFixed(1)} ms (${rows.length} golden pages)`,
    );
  }
  lines.push(`live script: ${liveScriptSize()}`);
  return `${lines.join('\n')}\n`;
}
