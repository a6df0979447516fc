/**
 * The command line a reader tries first (`npm run -s clean -- page.html`): a file it cannot
 * read is one line on stderr, and annotations print as lines a reader can scan, not JSON.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resultText } from '../../scripts/clean-cli-text.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { parseDocument } from '../dom.ts';
import { readFileSync } from 'node:fs';

const ROOT = resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/clean-cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('clean CLI', () => {
  // Starts Node and tsx twice: generous for a loaded 2-core machine.
  test('a missing file or a directory: one line on stderr, exit code 1, no stack trace', { timeout: 120_000 }, () => {
    for (const [path, why] of [['no-such-page.html', 'no such file'], ['tests', 'a directory']] as const) {
      const run = cli(path);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`cannot read ${path}: ${why}`)]);
    }
  });

  test('annotations print as readable lines: name, category, registry, mentions, the page’s note', () => {
    const url = 'https://www.gazeta.ru/politics/2016/11/26/10355717.shtml';
    const html = readFileSync(resolve(ROOT, 'tests/golden/pages/gazeta-putin-olland/source.html'), 'utf8');
    const result = cleanDocument(parseDocument(html, url, 'linkedom'), { url, filters: FILTERS });
    const text = resultText(result);
    const block = text.slice(text.indexOf('Annotations ('), text.indexOf('Removed ('));
    expect(block).not.toContain('{');
    expect(block).toContain('- «Исламское государство»: terrorist (banned)');
    expect(block).toContain('registry: Islamic State');
    expect(block).toContain('"ИГ" (marked, "*", in the title)');
    expect(block).toContain('page says: организация запрещена в России');
  });
});
