/**
 * Golden pages, data-driven: every folder under tests/golden/pages is one page.
 *
 * - Expected files (expected.txt, expected-metadata.json, expected-removals.json,
 *   expected-annotations.json) record what the cleaner does today. They are written only by
 *   `npm run golden:update` and are compared under linkedom and jsdom alike.
 * - assert.json holds the invariants a reader notices (title, article sentences, clutter),
 *   written by hand; they hold whatever the expected files say.
 *
 * Format and workflow: tests/golden/README.md.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CleanResult } from '../../utils/cleaner/types.ts';
import { DOMS, type DomName } from '../dom.ts';
import { firstDifference } from './first-difference.ts';
import {
  allExpectedFileNames,
  cleanPage,
  EXPECTED_KINDS,
  expectedFileName,
  knownFailureFor,
  listPages,
  loadPage,
  readerText,
  readings,
  renderExpected,
  sourceText,
  UPDATE_COMMAND,
  type GoldenPage,
} from './golden-page.ts';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * When the two DOMs agree this choice is invisible. When they do not, the files follow jsdom,
 * the closer of the two to the browser the popup runs in, and linkedom's tests show the gap.
 */
const WRITER_DOM: DomName = 'jsdom';

/** Big real pages under jsdom on a shared two-core machine take seconds, not milliseconds. */
const SLOW_PAGE = { timeout: 120_000 };

const slugs = listPages();

/** Known failures confirmed in this run, printed at the end so they are never out of sight. */
const confirmedKnownFailures: string[] = [];
afterAll(() => {
  if (confirmedKnownFailures.length) {
    console.warn(`golden: ${confirmedKnownFailures.length} known failures still fail:\n${confirmedKnownFailures.map((line) => `  ${line}`).join('\n')}`);
  }
});

test('the golden set has at least ten pages', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(10);
});

describe.each(slugs)('%s', (slug) => {
  const page = loadPage(slug);
  const results = new Map<DomName, CleanResult>();
  const resultFor = (dom: DomName): CleanResult => {
    let result = results.get(dom);
    if (!result) {
      result = cleanPage(page, dom);
      results.set(dom, result);
    }
    return result;
  };

  if (UPDATE) beforeAll(() => writeExpectedFiles(page, resultFor), SLOW_PAGE.timeout);

  test('assert.json is complete and every string in it occurs on the source page', () => {
    const asserts = page.asserts;
    if (!asserts) throw new Error(`${slug}: assert.json is missing; every golden page needs its hand-written invariants`);
    expect(typeof asserts.title, 'title').toBe('string');
    expect(asserts.mustContain.length, 'mustContain is empty').toBeGreaterThan(0);
    expect(asserts.mustNotContain.length, 'mustNotContain is empty').toBeGreaterThan(0);
    // A string absent from the page would make its mustNotContain pass whatever the cleaner does.
    const visible = sourceText(page);
    const absent = [asserts.title, ...asserts.mustContain, ...asserts.mustNotContain].filter((s) => !visible.includes(s));
    expectNone(absent, `${slug}: assert.json strings not found in the visible text of source.html`);
    const overlapping = asserts.mustNotContain.filter((clutter) => asserts.mustContain.some((body) => body.includes(clutter)));
    expectNone(overlapping, `${slug}: mustNotContain strings that are part of mustContain strings`);
    const keys = new Set([asserts.title, ...asserts.mustContain, ...asserts.mustNotContain, NO_DEBRIS]);
    const stray = Object.keys(asserts.knownFailures ?? {}).filter((key) => !keys.has(key));
    expectNone(stray, `${slug}: knownFailures entries that are not the title, a mustContain/mustNotContain string or ${JSON.stringify(NO_DEBRIS)}`);
  });

  if (page.meta.perDomExpected) {
    test('the DOMs still disagree (else drop perDomExpected from meta.json)', SLOW_PAGE, () => {
      const [first, ...rest] = DOMS.map((dom) => EXPECTED_KINDS.map((kind) => renderExpected(kind, resultFor(dom))).join(''));
      expect(rest.some((other) => other !== first)).toBe(true);
    });
  }

  describe.each(DOMS)('%s', (dom) => {
    for (const kind of EXPECTED_KINDS) {
      const name = expectedFileName(kind, page.meta.perDomExpected ? dom : null);
      test(`matches ${name}`, SLOW_PAGE, () => {
        const path = join(page.dir, name);
        if (!existsSync(path)) {
          throw new Error(`${slug}/${name} is missing: run \`${UPDATE_COMMAND}\`, read the new file, and commit it`);
        }
        const difference = firstDifference(readFileSync(path, 'utf8'), renderExpected(kind, resultFor(dom)));
        if (difference) {
          throw new Error(`${slug}/${name} under ${dom}: ${difference}\n(if the change is intended: \`${UPDATE_COMMAND}\`, then read the diff)`);
        }
      });
    }

    const asserts = page.asserts;
    if (!asserts) return;
    const known = (key: string) => knownFailureFor(asserts, key, dom);

    if (!known(asserts.title)) {
      test('shows the article title', SLOW_PAGE, () => {
        const result = resultFor(dom);
        expect(readings(asserts.title, result.annotations)).toContain(result.article?.title ?? `<no article: ${result.status}>`);
      });
    }

    const mustContain = asserts.mustContain.filter((s) => !known(s));
    if (mustContain.length) {
      test('keeps the article text', SLOW_PAGE, () => {
        expectNone(missing(mustContain, resultFor(dom)), `${slug} under ${dom}: article text missing from the output`);
      });
    }

    const mustNotContain = asserts.mustNotContain.filter((s) => !known(s));
    if (mustNotContain.length) {
      test('drops the clutter', SLOW_PAGE, () => {
        const result = resultFor(dom);
        // With no article at all, "no clutter shown" would hold vacuously.
        expect(result.status, 'the page produced no article').toBe('ok');
        expectNone(present(mustNotContain, result), `${slug} under ${dom}: clutter that reached the reader`);
      });
    }

    if (!known(NO_DEBRIS)) {
      test('leaves no debris paragraphs (punctuation left behind by removed items)', SLOW_PAGE, () => {
        expectNone(debrisParagraphs(resultFor(dom)), `${slug} under ${dom}: paragraphs with no words left in the article`);
      });
    }

    for (const key of Object.keys(asserts.knownFailures ?? {})) {
      const failure = known(key);
      if (!failure) continue;
      const kind =
        key === NO_DEBRIS ? 'debris' : key === asserts.title ? 'title' : asserts.mustContain.includes(key) ? 'mustContain' : 'mustNotContain';
      test(`known failure (${kind}) still fails: ${JSON.stringify(key)} — ${failure.reason}`, SLOW_PAGE, () => {
        const result = resultFor(dom);
        const stillFails =
          kind === 'debris'
            ? debrisParagraphs(result).length > 0
            : kind === 'title'
            ? !readings(key, result.annotations).includes(result.article?.title ?? '')
            : kind === 'mustContain'
              ? missing([key], result).length > 0
              : present([key], result).length > 0;
        if (!stillFails) {
          throw new Error(`${slug}: ${JSON.stringify(key)} now holds under ${dom}; remove it from knownFailures in assert.json`);
        }
        confirmedKnownFailures.push(`${slug} [${dom}] ${kind} ${JSON.stringify(key)}: ${failure.reason}`);
      });
    }
  });
});

