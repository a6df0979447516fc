/**
 * npm run clean -- <file.html|-> [--url U] [--json] [--dom linkedom|jsdom] [--force] [--no-annotations] [--no-<filter-id>]
 *
 * Cleans a saved page with the same core the popup runs and prints the article as text,
 * or with --json the whole result (format in README.md).
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

const USAGE = `usage: npm run clean -- <file.html|-> [--url U] [--json] [--dom linkedom|jsdom] [--force] [--no-annotations] ${FILTERS.map((f) => `[--no-${f.id}]`).join(' ')}`;

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

const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
const html = decodeHtml(bytes);
const pageUrl = url ?? canonicalUrl(html) ?? (file === '-' ? 'http://localhost/' : pathToFileURL(resolve(file)).href);
const doc = parseDocument(html, pageUrl, dom);
await loadOfficialLists();
const result = cleanDocument(doc, { url: pageUrl, filters: FILTERS.filter((f) => f.defaultEnabled && !disabled.has(f.id)), force, annotate });
process.stdout.write(json ? `${JSON.stringify(toJson(result), null, 2)}\n` : toText(result));

/** Saved pages usually name their own address; relative links resolve against it. */
function canonicalUrl(source: string): string | null {
  const match =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(source) ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(source) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(source);
  try {
    return match?.[1] ? new URL(match[1]).href : null;
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

function toText(r: CleanResult): string {
  const lines: string[] = [];
  const a = r.article;
  if (!a) lines.push(r.status === 'not-readerable' ? 'No article on this page (use --force to extract anyway).' : 'No article found.');
  else {
    lines.push(a.title, '='.repeat(Math.min(a.title.length, 80)));
    const meta = [a.siteName, a.byline, a.publishedTime, `${a.readingMinutes} min read`].filter(Boolean);
    lines.push(meta.join(' · '), '', a.text);
  }
  if (r.annotations.length) {
    lines.push('', 'Annotations:');
    for (const n of r.annotations) lines.push(`- ${JSON.stringify(n)}`);
  }
  lines.push('', `Removed (${r.removals.length}):`);
  for (const m of r.removals) lines.push(`- [${m.filter}] ${m.reason}: ${m.text}`);
  lines.push('', `${r.timingsMs.total.toFixed(1)} ms`);
  return `${lines.join('\n')}\n`;
}
