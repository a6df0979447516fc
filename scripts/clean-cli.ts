/**
 * npm run -s clean -- <file.html|-> [--url U] [--json] [--dom linkedom|jsdom] [--force] [--no-annotations] [--no-<filter-id>]
 *
 * Cleans a saved page with the same core the popup runs and prints the article as text
 * (./clean-cli-text.ts), or with --json the whole result (format in README.md). `-s` keeps
 * npm's own banner off stdout, so the JSON can be piped. A file that cannot be read is one
 * line on stderr and exit code 1, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { cleanDocument } from '../utils/cleaner/pipeline.ts';
import { loadOfficialLists } from '../utils/cleaner/annotate/official-lists.ts';
import { decodeHtml } from '../utils/cleaner/page/decode.ts';
import { FILTERS } from '../utils/cleaner/detect/filters/index.ts';
import { parseDocument, type DomName } from '../tests/dom.ts';
import type { CleanResult } from '../utils/cleaner/types.ts';
import { resultText } from './clean-cli-text.ts';

const USAGE = `usage: npm run -s clean -- <file.html|-> [--url U] [--json] [--dom linkedom|jsdom] [--force] [--no-annotations] ${FILTERS.map((f) => `[--no-${f.id}]`).join(' ')}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | null = null;
let url: string | null = null;
let json = false;
let force = false;
let annotate = true;
let dom: DomName = 'linkedom';
const disabled = new Set<string>();
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--json') json = true;
  else if (arg === '--force') force = true;
  else if (arg === '--no-annotations') annotate = false;
  else if (arg === '--url') url = args[++i] ?? fail('--url needs a value');
  else if (arg === '--dom') {
    const value = args[++i];
    if (value !== 'jsdom' && value !== 'linkedom') fail('--dom is linkedom or jsdom');
    dom = value;
  } else if (arg.startsWith('--no-')) {
    const id = arg.slice(5);
    if (!FILTERS.some((f) => f.id === id)) fail(`unknown filter: ${id}`);
    disabled.add(id);
  } else if (arg === '-h' || arg === '--help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } else if (!arg.startsWith('--') || arg === '-') file = arg;
  else fail(`unknown option: ${arg}`);
}
if (!file) fail('no input file');

const html = decodeHtml(readInput(file));
const fallbackUrl = file === '-' ? 'http://localhost/' : pathToFileURL(resolve(file)).href;
let doc = parseDocument(html, url ?? fallbackUrl, dom);
const pageUrl = url ?? canonicalUrl(doc) ?? fallbackUrl;
// Relative links resolve against the page's own address: parse again once it is known.
if (pageUrl !== (url ?? fallbackUrl)) doc = parseDocument(html, pageUrl, dom);
await loadOfficialLists();
const result = cleanDocument(doc, { url: pageUrl, filters: FILTERS.filter((f) => f.defaultEnabled && !disabled.has(f.id)), force, annotate });
process.stdout.write(json ? `${JSON.stringify(toJson(result), null, 2)}\n` : resultText(result));

function readInput(path: string): Buffer {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    process.stderr.write(`declutter: cannot read ${path === '-' ? 'standard input' : path}: ${why}\n`);
    process.exit(1);
  }
}

/** Saved pages usually name their own address (read from the parsed page, not by pattern). */
function canonicalUrl(page: Document): string | null {
  const href =
    page.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ??
    page.querySelector('meta[property="og:url" i][content]')?.getAttribute('content');
  try {
    return href ? new URL(href).href : null;
  } catch {
    return null;
  }
}

function toJson(r: CleanResult) {
  const a = r.article;
  return {
    status: r.status,
    article: a && { title: a.title, byline: a.byline, siteName: a.siteName, publishedTime: a.publishedTime, lang: a.lang, html: a.html, text: a.text },
    removals: r.removals.map(({ filter, reason, text }) => ({ filter, reason, text })),
    annotations: r.annotations,
    timingsMs: r.timingsMs,
  };
}
