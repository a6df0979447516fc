/**
 * Reads a benchmark folder in any of the three layouts we have:
 * - scored: `ground-truth.json` ({id: {articleBody, url, title?}}) + `html/<id>.html(.gz)`, as in
 *   article-extraction and fundus-dev (which names the headline too);
 * - segments: trafilatura's `evaldata.json` ({docs: {n: {url, charset, with, without}}}) +
 *   `pages/<n>.html.gz`, as in trafilatura-dev;
 * - expectations: `<slug>/source.html` + `<slug>/expect.json` (title, body paragraph
 *   prefixes, clutter strings), as in ru-news-dev; or the golden pages' `<slug>/source.html`
 *   + `meta.json` (url) + `assert.json` (title, mustContain, mustNotContain).
 * Bytes are decoded the way the product decodes a saved page (charset sniffing).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../utils/cleaner/page/decode.ts';

/**
 * The shared article-extraction pages: `../shared/` beside the project, where every machine
 * that runs the project (CI's clean clone included) has them; ARTICLE_BENCH_DIR overrides.
 */
export const BENCH_ROOT = process.env.BENCH_ROOT ?? resolve(import.meta.dirname, '../../../shared/bench');
export const ARTICLE_BENCH_DIR = process.env.ARTICLE_BENCH_DIR ?? join(BENCH_ROOT, 'article-extraction');

/** The corpora under BENCH_ROOT, by folder name; every folder in a known layout is one. */
export function listCorpora(root = BENCH_ROOT): string[] {
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .filter((name) => {
      try {
        corpusKind(join(root, name));
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

/** Text segments a page's extraction must contain ('with') and must not ('without'). */
export interface Segments {
  readonly with: readonly string[];
  readonly without: readonly string[];
}

export interface Expectations {
  readonly title: string;
  readonly body: readonly string[];
  readonly clutter: readonly string[];
}

export interface BenchPage {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  /** The true article text, for the scored layout. */
  readonly truth: string | null;
  /** Paragraph prefixes and clutter strings, for the expectations layout. */
  readonly expect: Expectations | null;
  /** For the segments layout. */
  readonly segments?: Segments;
  /** The visible headline, where the corpus names it (fundus-dev, ru-news-dev, golden pages). */
  readonly title?: string;
}

export type CorpusKind = 'scored' | 'segments' | 'expectations';

export function corpusKind(dir: string): CorpusKind {
  if (existsSync(join(dir, 'ground-truth.json'))) return 'scored';
  if (existsSync(join(dir, 'evaldata.json'))) return 'segments';
  const hasExpect = readdirSync(dir).some((name) => existsSync(join(dir, name, 'expect.json')) || existsSync(join(dir, name, 'assert.json')));
  if (hasExpect) return 'expectations';
  throw new Error(`${dir}: neither ground-truth.json nor <slug>/expect.json or <slug>/assert.json`);
}

export function loadCorpus(dir: string, only?: string): BenchPage[] {
  const kind = corpusKind(dir);
  if (kind === 'segments') return loadSegments(dir, only);
  return kind === 'scored' ? loadScored(dir, only) : loadExpectations(dir, only);
}

interface EvalDoc {
  url: string;
  charset: string;
  with: string[];
  without: string[];
}

/**
 * trafilatura's evaluation pages. Some "url" values are labels ("hard::site.html"), not
 * addresses: the page's canonical link stands in then, or a file URL (as its README says).
 */
function loadSegments(dir: string, only?: string): BenchPage[] {
  const { docs } = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as { docs: Record<string, EvalDoc> };
  const pages: BenchPage[] = [];
  for (const [id, doc] of Object.entries(docs)) {
    if (only && id !== only) continue;
    const file = join(dir, 'pages', `${id}.html.gz`);
    const html = new TextDecoder(doc.charset).decode(gunzipSync(readFileSync(file)));
    const url = /^https?:\/\//.test(doc.url) ? doc.url : (canonicalLink(html) ?? `file://${file.replace(/\.gz$/, '')}`);
    pages.push({ id, url, html, truth: null, expect: null, segments: { with: doc.with, without: doc.without } });
  }
  return pages;
}

/** The first <link rel="canonical"> with an absolute http(s) address; bounded, no backtracking. */
function canonicalLink(html: string): string | null {
  for (const tag of html.slice(0, 200_000).match(/<link\b[^>]{0,500}>/gi) ?? []) {
    if (!/\brel\s*=\s*["']?canonical\b/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i.exec(tag)?.[1];
    if (href) return href;
  }
  return null;
}

function loadScored(dir: string, only?: string): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string; title?: string }>;
  const pages: BenchPage[] = [];
  for (const [id, entry] of Object.entries(truth)) {
    if (only && !id.startsWith(only)) continue;
    const gz = join(dir, 'html', `${id}.html.gz`);
    const plain = join(dir, 'html', `${id}.html`);
    const bytes = existsSync(gz) ? gunzipSync(readFileSync(gz)) : readFileSync(plain);
    pages.push({
      id,
      url: entry.url ?? 'http://localhost/',
      html: decodeHtml(bytes),
      truth: entry.articleBody ?? '',
      expect: null,
      ...(entry.title ? { title: entry.title } : {}),
    });
  }
  return pages;
}

function loadExpectations(dir: string, only?: string): BenchPage[] {
  const pages: BenchPage[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const folder = join(dir, slug);
    if (!statSync(folder).isDirectory() || !existsSync(join(folder, 'source.html'))) continue;
    if (only && !slug.includes(only)) continue;
    const expect = readExpectations(folder, slug);
    if (!expect) continue;
    const bytes = readFileSync(join(folder, 'source.html'));
    pages.push({
      id: slug,
      url: expect.url,
      html: expect.charset ? new TextDecoder(expect.charset).decode(bytes) : decodeHtml(bytes),
      truth: null,
      expect: { title: expect.title, body: expect.body, clutter: expect.clutter },
      title: expect.title,
    });
  }
  return pages;
}

function readExpectations(folder: string, slug: string): (Expectations & { url: string; charset?: string }) | null {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(folder, name), 'utf8'));
  if (existsSync(join(folder, 'expect.json'))) {
    const e = read('expect.json') as Expectations & { url: string };
    return { url: e.url, title: e.title, body: e.body, clutter: e.clutter };
  }
  if (!existsSync(join(folder, 'assert.json'))) return null;
  const a = read('assert.json') as { title: string; mustContain: string[]; mustNotContain: string[] };
  const meta = existsSync(join(folder, 'meta.json')) ? (read('meta.json') as { url?: string; charset?: string }) : {};
  return {
    url: meta.url ?? `https://golden.invalid/${slug}/`,
    charset: meta.charset,
    title: a.title,
    body: a.mustContain,
    clutter: a.mustNotContain,
  };
}
