/**
 * The end of `npm run build`: says where the unpacked builds are and shows the cleaning
 * core on the bundled sample page, so a newcomer sees the product work in the terminal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanDocument } from '../utils/cleaner/pipeline.ts';
import { parseDocument } from '../tests/dom.ts';

const SAMPLE = 'tests/golden/pages/gazeta-putin-olland/source.html';
const SAMPLE_URL = 'https://www.gazeta.ru/politics/news/2015/11/21/n_7910729.shtml';

const builds = [
  ['Chrome / Chromium', '.output/chrome-mv3', 'chrome://extensions → Developer mode → Load unpacked → choose the folder'],
  ['Firefox', '.output/firefox-mv2/manifest.json', 'about:debugging#/runtime/this-firefox → Load Temporary Add-on… → choose the file'],
] as const;

console.log('\nDeclutter is built. Load it unpacked:');
for (const [browser, path, how] of builds) {
  console.log(`  ${browser.padEnd(18)} ${existsSync(path) ? resolve(path) : `${path} (missing!)`}\n  ${''.padEnd(18)} ${how}`);
}

if (existsSync(SAMPLE)) {
  const result = cleanDocument(parseDocument(readFileSync(SAMPLE, 'utf8'), SAMPLE_URL), { url: SAMPLE_URL });
  const a = result.article;
  console.log(`\nTry it: npm run clean -- ${SAMPLE}\n`);
  if (a) {
    console.log(`  ${a.title}\n  ${a.text.split('\n\n').slice(0, 2).join('\n  ').slice(0, 400)}…`);
  }
  console.log(`  Removed: ${result.removals.map((r) => r.filter).join(', ') || 'nothing'}\n`);
}
