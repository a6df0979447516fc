/**
 * The shortcuts that keep detection and the annotator fast must give the answers of the slow
 * ways they replace, on every element of the test pages, under linkedom and jsdom: the page
 * walk's lists against `querySelectorAll`, the selector predicates against `matches`, the
 * address pre-check against parsing, and the registry's first-character index against running
 * every name pattern. No timings here (speed is for `npm run bench`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isLinkWithAddress, linkHost, mayLeadTo, onDomain } from '../../../utils/cleaner/page/links.ts';
import { ARTICLE_CONTAINER, ARTICLE_ELEMENT, BYLINE, isArticleContainer, isArticleElement, isByline } from '../../../utils/cleaner/page/roles.ts';
import { pageStats } from '../../../utils/cleaner/page/walk.ts';
import { filterContext } from '../../../utils/cleaner/detect/detect.ts';
import { collectLines } from '../../../utils/cleaner/annotate/lines.ts';
import { registryCandidates, searchedText } from '../../../utils/cleaner/annotate/candidates.ts';
import { compiledPatterns } from '../../../utils/cleaner/annotate/registry.ts';
import { CASES } from '../../fixtures/annotations/sentences.ts';
import { DOMS, parseDocument } from '../../dom.ts';

// Heavy: every element of every test page, under two DOMs. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const HERE = dirname(fileURLToPath(import.meta.url));
const URL_OF_PAGE = 'https://news.example.ru/politics/2024/05/14/article.shtml';

/** Golden pages and filter fixtures: real pages and the shapes the filters were written for. */
function testPages(): { name: string; html: string }[] {
  const golden = resolve(HERE, '../../golden/pages');
  const fixtures = resolve(HERE, '../../fixtures/filters');
  return [
    ...readdirSync(golden).map((slug) => ({ name: slug, html: readFileSync(join(golden, slug, 'source.html'), 'utf8') })),
    ...readdirSync(fixtures).flatMap((id) =>
      readdirSync(join(fixtures, id))
        .filter((f) => f.endsWith('.html'))
        .map((f) => ({ name: `${id}/${f}`, html: readFileSync(join(fixtures, id, f), 'utf8') })),
    ),
  ];
}

const PAGES = testPages();
const parsed = new Map<string, { name: string; doc: Document }[]>();

/** The test pages parsed once per DOM, for every test that only reads them. */
function parsedPages(dom: (typeof DOMS)[number]): { name: string; doc: Document }[] {
  let pages = parsed.get(dom);
  if (!pages) parsed.set(dom, (pages = PAGES.map(({ name, html }) => ({ name, doc: parseDocument(html, URL_OF_PAGE, dom) }))));
  return pages;
}

/** The DOM's own answers for a selector: which elements match, and which hold a match inside. */
function selectorAnswers(doc: Document, selector: string): { matching: Set<Element>; holding: Set<Element> } {
  const matching = new Set(doc.querySelectorAll(selector));
  const holding = new Set<Element>();
  for (const el of matching) for (let cur = el.parentElement; cur; cur = cur.parentElement) holding.add(cur);
  return { matching, holding };
}