/**
 * The knownFailures key of the one invariant every page has without writing it: no paragraph
 * of the article is left without a word. A lone "," or "|" is what remains of a line whose
 * links and dates were removed around their separators, and a reader sees it as breakage.
 * Asterisms («***», «* * *», ⁂) are authors' section breaks and stay.
 */
const NO_DEBRIS = '(no debris paragraphs)';

function debrisParagraphs(result: CleanResult): string[] {
  const paragraphs = result.article?.text.split(/\n{2,}/) ?? [];
  return paragraphs.filter((p) => p.trim() && !/[\p{L}\p{N}]/u.test(p) && !/^[\s*⁂]+$/u.test(p));
}

/** Article strings the reader does not get, in any of their readings. */
function missing(strings: readonly string[], result: CleanResult): string[] {
  const text = readerText(result);
  return strings.filter((s) => !readings(s, result.annotations).some((reading) => text.includes(reading)));
}

/** Clutter strings the reader gets, in any of their readings. */
function present(strings: readonly string[], result: CleanResult): string[] {
  const text = readerText(result);
  return strings.filter((s) => readings(s, result.annotations).some((reading) => text.includes(reading)));
}

/** Fails listing every offending string in full: vitest would abbreviate an array diff to "…(3)". */
function expectNone(offending: readonly string[], what: string): void {
  if (offending.length) throw new Error(`${what} (${offending.length}):\n${offending.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}`);
}

function writeExpectedFiles(page: GoldenPage, resultFor: (dom: DomName) => CleanResult): void {
  const targets: [DomName, DomName | null][] = page.meta.perDomExpected ? DOMS.map((dom) => [dom, dom]) : [[WRITER_DOM, null]];
  const written = new Set<string>();
  for (const [dom, suffix] of targets) {
    for (const kind of EXPECTED_KINDS) {
      const name = expectedFileName(kind, suffix);
      writeFileSync(join(page.dir, name), renderExpected(kind, resultFor(dom)));
      written.add(name);
    }
  }
  // Files of the other layout (shared vs per-DOM) would otherwise linger and mislead a reader.
  for (const name of allExpectedFileNames(DOMS)) {
    if (!written.has(name)) rmSync(join(page.dir, name), { force: true });
  }
}
