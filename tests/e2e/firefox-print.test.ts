/**
 * Printing in Firefox: the reader tab for an annotated Russian article with its print rules
 * in force (Firefox over BiDi cannot emulate print media, so the stylesheet's print rules are
 * turned on for the screen): no controls, the picture with its caption, the notes as
 * numbered footnotes, the source at the end; and a PDF through Firefox's own printing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ARTIFACTS_DIR, requireBuild } from './support/chromium.ts';
import { launchFirefox, openTab, pollUntil, type FirefoxSession } from './support/firefox.ts';
import { applyPrintRulesToScreen, printed } from './support/print-dom.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

let server: FixtureServer;
let firefox: FirefoxSession;
let probe: Page;

beforeAll(async () => {
  const extension = requireBuild('.output/firefox-mv2-e2e', 'npm run build:firefox');
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startFixtureServer();
  firefox = await launchFirefox(extension);
  probe = await firefox.openExtensionPage('/popup.html');
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

test('the reader tab prints the article alone: headline, picture and caption, numbered notes, the source last', async () => {
  const url = server.url('/gazeta-putin-olland.html');
  const { page, tabId } = await openTab(firefox, probe, url);
  const reader = await firefox.openExtensionPage(`/popup.html?tabId=${tabId}&view=tab`);
  try {
    await reader.setViewport({ width: 900, height: 1000 });
    await pollUntil(() => reader.evaluate(() => document.querySelectorAll('.article-body p').length), (n) => n > 0, 'the article');
    const screen = await reader.evaluate(printed);
    expect(screen.controls).toBeGreaterThan(0);
    expect(screen.notes).toEqual([]);

    expect(await reader.evaluate(applyPrintRulesToScreen)).toBeGreaterThan(0);
    const paper = await pollUntil(() => reader.evaluate(printed), (p) => p.notes.length > 0, 'the print rules to apply');
    expect(paper.controls).toBe(0);
    expect(paper.title).toMatch(/^Путин и Олланд договорились/);
    expect(paper.meta).toBe(true);
    expect(paper.figure).toEqual([{ img: true, caption: expect.stringMatching(/\S/) }]);
    expect(paper.refs.length).toBeGreaterThan(1);
    expect(new Set(paper.refs)).toEqual(new Set(['"1"']));
    expect(paper.notes).toHaveLength(1);
    expect(paper.appendixLast).toBe(true);
    expect(paper.source).toContain(url);
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'firefox-print-preview.png'), fullPage: true });

    const pdf = await reader.pdf({ format: 'A4' });
    writeFileSync(join(ARTIFACTS_DIR, 'firefox-print.pdf'), pdf);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await reader.close();
    await page.close();
  }
});
