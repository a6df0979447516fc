/**
 * Runs both extractors over a corpus and keeps, per page, the texts, their scores and the
 * timings. Shared by the CLI (`npm run bench`) and the CI quality test.
 */
import { parseDocument, type DomName } from '../dom.ts';
import type { BenchPage } from './corpus.ts';
import { runDeclutter, runReadability, timePostprocess, type Extraction } from './extract.ts';
import { scorePage, type PageCounts } from './score.ts';

export interface PageResult {
  readonly page: BenchPage;
  readonly parseMs: number;
  readonly readability: Extraction;
  readonly declutter: Extraction;
  /** Post-processing alone and the Readability run it follows, for the budget split. */
  readonly post: { readonly readability: number; readonly post: number };
  /** Readability + post-processing without the pre-filters: what the filters change. */
  readonly unfiltered: { readonly text: string; readonly scores: PageCounts | null };
  /** Scored layout only. */
  readonly scores: { readonly readability: PageCounts; readonly declutter: PageCounts } | null;
  /** Set when bare Readability threw on this DOM and its text is jsdom's (fundus-dev's trap). */
  readonly readabilityFallback?: string;
  /** Segments layout only: all visible text of the page, to check the scorer on trafilatura's "raw HTML" row. */
  readonly everything?: string;
}

export interface MeasureOptions {
  readonly dom: DomName;
  /** Runs per page, each timing both extractors in both orders; the median time is kept, the text of the first run. */
  readonly repeat: number;
  readonly onPage?: (result: PageResult, index: number) => void;
  /** Also run Readability + post-processing alone (timing split, pre-filter view). On by default. */
  readonly unfiltered?: boolean;
  /** One run of each extractor instead of `repeat` runs in both orders: for the gate, which times nothing. */
  readonly once?: boolean;
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * jsdom 29 throws while parsing some pages' <style> blocks (css-tree on SCSS left in a
 * calc()); a browser never does. Style sheets play no part in extraction, so such a page is
 * parsed again without them rather than dropped from the jsdom run.
 */
export function parseForBench(html: string, url: string, dom: DomName): Document {
  try {
    return parseDocument(html, url, dom);
  } catch {
    return parseDocument(html.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''), url, dom);
  }
}

/**
 * An extractor that throws on a page (jsdom's CSS parser does on some inline styles) scores
 * that page as an empty prediction and is counted, instead of ending the whole run.
 */
function guarded(run: () => Extraction): Extraction {
  const t0 = performance.now();
  try {
    return run();
  } catch (error) {
    return { text: '', title: '', ms: performance.now() - t0, status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

export function measure(pages: readonly BenchPage[], options: MeasureOptions): PageResult[] {
  const results: PageResult[] = [];
  pages.forEach((page, index) => {
    const t0 = performance.now();
    const doc = parseForBench(page.html, page.url, options.dom);
    const parseMs = performance.now() - t0;
    const rd: Extraction[] = [];
    const dc: Extraction[] = [];
    // Each run times both orders, Readability then Declutter and Declutter then Readability:
    // whichever goes second pays for the first one's garbage (a collection lands in it more
    // often), and with one order per run an odd number of runs handed that cost mostly to one
    // side. Measured on the 91 benchmark pages, the order alone moved the median ratio by 0.2.
    for (let run = 0; run < Math.max(1, options.repeat); run++) {
      rd.push(guarded(() => runReadability(doc)));
      dc.push(guarded(() => runDeclutter(doc, page.url)));
      if (options.once) break;
      dc.push(guarded(() => runDeclutter(doc, page.url)));
      rd.push(guarded(() => runReadability(doc)));
    }
    let readability: Extraction = { ...rd[0]!, ms: median(rd.map((r) => r.ms)), fastestMs: Math.min(...rd.map((r) => r.ms)) };
    // Readability 0.6.0 throws under linkedom on some pages that it parses under jsdom and in
    // browsers (fundus-dev's README: a German publisher group). Scored as empty, it would look
    // worse than it is and the gate "never below Readability" would be too easy: its text
    // there is jsdom's. Its time is not comparable, so those pages leave the time ratio.
    let readabilityFallback: string | undefined;
    if (readability.status === 'error' && options.dom === 'linkedom') {
      readabilityFallback = readability.error;
      const again = guarded(() => runReadability(parseForBench(page.html, page.url, 'jsdom')));
      readability = { ...again, ms: NaN, fastestMs: NaN };
    }
    const partNames = Object.keys(dc[0]!.parts ?? {});
    const declutter = {
      ...dc[0]!,
      ms: median(dc.map((r) => r.ms)),
      fastestMs: Math.min(...dc.map((r) => r.ms)),
      parts: Object.fromEntries(partNames.map((name) => [name, median(dc.map((r) => r.parts?.[name] ?? NaN))])),
    };
    const posts =
      options.unfiltered === false
        ? [{ readability: NaN, post: NaN, text: '' }]
        : Array.from({ length: Math.max(1, options.repeat) }, () => {
            try {
              return timePostprocess(doc, page.url);
            } catch {
              return { readability: NaN, post: NaN, text: '' };
            }
          });
    const post = { readability: median(posts.map((p) => p.readability)), post: median(posts.map((p) => p.post)) };
    const scores =
      page.truth === null
        ? null
        : { readability: scorePage(page.truth, readability.text), declutter: scorePage(page.truth, declutter.text) };
    const unfiltered = { text: posts[0]!.text, scores: page.truth === null ? null : scorePage(page.truth, posts[0]!.text) };
    const result: PageResult = {
      page,
      parseMs,
      readability,
      declutter,
      post,
      unfiltered,
      scores,
      ...(readabilityFallback === undefined ? {} : { readabilityFallback }),
      ...(page.segments ? { everything: visibleText(doc) } : {}),
    };
    results.push(result);
    options.onPage?.(result, index);
  });
  return results;
}

/** The body's text without scripts, styles and templates: what "raw HTML" extraction shows. */
function visibleText(doc: Document): string {
  const body = (doc.body ?? doc.documentElement)?.cloneNode(true) as Element | undefined;
  if (!body) return '';
  for (const el of Array.from(body.querySelectorAll('script, style, noscript, template'))) el.remove();
  return body.textContent ?? '';
}

/** Whitespace folded as the ru-news-dev README prescribes before matching strings. */
export function foldForMatch(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\u200b\ufeff]+/g, ' ').trim();
}

export interface ExpectationScore {
  readonly bodyFound: number;
  readonly bodyTotal: number;
  readonly clutterLeaked: string[];
  readonly clutterTotal: number;
  readonly missingBody: string[];
  readonly titleOk: boolean;
}

export function scoreExpectations(page: BenchPage, extraction: Extraction): ExpectationScore {
  const expect = page.expect!;
  const text = foldForMatch(extraction.text);
  const missingBody = expect.body.filter((prefix) => !text.includes(foldForMatch(prefix)));
  return {
    bodyFound: expect.body.length - missingBody.length,
    bodyTotal: expect.body.length,
    missingBody,
    clutterLeaked: expect.clutter.filter((c) => text.includes(foldForMatch(c))),
    clutterTotal: expect.clutter.length,
    titleOk: foldForMatch(extraction.title) === foldForMatch(expect.title),
  };
}