describe.each(DOMS)('page walk under %s', (dom) => {
  it('lists the elements querySelectorAll finds, by tag, with their attributes', () => {
    for (const { name, doc } of parsedPages(dom)) {
      const stats = pageStats(filterContext(doc, new URL(URL_OF_PAGE)));
      expect(stats.all.map((e) => e.el), name).toEqual([...doc.querySelectorAll('*')]);
      expect(stats.elements.map((e) => e.el), name).toEqual(doc.body ? [...doc.body.querySelectorAll('*')] : []);
      expect(stats.withTag(['P'], 'document'), name).toEqual([...doc.querySelectorAll('p')]);
      expect(stats.withTag(['A'], 'document').filter(isLinkWithAddress), name).toEqual([...doc.querySelectorAll('a[href]')]);
      expect(stats.withTag(['UL', 'DIV', 'TD'], 'body'), name).toEqual(doc.body ? [...doc.body.querySelectorAll('ul, div, td')] : []);
      for (const entry of stats.all) {
        expect(entry.tag).toBe(entry.el.tagName.toUpperCase());
        expect(stats.attr(entry.el, 'role')).toBe(entry.el.getAttribute('role'));
        expect(stats.attr(entry.el, 'href')).toBe(entry.el.getAttribute('href'));
      }
    }
  });

  it('answers the selectors it stands in for exactly as the DOM does', () => {
    let bylines = 0;
    for (const { name, doc } of parsedPages(dom)) {
      const stats = pageStats(filterContext(doc, new URL(URL_OF_PAGE)));
      const byline = selectorAnswers(doc, BYLINE);
      const container = selectorAnswers(doc, ARTICLE_CONTAINER);
      const article = selectorAnswers(doc, ARTICLE_ELEMENT);
      const within = (el: Element, matching: Set<Element>): boolean => {
        for (let cur: Element | null = el; cur; cur = cur.parentElement) if (matching.has(cur)) return true;
        return false;
      };
      for (const { el } of stats.all) {
        expect(isByline(el), `${name}: ${el.outerHTML.slice(0, 80)}`).toBe(byline.matching.has(el));
        expect(isArticleContainer(el), name).toBe(container.matching.has(el));
        expect(isArticleElement(el), name).toBe(article.matching.has(el));
        expect(stats.inArticleContainer(el), name).toBe(within(el, container.matching));
        expect(stats.holdsArticleContainer(el), name).toBe(container.holding.has(el));
        expect(stats.inArticleElement(el), name).toBe(within(el, article.matching));
        const holds = byline.matching.has(el) || byline.holding.has(el);
        expect(stats.holdsByline(el), name).toBe(holds);
        if (holds) bylines++;
      }
    }
    // The pages have bylines to tell apart, or the comparison above proves little.
    expect(bylines).toBeGreaterThan(20);
  });

  it('matches selectors written in odd case and spacing the way HTML does', () => {
    const doc = parseDocument(
      '<html><body><a rel="Author">a</a><a rel="nofollow\tauthor">b</a><div itemprop="ArticleBody">c</div>' +
        '<div itemprop="articleBody x">d</div><div role="Main">e</div><span class="x  BYLINE">f</span><span class="by-line">g</span>' +
        '<article><p>h</p></article><main>i</main><div itemprop=" author ">j</div><TIME>k</TIME></body></html>',
      URL_OF_PAGE,
      dom,
    );
    for (const el of doc.querySelectorAll('*')) {
      expect(isByline(el), el.outerHTML).toBe(el.matches(BYLINE));
      expect(isArticleContainer(el), el.outerHTML).toBe(el.matches(ARTICLE_CONTAINER));
      expect(isArticleElement(el), el.outerHTML).toBe(el.matches(ARTICLE_ELEMENT));
    }
  });

  it('is built once per detection pass and afresh for the next', () => {
    const doc = parseDocument(PAGES[0]!.html, URL_OF_PAGE, dom);
    const ctx = filterContext(doc, new URL(URL_OF_PAGE));
    expect(pageStats(ctx)).toBe(pageStats(ctx));
    // The live cleaner passes again over a page that changed: a new pass counts it again.
    const next = filterContext(doc, new URL(URL_OF_PAGE));
    doc.body.append(doc.createElement('p'));
    expect(pageStats(next)).not.toBe(pageStats(ctx));
    expect(pageStats(next).all.length).toBe(pageStats(ctx).all.length + 1);
  });
});

