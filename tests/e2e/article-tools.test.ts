/**
 * The article tools in real Chromium: the Tools menu, printing (print media emulated: no
 * controls, the notes as numbered footnotes, the source at the end; a PDF of it), "Print"
 * in the popup handing over to the reader tab, copy (the clipboard's own text), save (the
 * downloaded files), and read aloud with a recording speechSynthesis stub: utterances,
 * the highlight following the sentence, pause, the shortcut, and a language without a
 * voice. axe-core finds nothing in every new state. Screenshots land in tests/artifacts/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { axeViolations } from './support/axe.ts';
import { startFixtureServer } from './support/server.ts';
import { printed } from './support/print-dom.ts';
import { highlightedText, installSpeechStub, type SpokenUtterance } from './support/speech-stub.ts';
import { chromiumSuite } from './support/suite.ts';

const UI = 'en' as const;
const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer });
const ARTICLE = '/gazeta-putin-olland.html';

async function openArticle(query = ''): Promise<{ popup: Page; close: () => Promise<void>; tabId: number }> {
  const { page, tabId } = await suite.browser.openTab(suite.server.url(ARTICLE));
  const popup = await suite.browser.openPopup(tabId, query);
  await popup.waitForSelector('main[data-view="ready"] .article-body p');
  return { popup, tabId, close: async () => void (await Promise.all([popup.close(), page.close()])) };
}

async function openTools(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: t(UI, 'tools'), exact: true }).click();
  await popup.waitForSelector('#article-tools-menu');
}

async function choose(popup: Page, key: Parameters<typeof t>[1]): Promise<void> {
  await openTools(popup);
  await popup.locator('#article-tools-menu').getByRole('button', { name: t(UI, key), exact: true }).click();
}

test('the Tools menu lists read aloud, print, copy and save; Escape closes it and gives focus back', async () => {
  const { popup, close } = await openArticle();
  try {
    await openTools(popup);
    const items = await popup.locator('#article-tools-menu button').allInnerTexts();
    expect(items).toEqual(['toolReadAloud', 'toolPrint', 'toolCopyMarkdown', 'toolCopyText', 'toolSaveMarkdown', 'toolSaveHtml'].map((k) => t(UI, k as never)));
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe(t(UI, 'toolReadAloud'));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'tools-menu.png') });
    await popup.keyboard.press('Escape');
    expect(await popup.isVisible('#article-tools-menu')).toBe(false);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('article-tools-menu');
  } finally {
    await close();
  }
});

test('print: headline, meta, picture with caption, notes as numbered footnotes, the source last, no controls', async () => {
  const { popup, close } = await openArticle('&view=tab');
  try {
    await popup.setViewportSize({ width: 900, height: 1000 });
    const screen = await popup.evaluate(printed);
    expect(screen.notes).toEqual([]);
    expect(screen.controls).toBeGreaterThan(0);
    // In the reader tab the button says its word.
    expect(await popup.locator('.tools-button').innerText()).toBe(t(UI, 'tools'));
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'reader-tab-tools.png') });
    await popup.emulateMedia({ media: 'print' });
    const paper = await popup.evaluate(printed);
    expect(paper.controls).toBe(0);
    expect(paper.title).toMatch(/^Путин и Олланд договорились/);
    expect(paper.meta).toBe(true);
    expect(paper.summary).toMatch(/Mentions organizations banned in Russia: Islamic State .*\(terrorist\)/);
    expect(paper.figure).toEqual([{ img: true, caption: expect.stringMatching(/\S/) }]);
    expect(paper.refs.length).toBeGreaterThan(1);
    expect(new Set(paper.refs)).toEqual(new Set(['"1"']));
    expect(paper.notes).toHaveLength(1);
    expect(paper.notes[0]).toMatch(/^Islamic State\b.*Terrorist organization/);
    expect(paper.appendixLast).toBe(true);
    expect(paper.source).toContain(suite.server.url(ARTICLE));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'print-preview.png'), fullPage: true });
    const pdf = await popup.pdf({ format: 'A4' });
    writeFileSync(join(ARTIFACTS_DIR, 'print-preview.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    await close();
  }
});

test('Print in the popup opens the reader tab, which prints once its article is shown, and only once', async () => {
  const { popup, close, tabId } = await openArticle();
  // A headless browser shows no dialog: a print is recorded where the page calls it.
  await suite.browser.context.addInitScript(() => {
    window.print = () => {
      const count = Number(sessionStorage.getItem('printed') ?? '0') + 1;
      sessionStorage.setItem('printed', String(count));
      document.documentElement.dataset.printed = String(count);
    };
  });
  // The new page's address may still be about:blank when the event fires.
  const opened = suite.browser.context.waitForEvent('page');
  await choose(popup, 'toolPrint');
  const reader = await opened;
  try {
    await reader.waitForURL(/\/popup\.html\?/);
    await reader.waitForSelector('html[data-printed="1"]', { timeout: 15_000 });
    expect(await reader.evaluate(() => document.querySelector('.article-body p') !== null)).toBe(true);
    expect(new URL(reader.url()).searchParams.get('print')).toBeNull();
    expect(new URL(reader.url()).searchParams.get('tabId')).toBe(String(tabId));
    await reader.reload();
    await reader.waitForSelector('main[data-view="ready"] .article-body p');
    expect(await reader.evaluate(() => sessionStorage.getItem('printed'))).toBe('1');
  } finally {
    await reader.close();
    await close();
  }
});

/**
 * The system clipboard's text, read from a web page of the test server (Chromium grants no
 * clipboard permission to an extension origin from outside).
 */
