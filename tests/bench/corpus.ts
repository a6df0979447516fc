/**
 * Reads a benchmark folder in either of the two layouts we have:
 * - scored: `ground-truth.json` ({id: {articleBody, url}}) + `html/<id>.html(.gz)`;
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
export const ARTICLE_BENCH_DIR = process.env.ARTICLE_BENCH_DIR ?? resolve(import.meta.dirname, '../../../shared/bench/article-extraction');

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
}

export type CorpusKind = 'scored' | 'expectations';

export function corpusKind(dir: string): CorpusKind {
  if (existsSync(join(dir, 'ground-truth.json'))) return 'scored';
  const hasExpect = readdirSync(dir).some((name) => existsSync(join(dir, name, 'expect.json')) || existsSync(join(dir, name, 'assert.json')));
  if (hasExpect) return 'expectations';
  throw new Error(`${dir}: neither ground-truth.json nor <slug>/expect.json or <slug>/assert.json`);
}

export function loadCorpus(dir: string, only?: string): BenchPage[] {
  const kind = corpusKind(dir);
  return kind === 'scored' ? loadScored(dir, only) : loadExpectations(dir, only);
}

function loadScored(dir: string, only?: string): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
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
