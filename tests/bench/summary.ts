/**
 * One corpus's results boiled down to what the table and the gate compare, Declutter beside
 * bare Readability: the corpus's own metric, headlines right, pages with no article, time,
 * and the pages where Readability finds the article and Declutter shows none.
 */
import type { CorpusKind } from './corpus.ts';
import { median, scoreExpectations, type PageResult } from './measure.ts';
import { aggregate, recallOf, scoreSegments, segmentMetrics, titleMatches, type Metrics } from './score.ts';
import type { Extraction } from './extract.ts';

/** One extractor's numbers on one corpus. */
export interface Side {
  /** P/R/F1 (shingles or segments); for the expectations layout P = 1 − clutter share, R = paragraphs found. */
  readonly metrics: Metrics;
  /** Expectations layout: paragraphs found and clutter strings leaked, as counts. */
  readonly paragraphs?: { readonly found: number; readonly total: number; readonly leaked: number; readonly clutter: number };
  readonly titles: { readonly right: number; readonly total: number } | null;
  /** Pages where the reader would be told there is no article (or shown an empty one). */
  readonly noArticle: number;
  readonly msMedian: number;
}

export interface CorpusSummary {
  readonly name: string;
  readonly kind: CorpusKind;
  readonly pages: number;
  readonly readability: Side;
  readonly declutter: Side;
  /** Segments layout: every visible word of the page as the "extraction" (trafilatura's raw-HTML row). */
  readonly everything?: Metrics;
  readonly ratioMedian: number;
  /** Ids of pages where bare Readability returns the article and Declutter's click shows none. */
  readonly lost: readonly string[];
  /** Ids of pages where Readability threw on linkedom and was scored from jsdom. */
  readonly readabilityFallbacks: readonly string[];
}

/** What the reader gets on the click: Declutter's first answer, before any "Show anyway". */
export function shownAtClick(e: Extraction): boolean {
  return e.status === 'ok' && e.text.trim().length > 0;
}

/**
 * Readability "finds the article" when its text holds at least half of it: half the true
 * text's shingles (scored corpora), half the must-have segments, or half the paragraphs.
 * Readability returns some text on nearly every page, listings included; this asks for the
 * article's own text.
 */
export function readabilityFinds(r: PageResult): boolean {
  if (!r.readability.text.trim()) return false;
  if (r.scores) return recallOf(r.scores.readability) >= 0.5;
  if (r.page.segments) {
    const s = scoreSegments(r.readability.text, r.page.segments);
    return s.tp > 0 && s.tp >= (s.tp + s.fn) / 2;
  }
  const e = scoreExpectations(r.page, r.readability);
  return e.bodyTotal > 0 && e.bodyFound >= e.bodyTotal / 2;
}

function side(rs: readonly PageResult[], kind: CorpusKind, pick: (r: PageResult) => Extraction, which: 'readability' | 'declutter'): Side {
  const titled = rs.filter((r) => r.page.title);
  const titles = titled.length ? { right: titled.filter((r) => titleMatches(pick(r).title, r.page.title!)).length, total: titled.length } : null;
  const noArticle = rs.filter((r) => (which === 'declutter' ? !shownAtClick(pick(r)) : !pick(r).text.trim())).length;
  const msMedian = median(rs.map((r) => pick(r).ms).filter(Number.isFinite));
  if (kind === 'scored') return { metrics: aggregate(rs.map((r) => r.scores![which])), titles, noArticle, msMedian };
  if (kind === 'segments') return { metrics: segmentMetrics(rs.map((r) => scoreSegments(pick(r).text, r.page.segments!))), titles, noArticle, msMedian };
  const scored = rs.map((r) => scoreExpectations(r.page, pick(r)));
  const found = scored.reduce((n, e) => n + e.bodyFound, 0);
  const total = scored.reduce((n, e) => n + e.bodyTotal, 0);
  const leaked = scored.reduce((n, e) => n + e.clutterLeaked.length, 0);
  const clutter = scored.reduce((n, e) => n + e.clutterTotal, 0);
  const precision = clutter ? 1 - leaked / clutter : 1;
  const recall = total ? found / total : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { metrics: { precision, recall, f1 }, paragraphs: { found, total, leaked, clutter }, titles, noArticle, msMedian };
}

export function summarize(name: string, kind: CorpusKind, rs: readonly PageResult[]): CorpusSummary {
  const ratios = rs.filter((r) => Number.isFinite(r.readability.ms) && r.readability.ms > 0).map((r) => r.declutter.ms / r.readability.ms);
  return {
    name,
    kind,
    pages: rs.length,
    readability: side(rs, kind, (r) => r.readability, 'readability'),
    declutter: side(rs, kind, (r) => r.declutter, 'declutter'),
    ...(kind === 'segments' ? { everything: segmentMetrics(rs.map((r) => scoreSegments(r.everything ?? '', r.page.segments!))) } : {}),
    ratioMedian: median(ratios),
    lost: rs.filter((r) => readabilityFinds(r) && !shownAtClick(r.declutter)).map((r) => r.page.id),
    readabilityFallbacks: rs.filter((r) => r.readabilityFallback !== undefined).map((r) => r.page.id),
  };
}