async function clipboardText(): Promise<string> {
  const reader = await suite.browser.context.newPage();
  try {
    await reader.goto(suite.server.url('/listing.html'));
    await reader.bringToFront();
    return await reader.evaluate(() => navigator.clipboard.readText());
  } finally {
    await reader.close();
  }
}

test('copy as Markdown and copy text put the article on the clipboard, notes as footnotes', async () => {
  await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin });
  const { popup, close } = await openArticle();
  try {
    await choose(popup, 'toolCopyMarkdown');
    await popup.waitForSelector(`.tools-notice:text("${t(UI, 'doneCopiedMarkdown')}")`);
    const markdown = await clipboardText();
    expect(markdown).toMatch(/^# Путин и Олланд договорились .*ИГ\[\^1\]/);
    expect(markdown).toContain('![Московский Кремль](');
    expect(markdown).toMatch(/\n\[\^1\]: Islamic State\b.*Terrorist organization/);
    expect(markdown).not.toMatch(/^---/);
    expect(await axeViolations(popup)).toEqual([]);

    await popup.bringToFront();
    await choose(popup, 'toolCopyText');
    await popup.waitForSelector(`.tools-notice:text("${t(UI, 'doneCopiedText')}")`);
    const text = await clipboardText();
    expect(text).toMatch(/^Путин и Олланд договорились .*ИГ \[1\]/);
    expect(text).not.toMatch(/[<>#]/);
    expect(text).toMatch(/\n\[1\] Islamic State\b.*Terrorist organization/);
  } finally {
    await close();
  }
});

test('save as Markdown and as HTML download one file each: front matter, a page that runs nothing', async () => {
  const { popup, close } = await openArticle();
  try {
    const md = popup.waitForEvent('download');
    await choose(popup, 'toolSaveMarkdown');
    const mdFile = await md;
    expect(mdFile.suggestedFilename()).toMatch(/^Путин и Олланд договорились.*\.md$/);
    const markdown = readFileSync((await mdFile.path())!, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Путин и Олланд .*"\nsource: "http:\/\/127\.0\.0\.1:\d+\/gazeta-putin-olland\.html"\n(byline: .*\n)?date: "2015-11-20T.*"\nsite: ".*"\n---\n\n# /);
    await popup.waitForSelector(`.tools-notice:text("${t(UI, 'doneSaved', { file: mdFile.suggestedFilename() })}")`);

    const html = popup.waitForEvent('download');
    await choose(popup, 'toolSaveHtml');
    const htmlFile = await html;
    expect(htmlFile.suggestedFilename()).toMatch(/\.html$/);
    const page = readFileSync((await htmlFile.path())!, 'utf8');
    // The article's language on the page, the reader's on Declutter's own words.
    expect(page).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(page).toMatch(/<footer lang="en">/);
    expect(page).toContain('Content-Security-Policy');
    expect(page).not.toMatch(/<script|<link|javascript:/i);
    // Opened from disk it shows the article with its footnotes.
    const view = await suite.browser.context.newPage();
    await view.setContent(page);
    expect(await view.locator('h1').innerText()).toMatch(/^Путин и Олланд/);
    expect(await view.locator('.footnotes li').count()).toBe(1);
    await view.close();
  } finally {
    await close();
  }
});

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken(): SpokenUtterance[] } }).__speech.spoken());
const speechEnd = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { end(): void } }).__speech.end());

