/**
 * The sanitizer and the popup against hostile HTML in real Chromium, whose HTML parser is
 * the one that decides the mutation cases (jsdom's is close, not the same).
 *
 * 1. The sanitizer alone: sanitize.ts bundled with esbuild and run in a plain page on
 *    127.0.0.1 that has no CSP, so anything executable that got through would execute and
 *    hit the trap. Every vector of tests/fixtures/xss/vectors.ts, rendered as the popup
 *    renders it (fragment imported), then its serialization parsed again by the browser.
 * 2. The popup: hostile article pages (the vectors inside an article, hostile title, byline,
 *    site name, JSON-LD) read through the e2e build. The popup DOM must hold no handler,
 *    no script-capable element, no script URL; page-derived strings must show as text; the
 *    trap must not fire; and the extension CSP must report no violation at all.
 * 3. Every fixture page the project has, read through the popup: zero CSP violations.
 */
import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DECLUTTER_DATA_ATTRIBUTES } from '../../utils/cleaner/sanitize.ts';
import { auditTree } from '../fixtures/xss/audit.ts';
import { XSS_VECTORS } from '../fixtures/xss/vectors.ts';
import { articleParagraphs } from '../fixtures/hostile/pages.ts';
import { ROOT, launchChromium, requireBuild, type ChromiumSession } from './support/chromium.ts';
import { FIXTURES_DIR, GOLDEN_PAGES_DIR, startFixtureServer, type FixtureServer } from './support/server.ts';

let server: FixtureServer;
let browser: ChromiumSession;
let bundle: string;

/** Pages this file serves itself, under the fixture server's origin (the e2e build may read it). */
const PAGES = new Map<string, string>();

/** Records what an attacker would want and the browser refused, in every page from its first script on. */
const OBSERVER = `(() => {
  const record = (kind, detail) => { (window.__security ??= []).push(kind + ': ' + detail); };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => record('trap', name + '(' + args.join(',') + ')');
  window.__xss = () => record('trap', '__xss()');
  // Chromium reports refusals for inert documents parsed here too (DOMParser, DOMPurify's
  // working copy), so this also proves that page markup reaches the popup CSP-quiet.
  document.addEventListener('securitypolicyviolation', (e) => record('csp', e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
})();`;