const METRIC: Record<CorpusKind, string> = {
  scored: 'shingle P/R/F1 (article-extraction-benchmark evaluate.py)',
  segments: 'segment P/R/F (trafilatura eval: with = TP/FN, without = FP/TN, summed)',
  expectations: 'paragraphs found, clutter strings leaked (P = 1 − leaked share, R = found share)',
};

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** The one table `npm run bench` prints: two rows per corpus, Readability first. */
export function formatSummary(summaries: readonly CorpusSummary[]): string[] {
  const head = ['corpus'.padEnd(24), 'extractor'.padEnd(12), '    P', '    R', '   F1', 'titles'.padStart(9), 'no art.'.padStart(7), 'ms med'.padStart(7), 'ratio'.padStart(7), '  extra'];
  const lines = [head.join(' ')];
  for (const s of summaries) {
    const row = (label: string, x: Side, extra: string, ratio: string) =>
      [
        (label === 'Readability' ? `${s.name} (${s.pages})` : '').padEnd(24),
        label.padEnd(12),
        fmt(x.metrics.precision),
        fmt(x.metrics.recall),
        fmt(x.metrics.f1),
        (x.titles ? `${x.titles.right}/${x.titles.total}` : '—').padStart(9),
        String(x.noArticle).padStart(7),
        fmt(x.msMedian, 1).padStart(7),
        ratio.padStart(7),
        extra,
      ].join(' ');
    const para = (x: Side) => (x.paragraphs ? `  paragraphs ${x.paragraphs.found}/${x.paragraphs.total}, clutter ${x.paragraphs.leaked}/${x.paragraphs.clutter}` : '');
    lines.push(row('Readability', s.readability, para(s.readability), ''));
    lines.push(row('Declutter', s.declutter, `${para(s.declutter)}  lost ${s.lost.length}`, `${fmt(s.ratioMedian, 2)}×`));
    if (s.everything) lines.push(['', ''.padEnd(23), 'all text'.padEnd(12), fmt(s.everything.precision), fmt(s.everything.recall), fmt(s.everything.f1), '  (every visible word: the scorer\'s check)'].join(' '));
  }
  lines.push(
    '',
    ...Object.entries(METRIC)
      .filter(([k]) => summaries.some((s) => s.kind === k))
      .map(([k, v]) => `${k === 'scored' ? 'shingles' : k}: ${v}`),
    'titles: headline equal to the corpus\'s after NFC, whitespace runs to one space and every quote mark to one (case, dashes, entities count).',
    'no art.: Readability returned nothing / Declutter\'s click answered "no article" (scores count Declutter\'s "Show anyway" text).',
    'lost: pages where Readability\'s text holds half the article or more and Declutter\'s click shows none.',
    'ratio: median over pages of Declutter ms / Readability ms (noisy on a shared machine).',
  );
  for (const s of summaries) {
    if (s.readabilityFallbacks.length) lines.push(`${s.name}: Readability threw under linkedom on ${s.readabilityFallbacks.length} page(s), scored from jsdom: ${s.readabilityFallbacks.join(', ')}`);
    if (s.lost.length) lines.push(`${s.name}: lost: ${s.lost.join(', ')}`);
  }
  return lines;
}

/** What `npm run bench:gate` fails on, one readable line per failure (see gate.ts). */
const EPS = 1e-9;


export function gateFailures(s: CorpusSummary): string[] {
  const failures: string[] = [];
  const rd = s.readability;
  const dc = s.declutter;
  if (s.kind === 'expectations') {
    const a = rd.paragraphs!;
    const b = dc.paragraphs!;
    if (b.found < a.found) failures.push(`${s.name}: Declutter finds ${b.found}/${b.total} paragraphs, Readability ${a.found}/${a.total}`);
    if (b.leaked > a.leaked) failures.push(`${s.name}: Declutter leaks ${b.leaked} clutter strings, Readability ${a.leaked}`);
  } else if (dc.metrics.f1 + EPS < rd.metrics.f1) {
    failures.push(`${s.name}: Declutter F1 ${dc.metrics.f1.toFixed(4)} < Readability ${rd.metrics.f1.toFixed(4)} (P ${dc.metrics.precision.toFixed(3)}/${rd.metrics.precision.toFixed(3)}, R ${dc.metrics.recall.toFixed(3)}/${rd.metrics.recall.toFixed(3)})`);
  }
  if (dc.titles && rd.titles && dc.titles.right < rd.titles.right) {
    failures.push(`${s.name}: Declutter has ${dc.titles.right}/${dc.titles.total} headlines right, Readability ${rd.titles.right}/${rd.titles.total}`);
  }
  for (const id of s.lost) failures.push(`${s.name}: page ${id}: Readability returns the article, Declutter's click shows no article`);
  return failures;
}

