/**
 * The annotator's sentence table (tests/fixtures/annotations/sentences.ts) under linkedom
 * and jsdom: every case must produce exactly its expected mentions and reading text, and
 * the table's precision and recall are reported.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { annotateArticle } from '../../../utils/cleaner/annotate/banned-orgs.ts';
import { foldSpaces } from '../../../utils/cleaner/page/visible-text.ts';
import type { Annotation } from '../../../utils/cleaner/types.ts';
import { CASES, type SentenceCase } from '../../fixtures/annotations/sentences.ts';
import { mentionKeys } from '../../fixtures/annotations/keys.ts';
import { DOMS, parseDocument, type DomName } from '../../dom.ts';

function pageOf(c: SentenceCase): string {
  const paragraphs = c.text.split('\n\n').map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html lang="ru"><head><title>t</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
}

function runCase(c: SentenceCase, dom: DomName) {
  const doc = parseDocument(pageOf(c), 'https://example.ru/news/1', dom);
  const article = doc.querySelector('article')!;
  const page = parseDocument(pageOf(c), 'https://example.ru/news/1', dom);
  const result = annotateArticle(article, page, c.title ?? '');
  const out = [...article.querySelectorAll('p')]
    .map((p) => foldSpaces(p.textContent ?? ''))
    .filter(Boolean)
    .join(' ');
  return { ...result, out, article };
}

function kindOf(annotations: readonly Annotation[], id: string): string | undefined {
  const a = annotations.find((x) => x.id === id || (id === 'page' && x.id.startsWith('page-')));
  return a && (a.kind === 'foreign-agent' ? 'fa' : 'ban');
}

function expectedKeys(c: SentenceCase): string[] {
  return c.expect.map((e) => (e.startsWith('notice') ? e : e.replace(/:(fa|ban)=/, '=')));
}

/** Multiset difference: what is in `a` and not matched in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const totals = { tp: 0, fp: 0, fn: 0 };

test('the table has at least 80 sentences, must-match and must-not-match', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(80);
  expect(CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(25);
});

describe.each(DOMS)('%s', (dom) => {
  test.each(CASES.map((c, i) => [`${i + 1}: ${c.text.slice(0, 70)}`, c] as const))('%s', (_name, c) => {
    const result = runCase(c, dom);
    const got = mentionKeys(result.annotations);
    const want = expectedKeys(c);
    if (dom === 'linkedom') {
      totals.tp += want.length - minus(want, got).length;
      totals.fp += minus(got, want).length;
      totals.fn += minus(want, got).length;
    }
    expect({ extra: minus(got, want), missing: minus(want, got) }).toEqual({ extra: [], missing: [] });
    for (const e of c.expect) {
      const kind = /^([^:=]+):(fa|ban)=/.exec(e);
      if (kind && kind[1] !== 'notice') expect(kindOf(result.annotations, kind[1]!), e).toBe(kind[2]);
    }
    for (const [id, category] of Object.entries(c.category ?? {})) {
      expect(result.annotations.find((a) => a.id === id)?.category, id).toBe(category);
    }
    if (c.out !== undefined) expect(result.out).toBe(c.out);
    // The reading text never loses a word that is not a mark: every mention's surface stays.
    for (const a of result.annotations) for (const m of a.mentions) if (!m.inTitle) expect(result.out).toContain(m.text);
  });
});

afterAll(() => {
  const precision = totals.tp / (totals.tp + totals.fp || 1);
  const recall = totals.tp / (totals.tp + totals.fn || 1);
  console.log(
    `annotation table (linkedom): ${CASES.length} cases, ${totals.tp} correct mentions, ${totals.fp} extra, ${totals.fn} missed; ` +
      `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
  );
});
