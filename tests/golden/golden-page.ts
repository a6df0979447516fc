/**
 * One golden page: its folder, its source decoded as a browser would, the cleaning run
 * under one DOM, and the expected files rendered from that run. The test file and nothing
 * else decides when those files are compared or (under UPDATE_GOLDEN) written.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../../utils/cleaner/page/decode.ts';
import { foldSpaces } from '../../utils/cleaner/page/visible-text.ts';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import type { Annotation, CleanResult } from '../../utils/cleaner/types.ts';
import { parseDocument, type DomName } from '../dom.ts';

export const PAGES_DIR = join(import.meta.dirname, 'pages');

export const UPDATE_COMMAND = 'npm run golden:update';

/** meta.json: where the page lives, and the exceptions a page may need. */
export interface PageMeta {
  /** The page's address: links resolve against it and filters may compare hosts with it. */
  readonly url: string;
  /** Decode with this charset instead of sniffing the bytes (for files that declare none or lie). */
  readonly charset?: string;
  /** Where a real page was saved from (repository and path), and whose it is. */
  readonly source?: string;
  readonly outlet?: string;
  /**
   * Last resort when linkedom and jsdom genuinely disagree on a page: each DOM gets its own
   * expected files (`expected.<dom>.txt` …). The reason says why the cause cannot be fixed.
   */
  readonly perDomExpected?: { readonly reason: string };
}

export interface KnownFailure {
  readonly reason: string;
  /** The DOMs it fails under; both when absent. */
  readonly doms?: readonly DomName[];
}

/**
 * assert.json: what a reader notices, written by hand. It never changes when the expected
 * files are regenerated.
 */
export interface PageAsserts {
  readonly title: string;
  /** Article sentences or paragraph prefixes that must reach the reader. */
  readonly mustContain: readonly string[];
  /** Clutter that must not reach the reader. */
  readonly mustNotContain: readonly string[];
  /**
   * Invariants the current code is known to break, keyed by the exact string (or the title).
   * They are still checked: each must really fail, so a fix shows up as a test failure
   * telling to drop the entry.
   */
  readonly knownFailures?: Readonly<Record<string, string | KnownFailure>>;
}

export interface GoldenPage {
  readonly slug: string;
  readonly dir: string;
  readonly meta: PageMeta;
  readonly asserts: PageAsserts | null;
  readonly html: string;
}

