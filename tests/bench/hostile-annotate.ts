/**
 * npx tsx tests/bench/hostile-annotate.ts (also the last lines of `npm run bench`)
 *
 * The annotator on hostile pages of marked names (tests/fixtures/hostile/marked-names.ts):
 * 256 KB and 1 MB in one paragraph, thousands of marks. Reports the median of a few runs
 * after a warm-up, the mentions annotated (the page's budget, annotate/work.ts) and the steps
 * counted. Timings on a shared machine are noisy; the unit test judges the steps, not these.
 */
import { pathToFileURL } from 'node:url';
import { annotateArticle } from '../../utils/cleaner/annotate/banned-orgs.ts';
import { resetSteps, stepsTaken } from '../../utils/cleaner/annotate/work.ts';
import { markedNamesCount, markedNamesPage } from '../fixtures/hostile/marked-names.ts';
import { parseDocument } from '../dom.ts';

export function hostileAnnotateLines(repeat = 3): string[] {
  const lines = ['annotator on a hostile page of marked names (linkedom, median of runs after a warm-up):'];
  for (const kb of [256, 1024]) {
    const times: number[] = [];
    let mentions = 0;
    let steps = 0;
    for (let i = 0; i <= repeat; i++) {
      const doc = parseDocument(markedNamesPage(kb * 1024, kb * 100 + i), 'https://example.ru/news/1', 'linkedom');
      resetSteps();
      const t0 = performance.now();
      const result = annotateArticle(doc.querySelector('article')!, doc, 'Марки', { publishedTime: '2025-06-01T10:00:00+03:00' });
      const ms = performance.now() - t0;
      if (i > 0) times.push(ms);
      mentions = result.annotations.reduce((n, a) => n + a.mentions.length, 0);
      steps = stepsTaken();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    lines.push(`  ${String(kb).padStart(4)} KB, ${markedNamesCount(kb * 1024)} marks: ${median.toFixed(0)} ms, ${mentions} mentions annotated, ${steps} steps`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.stdout.write(`${hostileAnnotateLines().join('\n')}\n`);