test('read aloud: one sentence an utterance in the article’s language; the highlight follows; pause, resume, speed and the shortcut', async () => {
  const { popup, close } = await openArticle();
  try {
    await popup.evaluate(installSpeechStub, ['en-US', 'ru-RU']);
    await choose(popup, 'toolReadAloud');
    await popup.waitForSelector('.speech-bar[data-status="playing"]');
    let said = await spoken(popup);
    expect(said).toEqual([{ text: expect.stringMatching(/^Путин и Олланд договорились/), lang: 'ru', rate: 1, voice: 'Stub ru-RU' }]);
    expect((await popup.evaluate(highlightedText))?.replace(/\s+/g, ' ')).toBe(said[0]!.text);
    expect(await popup.locator('.speech-status').innerText()).toMatch(/^Sentence 1 of \d+$/);

    // Title, the picture's caption (two sentences), then the body.
    for (let i = 0; i < 3; i++) await speechEnd(popup);
    said = await spoken(popup);
    expect(said.map((u) => u.text.slice(0, 24))).toEqual([said[0]!.text.slice(0, 24), 'Вид на Московский Кремль', 'Иллюстрация', 'Президент России Владими']);
    await popup.waitForFunction((text) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('declutter-speech');
      return registry && [...registry][0]?.toString().replace(/\s+/g, ' ') === text;
    }, said[3]!.text);
    expect(await popup.locator('.speech-status').innerText()).toMatch(/^Sentence 4 of/);
    // The sentence being read is in view, below the toolbar and above the bar.
    const scrolled = await popup.evaluate(() => document.scrollingElement!.scrollTop);
    await popup.waitForFunction(() => {
      const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('declutter-speech')!][0]!;
      const rect = range.getBoundingClientRect();
      const bar = document.querySelector('.speech-bar')!.getBoundingClientRect();
      return rect.top >= 46 && rect.bottom <= bar.top;
    });
    expect(scrolled).toBeGreaterThanOrEqual(0);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'read-aloud.png') });

    await popup.getByRole('button', { name: t(UI, 'speechPause') }).click();
    await popup.waitForSelector('.speech-bar[data-status="paused"]');
    await popup.keyboard.press('Alt+Shift+N');
    await popup.waitForSelector('.speech-bar[data-status="playing"]');
    expect((await spoken(popup)).at(-1)!.text).toBe(said[3]!.text);
    await popup.locator('.speech-bar select').first().selectOption('1.5');
    expect((await spoken(popup)).at(-1)!.rate).toBe(1.5);
    await popup.keyboard.press('Alt+Shift+N');
    await popup.waitForSelector('.speech-bar[data-status="paused"]');

    await popup.getByRole('button', { name: t(UI, 'speechStop') }).click();
    expect(await popup.isVisible('.speech-bar')).toBe(false);
    expect(await popup.evaluate(highlightedText)).toBeNull();
  } finally {
    await close();
  }
});

test('read aloud where the system has no voice for the article’s language says so and speaks nothing', async () => {
  const { popup, close } = await openArticle();
  try {
    await popup.evaluate(installSpeechStub, ['en-US', 'de-DE']);
    await popup.keyboard.press('Alt+Shift+N');
    await popup.waitForSelector('.speech-bar[data-problem="no-voice"]');
    expect(await popup.locator('.speech-status').innerText()).toBe(t(UI, 'speechNoVoice', { language: 'Russian' }));
    expect(await spoken(popup)).toEqual([]);
    expect(await popup.locator('.speech-play').isDisabled()).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'read-aloud-no-voice.png') });
  } finally {
    await close();
  }
});
