/**
 * The per-corpus detail under `npm run bench -- --corpus NAME`: the corpus's own report
 * (shingle table or per-page paragraphs and clutter), timing split, and on request the
 * worst pages (--worst N) and what post-processing removed (--explain).
 */
import type { CorpusKind } from './corpus.ts';
import { explainPostprocess } from './extract.ts';
import { median, parseForBench, quantile, scoreExpectations, type PageResult } from './measure.ts';
import { aggregate, countShingles, pageF1, precisionOf, recallOf, shingleList, tokenize, unmatchedRuns, type Metrics } from './score.ts';
import type { DomName } from '../dom.ts';

export interface DetailOptions {
  readonly dom: DomName;
  readonly versions: { readonly readability: string; readonly declutter: string };
  readonly worst: number;
  readonly explain: boolean;
}

let dom: DomName = 'linkedom';
let versions: DetailOptions['versions'] = { readability: 'readability', declutter: 'declutter' };

export function detailReport(rs: PageResult[], kind: CorpusKind, options: DetailOptions): string[] {
  dom = options.dom;
  versions = options.versions;
  const lines: string[] = [];
  if (kind === 'scored') lines.push(...scoredReport(rs));
  else if (kind === 'expectations') lines.push(...expectationsReport(rs));
  lines.push(...timingReport(rs));
  if (options.worst > 0 && kind === 'scored') lines.push(...worstReport(rs, options.worst));
  if (options.explain) lines.push(...explainReport(rs));
  return lines;
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

function ratio(a: number, b: number): string {
  return b > 0 ? `${(a / b).toFixed(3)}×` : '—';
}

function scoredReport(rs: PageResult[]): string[] {
  const rd: Metrics = aggregate(rs.map((r) => r.scores!.readability));
  const dc: Metrics = aggregate(rs.map((r) => r.scores!.declutter));
  const forced = rs.filter((r) => r.declutter.status === 'not-readerable').length;
  const empty = rs.filter((r) => !r.declutter.text).length;
  const errors = rs.flatMap((r) =>
    (['readability', 'declutter'] as const).filter((k) => r[k].status === 'error').map((k) => `${r.page.id.slice(0, 12)} ${k} threw: ${r[k].error}`),
  );
  const head = ['', 'extractor'.padEnd(28), 'precision', '   recall', '       F1', '  ms med', '  ms p95'].join(' ');
  const row = (name: string, m: Metrics, ms: number[]) =>
    [
      '',
      name.padEnd(28),
      fmt(m.precision).padStart(9),
      fmt(m.recall).padStart(9),
      fmt(m.f1).padStart(9),
      fmt(median(ms), 1).padStart(8),
      fmt(quantile(ms, 0.95), 1).padStart(8),
    ].join(' ');
  const rdMs = rs.map((r) => r.readability.ms);
  const dcMs = rs.map((r) => r.declutter.ms);
  return [
    '',
    'Scored as scrapinghub/article-extraction-benchmark evaluate.py (4-token shingles); both texts via articleText().',
    head,
    row(versions.readability, rd, rdMs),
    row(versions.declutter, dc, dcMs),
    [
      '',
      'Declutter / Readability'.padEnd(28),
      ratio(dc.precision, rd.precision).padStart(9),
      ratio(dc.recall, rd.recall).padStart(9),
      ratio(dc.f1, rd.f1).padStart(9),
      ratio(median(dcMs), median(rdMs)).padStart(8),
      ratio(quantile(dcMs, 0.95), quantile(rdMs, 0.95)).padStart(8),
    ].join(' '),
    row('(without pre-filters)', aggregate(rs.map((r) => r.unfiltered.scores!)), []),
    `Pages: Declutter better on ${rs.filter((r) => pageF1(r.scores!.declutter) > pageF1(r.scores!.readability) + 1e-9).length}, worse on ${
      rs.filter((r) => pageF1(r.scores!.declutter) < pageF1(r.scores!.readability) - 1e-9).length
    }; ${forced} turned away at the click (scored with force, as "show anyway"); ${empty} empty.`,
    ...errors.map((e) => `  ${e.slice(0, 200)}`),
  ];
}

function expectationsReport(rs: PageResult[]): string[] {
  const lines = [
    '',
    'Body = share of expected paragraph prefixes found; clutter = expected clutter strings that leaked into the text.',
    ['', 'page'.padEnd(36), 'body Rdb', 'body Dcl', 'clutter Rdb', 'clutter Dcl', 'title R/D'].join(' '),
  ];
  let rdBody = 0;
  let dcBody = 0;
  let total = 0;
  let rdLeak = 0;
  let dcLeak = 0;
  let clutterTotal = 0;
  const details: string[] = [];
  for (const r of rs) {
    const a = scoreExpectations(r.page, r.readability);
    const b = scoreExpectations(r.page, r.declutter);
    rdBody += a.bodyFound;
    dcBody += b.bodyFound;
    total += a.bodyTotal;
    rdLeak += a.clutterLeaked.length;
    dcLeak += b.clutterLeaked.length;
    clutterTotal += a.clutterTotal;
    lines.push(
      [
        '',
        r.page.id.padEnd(36),
        `${a.bodyFound}/${a.bodyTotal}`.padStart(8),
        `${b.bodyFound}/${b.bodyTotal}`.padStart(8),
        `${a.clutterLeaked.length}/${a.clutterTotal}`.padStart(11),
        `${b.clutterLeaked.length}/${b.clutterTotal}`.padStart(11),
        `${a.titleOk ? 'ok' : 'NO'}/${b.titleOk ? 'ok' : 'NO'}`.padStart(9),
      ].join(' '),
    );
    for (const m of b.missingBody) details.push(`  ${r.page.id} Declutter MISSES  ${m}`);
    for (const c of b.clutterLeaked) details.push(`  ${r.page.id} Declutter LEAKS   ${c}`);
    if (!b.titleOk) details.push(`  ${r.page.id} Declutter TITLE   «${r.declutter.title}» ≠ «${r.page.expect!.title}»`);
  }
  lines.push(
    [
      '',
      'all pages'.padEnd(36),
      `${fmt(rdBody / total)}`.padStart(8),
      `${fmt(dcBody / total)}`.padStart(8),
      `${fmt(rdLeak / clutterTotal)}`.padStart(11),
      `${fmt(dcLeak / clutterTotal)}`.padStart(11),
    ].join(' '),
    ...details,
  );
  return lines;
}

function timingReport(rs: PageResult[]): string[] {
  const parse = rs.map((r) => r.parseMs);
  const ratios = rs.map((r) => r.declutter.ms / r.readability.ms);
  const fastest = rs.map((r) => (r.declutter.fastestMs ?? NaN) / (r.readability.fastestMs ?? NaN));
  return [
    '',
    `ms per page (median / p95): Readability ${fmt(median(rs.map((r) => r.readability.ms)), 1)} / ${fmt(quantile(rs.map((r) => r.readability.ms), 0.95), 1)}, ` +
      `Declutter ${fmt(median(rs.map((r) => r.declutter.ms)), 1)} / ${fmt(quantile(rs.map((r) => r.declutter.ms), 0.95), 1)}, ` +
      `DOM parse (${dom}, not in either) ${fmt(median(parse), 1)} / ${fmt(quantile(parse, 0.95), 1)}`,
    `Per-page time ratio Declutter/Readability: median ${fmt(median(ratios), 3)}×, p95 ${fmt(quantile(ratios, 0.95), 3)}× (target ≤ 1.15×)`,
    // The median run pays its share of garbage collection and of whatever else the machine
    // does; the fastest run pays neither, so its ratio moves far less between runs of the
    // bench. It is shown beside the target's number, not instead of it.
    `  from each page's fastest runs instead of its median runs: median ${fmt(median(fastest), 3)}×, p95 ${fmt(quantile(fastest, 0.95), 3)}×`,
    `Declutter's parts, median ms: ${['filters', 'clone', 'readability', 'annotate'].map((k) => `${k} ${fmt(median(rs.map((r) => r.declutter.parts?.[k] ?? NaN)), 1)}`).join(', ')} ` +
      '(filters = page walk + detection + removal log; clone = copy without the clutter + absolute URLs; ' +
      'readability = prose check + annotator\'s page lines + Readability; annotate = listing check + post-processing + annotator)',
    `Post-processing alone: median ${fmt(median(rs.map((r) => r.post.post)), 2)} ms, ${fmt(100 * median(rs.map((r) => r.post.post / r.post.readability)), 1)}% of the Readability run before it (median of per-page ratios)`,
  ];
}

function excerpt(tokens: string[]): string {
  return tokens.length <= 24 ? tokens.join(' ') : `${tokens.slice(0, 14).join(' ')} … ${tokens.slice(-8).join(' ')}`;
}

function runsReport(label: string, runs: string[][], limit = 5): string[] {
  const sorted = [...runs].sort((a, b) => b.length - a.length);
  const words = runs.reduce((n, r) => n + r.length, 0);
  if (!words) return [];
  return [
    `    ${label} (${words} words in ${runs.length} runs):`,
    ...sorted.slice(0, limit).map((r) => `      [${r.length}] ${excerpt(r)}`),
  ];
}

function worstReport(rs: PageResult[], n: number): string[] {
  const describe = (r: PageResult, vsReadability: boolean): string[] => {
    const s = r.scores!;
    const lines = [
      `  ${r.page.id.slice(0, 12)}  ${r.page.url}`,
      `    Readability P ${fmt(precisionOf(s.readability))} R ${fmt(recallOf(s.readability))} F1 ${fmt(pageF1(s.readability))}` +
        ` | Declutter P ${fmt(precisionOf(s.declutter))} R ${fmt(recallOf(s.declutter))} F1 ${fmt(pageF1(s.declutter))}`,
      ...runsReport('Declutter missed (in truth)', unmatchedRuns(r.page.truth!, r.declutter.text)),
      ...runsReport('Declutter extra (not in truth)', unmatchedRuns(r.declutter.text, r.page.truth!)),
    ];
    if (vsReadability) {
      lines.push(
        ...runsReport('dropped vs Readability', unmatchedRuns(r.readability.text, r.declutter.text)),
        ...runsReport('added vs Readability', unmatchedRuns(r.declutter.text, r.readability.text)),
      );
    }
    return lines;
  };
  const lowest = [...rs].sort((a, b) => pageF1(a.scores!.declutter) - pageF1(b.scores!.declutter)).slice(0, n);
  const losses = rs
    .map((r) => ({ r, loss: pageF1(r.scores!.readability) - pageF1(r.scores!.declutter) }))
    .filter((x) => x.loss > 1e-9)
    .sort((a, b) => b.loss - a.loss)
    .slice(0, n);
  const filterLosses = rs
    .map((r) => ({ r, loss: pageF1(r.unfiltered.scores!) - pageF1(r.scores!.declutter) }))
    .filter((x) => Math.abs(x.loss) > 1e-9)
    .sort((a, b) => b.loss - a.loss);
  const filterView = filterLosses.flatMap(({ r, loss }) => [
    `  ${r.page.id.slice(0, 12)}  ${loss > 0 ? 'filters cost' : 'filters gain'} F1 ${Math.abs(loss).toFixed(3)}  ${r.page.url}`,
    ...runsReport('filters dropped', unmatchedRuns(r.unfiltered.text, r.declutter.text)),
    ...runsReport('filters let in', unmatchedRuns(r.declutter.text, r.unfiltered.text)),
  ]);
  return [
    '',
    `Pages where the pre-filters change the result (vs Readability + post-processing alone) (${filterLosses.length}):`,
    ...(filterView.length ? filterView : ['  none']),
    '',
    `Lowest Declutter F1 (${lowest.length}):`,
    ...lowest.flatMap((r) => describe(r, false)),
    '',
    `Largest losses vs Readability (${losses.length}):`,
    ...(losses.length ? losses.flatMap(({ r }) => describe(r, true)) : ['  none']),
  ];
}

function explainReport(rs: PageResult[]): string[] {
  const lines = ['', 'Post-processing removals (on bare Readability output; "article" = share of its shingles in the truth):'];
  let harmful = 0;
  let total = 0;
  for (const r of rs) {
    const removals = explainPostprocess(parseForBench(r.page.html, r.page.url, dom), r.page.url);
    if (!removals.length) continue;
    lines.push(`  ${r.page.id.slice(0, 12)}  ${r.page.url}`);
    const truth = r.page.truth === null ? null : countShingles(r.page.truth);
    const expected = r.page.expect ? [...r.page.expect.body] : [];
    for (const m of removals) {
      const keys = shingleList(tokenize(m.text));
      let share = '';
      if (truth && keys.length) {
        const tokens = tokenize(m.text);
        // Under four tokens there is no 4-token shingle to look up: look for the words in a row.
        const inTruth =
          tokens.length < 4
            ? ` ${tokenize(r.page.truth!).join(' ')} `.includes(` ${tokens.join(' ')} `) ? 1 : 0
            : keys.filter((k) => truth.has(k)).length / keys.length;
        share = `${Math.round(inTruth * 100)}% article`.padStart(12);
        if (inTruth > 0.5) harmful++;
      } else if (expected.some((b) => m.text.includes(b.slice(0, 40)))) share = 'HAS BODY'.padStart(12);
      total++;
      lines.push(`    ${share} [${m.step}] ${m.reason}: ${m.text.slice(0, 150)}`);
    }
  }
  lines.push(`  ${total} removals, ${harmful} mostly article text`);
  return lines;
}