beforeAll(async () => {
  const extension = requireBuild('.output/chrome-mv3-e2e', 'npm run build:e2e');
  server = await startFixtureServer();
  browser = await launchChromium(extension, { lang: 'en' });
  await browser.context.addInitScript({ content: OBSERVER });
  await browser.context.route(`${server.origin}/security/**`, (route) => {
    const body = PAGES.get(new URL(route.request().url()).pathname);
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  // The sanitizer and the audit exactly as the project has them, for a page of our own.
  const out = await build({
    stdin: {
      contents: `export { createArticleSanitizer } from './utils/cleaner/sanitize.ts'; export { auditDom, provokeHandlers } from './tests/fixtures/xss/audit.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'declutterSecurity',
    platform: 'browser',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function securityLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __security?: string[] }).__security ?? []);
}

describe('the sanitizer in Chromium', () => {
  test(`all ${XSS_VECTORS.length} vectors render with nothing executable, and stay so when parsed again`, async () => {
    PAGES.set('/security/blank.html', '<!doctype html><html><head><title>Sanitizer test bed</title></head><body></body></html>');
    const { page } = await browser.openTab(server.url('/security/blank.html'));
    await page.addScriptTag({ content: bundle });
    const findings = await page.evaluate(
      ({ vectors, allowed }) => {
        type Api = {
          createArticleSanitizer(w: Window): (html: string) => DocumentFragment | null;
          auditDom(root: ParentNode, allowed: readonly string[]): string[];
          provokeHandlers(root: ParentNode): void;
        };
        const api = (window as unknown as { declutterSecurity: Api }).declutterSecurity;
        const sanitize = api.createArticleSanitizer(window);
        const out: string[] = [];
        let nulls = 0;
        for (const { id, payload } of vectors) {
          const host = document.createElement('div');
          document.body.append(host);
          const fragment = sanitize(payload);
          if (!fragment) nulls++;
          host.replaceChildren(fragment ? document.importNode(fragment, true) : '');
          for (const problem of api.auditDom(host, allowed)) out.push(`${id}: ${problem}`);
          api.provokeHandlers(host);
          // Mutation XSS: the clean markup, parsed again by this browser's parser.
          const again = document.createElement('div');
          document.body.append(again);
          again.innerHTML = host.innerHTML;
          for (const problem of api.auditDom(again, allowed)) out.push(`${id} (reparsed): ${problem}`);
          api.provokeHandlers(again);
        }
        return { problems: out, nulls, rendered: document.body.children.length };
      },
      { vectors: XSS_VECTORS, allowed: [...DECLUTTER_DATA_ATTRIBUTES] },
    );
    // Images that were kept try to load and fail (no network): give their handlers, if any survived, time to run.
    await page.waitForTimeout(500);
    expect(findings.problems).toEqual([]);
    expect(findings.rendered).toBe(2 * XSS_VECTORS.length);
    expect(findings.nulls).toBeGreaterThan(0); // the frameset vectors: rendered as nothing, not a crash
    expect(await securityLog(page)).toEqual([]);
    await page.close();
  });

  test('the trap is live in that page: an unsanitized handler does fire it', async () => {
    const { page } = await browser.openTab(server.url('/security/blank.html'));
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.innerHTML = '<img src="data:," onerror="alert(1)">';
      document.body.append(host);
    });
    await expect.poll(() => securityLog(page)).toEqual(['trap: alert(1)']);
    await page.close();
  });
});

/** A news article that carries every vector in its body and hostile strings in its metadata. */
function hostileArticle(): string {
  const hostile = '<img src=x onerror=alert(101)>';
  const vectorParagraphs = XSS_VECTORS.map(
    (v, i) => `<p>Paragraph ${i} of the hostile article keeps the reader's attention with a sentence long enough to count as prose. ${v.payload}</p>`,
  ).join('\n');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `JSON-LD ${hostile}`, author: { '@type': 'Person', name: `<script>alert(102)</script>` } });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Hostile &lt;img src=x onerror=alert(100)&gt; title</title>
<meta name="author" content="${hostile.replaceAll('<', '&lt;')} Reporter">
<meta property="og:site_name" content="&lt;svg onload=alert(103)&gt; News">
<script type="application/ld+json">${jsonLd.replaceAll('</', '<\\/')}</script>
</head><body><article><h1>Hostile ${hostile.replaceAll('<', '&lt;')} title</h1>
<p class="byline">By ${hostile.replaceAll('<', '&lt;')} Reporter</p>
${articleParagraphs(6)}
${vectorParagraphs}
</article></body></html>`;
}

/** Reduced audit for the whole popup (its own UI has buttons and icons): only what executes. */
function executableBits(): string[] {
  const problems: string[] = [];
  const SCRIPT_URL = /^(?:javascript|vbscript|livescript):|^data:text\/html/i;
  const own = location.origin;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base'].includes(tag)) problems.push(`<${tag}>`);
    if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(`${own}/`)) problems.push('<script> not from the extension');
    for (const attr of [...el.attributes]) {
      if (attr.name.toLowerCase().startsWith('on')) problems.push(`<${tag} ${attr.name}>`);
      const value = attr.value.replace(/[\u0000-\u0020\u007f-\u00a0\u2028\u2029\ufeff]/g, '');
      if (!/^(?:title|alt|aria-[a-z-]+)$/.test(attr.name) && SCRIPT_URL.test(value)) problems.push(`<${tag} ${attr.name}="${attr.value}">`);
    }
  }
  return problems;
}

describe('the popup reading a hostile article', () => {
  let popup: Page;

  beforeAll(async () => {
    PAGES.set('/security/hostile-article.html', hostileArticle());
    const { tabId } = await browser.openTab(server.url('/security/hostile-article.html'));
    popup = await browser.openPopup(tabId);
    await popup.waitForTimeout(500);
  }, 60_000);

  test('it reads the article', async () => {
    expect(await popup.getAttribute('main', 'data-view')).toBe('ready');
    expect(await popup.textContent('.article-body')).toContain('Paragraph 6.');
  });

  test('the article body passes the full audit', async () => {
    const body = await popup.$('.article-body');
    expect(body).not.toBeNull();
    // Passed as a function, not added as a script: the popup's CSP would (rightly) refuse that.
    expect(await popup.evaluate(auditTree, { root: body!, allowedDataAttributes: [...DECLUTTER_DATA_ATTRIBUTES] })).toEqual([]);
  });

  test('the whole popup holds no handler, no script-capable element, no script URL', async () => {
    expect(await popup.evaluate(executableBits)).toEqual([]);
  });

  test('title, byline and site name show as text, never as markup', async () => {
    const header = await popup.evaluate(() => {
      const article = document.querySelector('article.article')!;
      const body = article.querySelector('.article-body');
      const outsideBody = [...article.querySelectorAll('img, svg, script')].filter((el) => !body?.contains(el) && !el.closest('button, [aria-hidden="true"]'));
      return { title: document.querySelector('.article-title')?.textContent ?? '', text: article.textContent ?? '', injected: outsideBody.map((el) => el.outerHTML) };
    });
    expect(header.title).toContain('<img src=x onerror=alert(');
    expect(header.injected).toEqual([]);
  });

  test('nothing fired, and the CSP saw nothing to refuse', async () => {
    expect(await securityLog(popup)).toEqual([]);
  });

});

describe('every fixture page read through the popup raises no CSP violation', () => {
  const e2eFixtures = readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.html'));
  const goldenPages = readdirSync(GOLDEN_PAGES_DIR);

  test.each([...e2eFixtures.map((name) => `/${name}`), ...goldenPages.map((slug) => `/golden/${slug}/`)])('%s', async (path) => {
    const { page, tabId } = await browser.openTab(server.url(path));
    const popup = await browser.openPopup(tabId);
    await popup.waitForTimeout(300);
    expect(await securityLog(popup)).toEqual([]);
    expect(await popup.evaluate(executableBits)).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('the listener is live: a CSP violation in the popup is recorded', async () => {
    const { tabId } = await browser.openTab(server.url(`/${e2eFixtures[0]}`));
    const popup = await browser.openPopup(tabId);
    await popup.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'ftp://blocked.example/x.png'; // not in img-src
      document.body.append(img);
    });
    await expect.poll(() => securityLog(popup)).toEqual([expect.stringMatching(/^csp: img-src ftp/)]);
    await popup.close();
  });
});