describe('address pre-check', () => {
  const base = new URL('https://news.example.ru/a/b.html');
  const domains = ['smi2.ru', 'apps.apple.com', 'play.google.com'];
  const hrefs = [
    'https://smi2.ru/x',
    'HTTPS://WWW.SMI2.RU/',
    '//news.smi2.ru/1',
    'https:smi2.ru/x',
    'http:\\\\smi2.ru\\x',
    'https://sm%69 2.ru/',
    'https://sm%69%32.ru/',
    'https://ｓｍｉ２．ｒｕ/',
    'https://smi\t2.ru/',
    'https://apps.apple.com/app/id1',
    'https://apps.apple.com.evil.example/',
    'https://example.com/?u=smi2.ru',
    '/relative/path',
    'relative',
    '#top',
    'mailto:a@smi2.ru',
    'https://127.0.0.1/',
    'https://[::1]/',
    'javascript:void(0)',
    '',
  ];

  it('never rules out an address the parser takes to one of the domains', () => {
    let reached = 0;
    for (const href of hrefs) {
      for (const from of [base, new URL('https://smi2.ru/news/1'), new URL('https://play.google.com/store')]) {
        const host = linkHost(href, from);
        const lands = host !== null && onDomain(host, domains);
        if (lands) {
          reached++;
          expect(mayLeadTo(href, from, domains), `${href} from ${from.href}`).toBe(true);
        }
      }
    }
    expect(reached).toBeGreaterThan(8);
  });

  it('reads a host without the parser only where the parser would give that host', () => {
    const parsed = (href: string): string | null => {
      try {
        const url = new URL(href, base);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname.replace(/^www\./, '') : null;
      } catch {
        return null;
      }
    };
    const odd = ['http://-.0', 'http://0x7f.1/', 'http://1.2.3.4/', 'https://a.b./', 'http://user@host.com/', 'https://a.com\\evil.com', 'https://a.com/ b', 'https://a..com/', 'HTTP://WWW.Example.COM:8080/a', 'https://пример.рф/',
      '//evil.com/x', '/\\evil.com', '/\t/evil.com', ' /a', '?q', '#f', 'news/1', './a', '../a', 'a/b:c', '1a:b', '/новости/1'];
    // An empty href is no link at all (linkHost says null), whatever the parser makes of it.
    for (const href of [...hrefs, ...odd].filter(Boolean)) expect(linkHost(href, base), href).toBe(parsed(href));
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (href) => linkHost(href, base) === parsed(href)), { numRuns: 3000 });
    fc.assert(fc.property(fc.stringMatching(/^https?:\/\/[a-zA-Z0-9.\-_:@%\\/?# ]{0,30}$/), (href) => linkHost(href, base) === parsed(href)), { numRuns: 3000 });
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9.\-_:@%\\/?# \t~]{1,20}$/), (href) => linkHost(href, base) === parsed(href)), { numRuns: 5000 });
  });

  it('rules out the ordinary links that lead elsewhere', () => {
    expect(mayLeadTo('https://example.com/news/1', base, domains)).toBe(false);
    expect(mayLeadTo('/politics/2024/', base, domains)).toBe(false);
    expect(mayLeadTo(null, base, domains)).toBe(false);
  });
});

describe('registry search by first character', () => {
  it('knows how every name pattern starts, and nearly every one by two characters', () => {
    for (const pattern of compiledPatterns()) expect(pattern.leading, pattern.source).not.toBeNull();
    const byFirstOnly = compiledPatterns().filter((p) => !p.pairs);
    expect(byFirstOnly.length).toBeLessThan(compiledPatterns().length / 20);
  });

  it('finds what running every pattern over the line finds, on every line of the test pages', { timeout: 60_000 }, () => {
    const texts = new Set<string>();
    for (const { html } of PAGES) {
      const doc = parseDocument(html, URL_OF_PAGE, 'linkedom');
      if (doc.body) for (const line of collectLines(doc.body)) texts.add(line.text);
    }
    for (const c of CASES) for (const part of [c.text, ...c.text.split('\n'), c.title ?? '']) texts.add(part);
    let names = 0;
    for (const text of texts) {
      const everyPattern: string[] = [];
      // The names run on the line with look-alike letters unified and footnote digits blanked (candidates.ts).
      const searched = searchedText(text);
      for (const pattern of compiledPatterns()) {
        pattern.regex.lastIndex = 0;
        for (let m = pattern.regex.exec(searched); m; m = pattern.regex.exec(searched)) {
          everyPattern.push(`${pattern.org.id}@${m.index}`);
          if (m[0].length === 0) pattern.regex.lastIndex++;
        }
      }
      const indexed = new Set(registryCandidates(text).map((c) => c.org.id));
      expect([...indexed].sort(), text.slice(0, 80)).toEqual([...new Set(everyPattern.map((x) => x.split('@')[0]!))].sort());
      names += everyPattern.length;
    }
    expect(names).toBeGreaterThan(100);
  });
});
