/**
 * Every clutter filter against its fixtures: small real-looking pages in
 * tests/fixtures/filters/<id>/ whose elements under test carry data-expect="removed" or
 * data-expect="kept". Each page runs under linkedom and jsdom, with only that filter.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FILTERS } from '../../../utils/cleaner/detect/filters/index.ts';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { filterContext } from '../../../utils/cleaner/detect/detect.ts';
import { isInside } from '../../../utils/cleaner/page/elements.ts';
import { foldSpaces, visibleText } from '../../../utils/cleaner/page/visible-text.ts';
import type { ClutterFilter, FilterMatch } from '../../../utils/cleaner/types.ts';
import { buildConsentSelectorData, CONSENT_SELECTORS_PATH } from '../../../scripts/build-consent-selectors.ts';
import { selectorsWorthRunning } from '../../../utils/cleaner/detect/consent-platforms.ts';
import { DOMS, parseDocument } from '../../dom.ts';

// Heavy: every fixture page, and the consent selectors built from autoconsent. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/filters');
const DEFAULT_URL = 'https://news.example.ru/politics/2024/05/14/article.shtml';

function fixtureFiles(id: string): string[] {
  return readdirSync(join(FIXTURES, id))
    .filter((name) => name.endsWith('.html'))
    .sort();
}

function pageUrl(html: string): string {
  return /<link[^>]+rel="canonical"[^>]+href="([^"]+)"/.exec(html)?.[1] ?? DEFAULT_URL;
}

/** A readable name for an element in failure messages: its tag, id and the start of its text. */
function label(el: Element): string {
  const id = el.getAttribute('id');
  return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ''}> «${visibleText(el).slice(0, 70)}»`;
}

function detect(filter: ClutterFilter, doc: Document, url: string): FilterMatch[] {
  return filter.detect(filterContext(doc, new URL(url)));
}

for (const filter of FILTERS) {
  describe(`${filter.id} fixtures`, () => {
    for (const file of fixtureFiles(filter.id)) {
      const html = readFileSync(join(FIXTURES, filter.id, file), 'utf8');
      for (const dom of DOMS) {
        it(`${file} under ${dom}`, () => {
          const url = pageUrl(html);
          const doc = parseDocument(html, url, dom);
          const before = doc.documentElement.outerHTML;
          const matches = detect(filter, doc, url);
          expect(doc.documentElement.outerHTML, 'detect must not change the page').toBe(before);

          for (const m of matches) expect(m.reason.trim().length, `reason for ${label(m.element)}`).toBeGreaterThan(5);
          const removedBy = (el: Element): FilterMatch | undefined => matches.find((m) => isInside(el, m.element));

          const removed = [...doc.querySelectorAll('[data-expect="removed"]')];
          const kept = [...doc.querySelectorAll('[data-expect="kept"]')];
          expect(removed.length + kept.length, 'fixture marks nothing').toBeGreaterThan(0);
          const missed = removed.filter((el) => !removedBy(el)).map(label);
          expect(missed, 'clutter the filter did not find').toEqual([]);
          const lost = kept
            .map((el) => {
              const whole = removedBy(el);
              if (whole) return `${label(el)} removed by ${label(whole.element)} (${whole.reason})`;
              // A kept block may hold clutter marked removed (crumbs inside the article header);
              // any other match inside it takes away part of the article.
              const part = matches.find(
                (m) => m.element !== el && isInside(m.element, el) && !removed.some((r) => isInside(m.element, r) || isInside(r, m.element)),
              );
              return part ? `${label(el)} loses ${label(part.element)} (${part.reason})` : null;
            })
            .filter(Boolean);
          expect(lost, 'content the filter must keep').toEqual([]);
        });
      }
    }
  });
}

describe('filters in the whole pipeline', () => {
  // One page per filter, cleaned as the popup cleans it: the removal log credits the filter
  // with a reason, and the article's own paragraphs survive next to the removed clutter.
  const pages: [string, string][] = [
    ['cookie-banners', '01-onetrust.html'],
    ['cookie-banners', '06-home-grown-ru-ok.html'],
    ['promo-links', '01-subscribe-max.html'],
    ['navigation', '01-breadcrumbs.html'],
    ['clickbait-sidebars', '01-gazeta-news-and-materials.html'],
    ['clickbait-sidebars', '03-smi2.html'],
  ];
  for (const [id, file] of pages) {
    for (const dom of DOMS) {
      it(`${id}/${file} under ${dom}`, () => {
        const html = readFileSync(join(FIXTURES, id, file), 'utf8');
        const url = pageUrl(html);
        const doc = parseDocument(html, url, dom);
        const result = cleanDocument(doc, { url, force: true, annotate: false });
        expect(result.status).toBe('ok');
        const text = foldSpaces(result.article?.text ?? '');
        const log = result.removals.filter((r) => r.filter === id);
        expect(log.length, 'removal log has entries for the filter').toBeGreaterThan(0);
        for (const r of log) expect(r.reason).not.toBe('');
        for (const el of doc.querySelectorAll('[data-expect="removed"]')) {
          const start = visibleText(el).slice(0, 40);
          if (!start) continue;
          expect(text, 'removed clutter is not in the article').not.toContain(start);
          expect(result.removals.some((r) => r.text.includes(start)), `log mentions «${start}»`).toBe(true);
        }
        // Readability drops some short paragraphs by itself; whatever it keeps without the
        // filters, it must keep with them.
        const unfiltered = foldSpaces(cleanDocument(doc, { url, force: true, annotate: false, filters: [] }).article?.text ?? '');
        for (const p of doc.querySelectorAll('p[data-expect="kept"]')) {
          const start = visibleText(p).slice(0, 60);
          if (unfiltered.includes(start)) expect(text).toContain(start);
        }
      });
    }
  }
});

describe('consent selectors data', () => {
  it('is what scripts/build-consent-selectors.ts makes from the installed autoconsent', () => {
    const committed = JSON.parse(readFileSync(CONSENT_SELECTORS_PATH, 'utf8'));
    const require = createRequire(import.meta.url);
    const rulesPath = require.resolve('@duckduckgo/autoconsent/rules/rules.json');
    const installed = JSON.parse(readFileSync(resolve(dirname(rulesPath), '../package.json'), 'utf8')).version;
    expect(committed.version, 'run: npx tsx scripts/build-consent-selectors.ts').toBe(installed);
    expect(committed).toEqual(buildConsentSelectorData());
  });

  it('skips only selectors that cannot match the page', () => {
    // The pre-check must never drop a selector that matches: run every selector alone on
    // every fixture page and compare with what the pre-check keeps.
    const { selectors } = JSON.parse(readFileSync(CONSENT_SELECTORS_PATH, 'utf8')) as { selectors: string[] };
    let matched = 0;
    for (const id of readdirSync(FIXTURES)) {
      for (const file of fixtureFiles(id)) {
        const doc = parseDocument(readFileSync(join(FIXTURES, id, file), 'utf8'), DEFAULT_URL, 'linkedom');
        const kept = new Set(selectorsWorthRunning(doc));
        const matching = selectors.filter((s) => doc.querySelector(s) !== null);
        matched += matching.length;
        expect(matching.filter((s) => !kept.has(s)), `${id}/${file}`).toEqual([]);
        expect(kept.size, `${id}/${file} runs few selectors`).toBeLessThan(selectors.length / 4);
      }
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('names the banners of the big consent platforms and stays small', () => {
    const { selectors, license } = JSON.parse(readFileSync(CONSENT_SELECTORS_PATH, 'utf8')) as { selectors: string[]; license: string };
    for (const s of ['#onetrust-banner-sdk', '#CybotCookiebotDialog', '#didomi-host', '#qc-cmp2-container', '#usercentrics-root']) {
      expect(selectors).toContain(s);
    }
    expect(license).toMatch(/MPL-2\.0/);
    expect(selectors.length).toBeLessThan(800);
    // Nothing positional or generic slipped through the build's filter.
    expect(selectors.filter((s) => /:nth-|~|^body|^html|^\.optIn$|^div$/.test(s))).toEqual([]);
  });
});
