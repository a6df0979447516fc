/**
 * npx tsx tests/bench/annotation-kinds.ts [--cases]
 *
 * Precision and recall of the annotator on its sentence table (tests/fixtures/annotations/),
 * split by issue 15's kinds of case, under linkedom: mentions found right, extra and missed,
 * and the cases that fail any other check (category, state, persons, reading text). With
 * --cases it lists each failing case and why.
 */
import { CASES, type CaseKind } from '../fixtures/annotations/sentences.ts';
import { judge, runCase } from '../fixtures/annotations/run.ts';

interface Row { cases: number; mustNot: number; tp: number; fp: number; fn: number; failing: number }
const rows = new Map<CaseKind, Row>();
const failures: string[] = [];
for (const c of CASES) {
  const kind = c.kind ?? 'base';
  const row = rows.get(kind) ?? { cases: 0, mustNot: 0, tp: 0, fp: 0, fn: 0, failing: 0 };
  rows.set(kind, row);
  const v = judge(c, runCase(c, 'linkedom'));
  row.cases++;
  if (!c.expect.length) row.mustNot++;
  row.tp += v.correct;
  row.fp += v.extra.length;
  row.fn += v.missing.length;
  if (v.problems.length) {
    row.failing++;
    failures.push(`[${kind}] ${c.text.slice(0, 60).replace(/\n/g, ' ')}… — ${v.problems.join('; ')}`);
  }
}

const pct = (a: number, b: number): string => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
const lines = ['| kind | cases (must-not) | correct | extra | missed | precision | recall | cases failing a check |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
const all: Row = { cases: 0, mustNot: 0, tp: 0, fp: 0, fn: 0, failing: 0 };
for (const [kind, r] of rows) {
  lines.push(`| ${kind} | ${r.cases} (${r.mustNot}) | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.tp, r.tp + r.fp)} | ${pct(r.tp, r.tp + r.fn)} | ${r.failing} |`);
  for (const k of Object.keys(all) as (keyof Row)[]) all[k] += r[k];
}
lines.push(`| **all** | ${all.cases} (${all.mustNot}) | ${all.tp} | ${all.fp} | ${all.fn} | ${pct(all.tp, all.tp + all.fp)} | ${pct(all.tp, all.tp + all.fn)} | ${all.failing} |`);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--cases')) process.stdout.write(`\n${failures.join('\n')}\n`);