export function listPages(): string[] {
  if (!existsSync(PAGES_DIR)) return [];
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function loadPage(slug: string): GoldenPage {
  const dir = join(PAGES_DIR, slug);
  const metaPath = join(dir, 'meta.json');
  const meta: PageMeta = existsSync(metaPath)
    ? (JSON.parse(readFileSync(metaPath, 'utf8')) as PageMeta)
    : { url: `https://golden.invalid/${slug}/` };
  const assertPath = join(dir, 'assert.json');
  const asserts = existsSync(assertPath) ? foldAsserts(JSON.parse(readFileSync(assertPath, 'utf8')) as PageAsserts) : null;
  const bytes = readFileSync(join(dir, 'source.html'));
  const html = meta.charset ? new TextDecoder(meta.charset).decode(bytes) : decodeHtml(bytes);
  return { slug, dir, meta, asserts, html };
}

/**
 * Hand-written strings are compared after the whitespace folding the outputs get, so a
 * no-break space copied from a page (Russian typography puts one after short prepositions)
 * and a plain one written by hand are the same.
 */
function foldAsserts(raw: PageAsserts): PageAsserts {
  return {
    title: foldSpaces(raw.title),
    mustContain: raw.mustContain.map(foldSpaces),
    mustNotContain: raw.mustNotContain.map(foldSpaces),
    ...(raw.knownFailures && {
      knownFailures: Object.fromEntries(Object.entries(raw.knownFailures).map(([key, value]) => [foldSpaces(key), value])),
    }),
  };
}

/** The clock is frozen: timings are not part of any expected file, and must not vary the run. */
const FROZEN_CLOCK = (): number => 0;

export function cleanPage(page: GoldenPage, dom: DomName): CleanResult {
  const doc = parseDocument(page.html, page.meta.url, dom);
  return cleanDocument(doc, { url: page.meta.url, now: FROZEN_CLOCK });
}

/** Long enough to recognise what was removed, short enough to keep the files diffable. */
const REMOVAL_PREVIEW_CHARS = 160;

export const EXPECTED_KINDS = ['text', 'metadata', 'removals', 'annotations'] as const;
export type ExpectedKind = (typeof EXPECTED_KINDS)[number];

const BASE_NAMES: Record<ExpectedKind, [string, string]> = {
  text: ['expected', 'txt'],
  metadata: ['expected-metadata', 'json'],
  removals: ['expected-removals', 'json'],
  annotations: ['expected-annotations', 'json'],
};

/** `expected.txt`, or `expected.jsdom.txt` on a page with per-DOM expected files. */
export function expectedFileName(kind: ExpectedKind, dom: DomName | null): string {
  const [base, ext] = BASE_NAMES[kind];
  return dom ? `${base}.${dom}.${ext}` : `${base}.${ext}`;
}

/** Every expected file name a page could hold, for cleaning up after a layout change. */
export function allExpectedFileNames(doms: readonly DomName[]): string[] {
  return EXPECTED_KINDS.flatMap((kind) => [expectedFileName(kind, null), ...doms.map((dom) => expectedFileName(kind, dom))]);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function renderExpected(kind: ExpectedKind, result: CleanResult): string {
  const article = result.article;
  switch (kind) {
    case 'text':
      return article ? `${article.title}\n\n${article.text}\n` : `[no article: ${result.status}]\n`;
    case 'metadata':
      return json({
        status: result.status,
        title: article?.title ?? null,
        byline: article?.byline ?? null,
        siteName: article?.siteName ?? null,
        publishedTime: article?.publishedTime ?? null,
        lang: article?.lang ?? null,
        dir: article?.dir ?? null,
      });
    case 'removals':
      return json(
        result.removals.map((removal) => ({
          filter: removal.filter,
          text:
            removal.text.length > REMOVAL_PREVIEW_CHARS ? `${removal.text.slice(0, REMOVAL_PREVIEW_CHARS - 1)}…` : removal.text,
        })),
      );
    case 'annotations':
      return json(result.annotations);
  }
}

/** What the reader sees, as one line: the title and the body, whitespace folded. */
export function readerText(result: CleanResult): string {
  return result.article ? foldSpaces(`${result.article.title}\n${result.article.text}`) : '';
}

/**
 * The visible text of the source page, folded the same way (script, style, noscript and
 * template dropped, as ru-news-dev's README defines it). Every hand-written string must
 * occur here, or its assertion could never fail.
 */
export function sourceText(page: GoldenPage): string {
  const doc = parseDocument(page.html, page.meta.url, 'linkedom');
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  return foldSpaces(`${doc.title}\n${doc.body?.textContent ?? ''}`);
}

/**
 * The annotator takes a page's marks out of the reading flow («ИГ*» reads «ИГ»,
 * «(организация запрещена в России)» goes into the note) and records each one in its
 * annotation. A hand-written string copied from the page still holds when it reads the same
 * with exactly those recorded marks taken out: the words are all there, and the mark has
 * moved somewhere the reader can reach it. A mark dropped without a record matches neither.
 */
export function readings(expected: string, annotations: readonly Pick<Annotation, 'mentions'>[]): string[] {
  let stripped = expected;
  for (const annotation of annotations) {
    for (const mention of annotation.mentions) {
      if (!mention.mark) continue;
      const mark = escapeRegExp(mention.mark);
      const name = escapeRegExp(mention.text);
      // A symbol or parenthetical follows the name; a prefix ("запрещенной в России организации") precedes it.
      stripped = stripped
        .replace(new RegExp(`(${name}${CLOSING_QUOTE})\\s?${mark}`, 'g'), '$1')
        .replace(new RegExp(`${mark}\\s?(${OPENING_QUOTE}${name})`, 'g'), '$1');
    }
  }
  return stripped === expected ? [expected] : [expected, foldSpaces(stripped)];
}

const CLOSING_QUOTE = '[»"”\']?';
const OPENING_QUOTE = '[«"“\']?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function knownFailureFor(asserts: PageAsserts, key: string, dom: DomName): KnownFailure | null {
  const entry = asserts.knownFailures?.[key];
  if (entry === undefined) return null;
  const failure = typeof entry === 'string' ? { reason: entry } : entry;
  return !failure.doms || failure.doms.includes(dom) ? failure : null;
}
