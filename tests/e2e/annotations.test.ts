/**
 * Annotations in real Chromium (the e2e build, `npm run build:e2e`), on the seed page
 * (gazeta-putin-olland) served from the golden pages: the summary above the article, the
 * marks in the title and the body, the note reached with the keyboard alone, Escape, the
 * screen-reader description, axe-core with the note open, and the page's own marks back
 * when the switch is off. The screenshot with the note open lands in tests/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite, clearExtensionStorage } from './support/suite.ts';
import { fold, readPopup } from './support/popup-dom.ts';
import { startFixtureServer } from './support/server.ts';
import { openSheet } from './support/live.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SEED = '/golden/gazeta-putin-olland/';

const suite = chromiumSuite({ lang: 'ru', startServer: startFixtureServer, freshStorage: false });
let popup: Page;
let tab: Page;

// One popup for the whole file, opened from the default settings.
beforeAll(async () => {
  await clearExtensionStorage(suite.browser);
  const opened = await suite.browser.openTab(suite.server.url(SEED));
  tab = opened.page;
  popup = await suite.browser.openPopup(opened.tabId);
  await popup.waitForSelector('main[data-view="ready"]');
});

beforeEach(async () => {
  await popup.keyboard.press('Escape');
});

/** Presses Tab until a mark has focus; returns how many presses it took, or -1. */
async function tabToMark(page: Page, limit = 40): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.hasAttribute('data-annotation') ?? false)) return i;
  }
  return -1;
}

async function axeViolations(page: Page): Promise<string[]> {
  // CDP evaluation is not subject to the extension page's CSP, which forbids injected scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the seed page with annotations on (the default)', () => {
  test('the summary names the organisation and its category; no mark or disclaimer is left in the text', async () => {
    const shown = await popup.evaluate(readPopup);
    const summary = fold(await popup.locator('.annotation-list').innerText());
    expect(summary).toContain('Упомянуты организации, запрещённые в России: «Исламское государство» (террористическая)');
    expect(summary).toMatch(/данные реестра на \d\d\.\d\d\.\d{4}/);
    expect(shown.title).toBe('Путин и Олланд договорились о координации действий военных в борьбе с ИГ в Сирии');
    expect(shown.body).not.toContain('*');
    expect(shown.body).not.toContain('(организация запрещена в России)');
    expect(shown.body).not.toContain('террористическая организация, запрещенная в ряде стран');
    expect(shown.body).toContain('методы борьбы с боевиками «Исламского государства», а также ситуацию в Сирии');
    const marks = await popup.locator('[data-annotation="islamic-state"]').allInnerTexts();
    expect(marks.map(fold)).toEqual(['ИГ', 'Исламское государство', 'Исламского государства', 'ИГ']);
  });

  test('the keyboard alone reaches a mark, which opens its note; Escape closes it', async () => {
    await popup.reload();
    await popup.waitForSelector('main[data-view="ready"]');
    expect(await tabToMark(popup)).toBeGreaterThan(0);
    const focused = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const description = document.getElementById(el.getAttribute('aria-describedby') ?? '');
      return { text: el.innerText, outline: getComputedStyle(el).outlineStyle, description: description?.textContent ?? null };
    });
    expect(fold(focused.text)).toBe('ИГ');
    expect(focused.outline).not.toBe('none');
    expect(focused.description).toContain('Террористическая организация, запрещена в России');
    expect(focused.description).toContain('«Исламское государство» — террористическая организация, запрещенная в ряде стран, в том числе в России.');

    const note = popup.getByRole('tooltip');
    await expect.poll(() => note.isVisible()).toBe(true);
    const noteText = fold(await note.innerText());
    expect(noteText).toContain('«Исламское государство»');
    expect(noteText).toContain('Террористическая организация, запрещена в России');
    expect(noteText).toContain('Страница пометила название знаком сноски.');
    // The note sits next to the mark and inside the window.
    const [markBox, noteBox] = await Promise.all([popup.locator(':focus').boundingBox(), note.boundingBox()]);
    expect(noteBox!.y).toBeGreaterThanOrEqual(markBox!.y + markBox!.height - 1);
    expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(520);
    await popup.evaluate(() => document.fonts.ready);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-annotation-note.png') });

    await popup.keyboard.press('Escape');
    await expect.poll(() => note.count()).toBe(0);
    // Focus stays where it was: Escape dismisses the note, not the reader's place.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-annotation'))).toBe('islamic-state');
  });

  test('a click on a mark in the body pins its note; a click elsewhere closes it', async () => {
    const mark = popup.locator('.article-body [data-annotation="islamic-state"]').nth(1);
    await mark.click();
    const note = popup.getByRole('tooltip');
    expect(fold(await note.innerText())).toContain('Страница добавила к названию пояснение в скобках.');
    await popup.mouse.move(5, 590);
    await popup.waitForTimeout(400);
    expect(await note.count()).toBe(1);
    await popup.mouse.click(5, 590);
    await expect.poll(() => note.count()).toBe(0);
  });

  test.each(['light', 'dark'] as const)('axe-core finds no violation with a note and the full card open (%s theme)', async (colorScheme) => {
    await popup.emulateMedia({ colorScheme });
    await popup.getByRole('button', { name: '«Исламское государство»' }).click();
    await popup.locator('.article-body [data-annotation]').first().focus();
    await expect.poll(() => popup.getByRole('tooltip').count()).toBe(1);
    const violations = await axeViolations(popup);
    if (colorScheme === 'dark') {
      await popup.evaluate(() => document.fonts.ready);
      await popup.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-annotation-card-dark.png'), fullPage: true });
    }
    await popup.getByRole('button', { name: '«Исламское государство»' }).click();
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(violations).toEqual([]);
  });
});

test('with the annotations switch off the page keeps its own marks and disclaimers', async () => {
  const annotationsSwitch = popup.locator('#filter-annotations');
  // A switch closes the filter sheet (what it changed shows in the article): open it for each.
  await openSheet(popup, 'filter-panel');
  await annotationsSwitch.click();
  await expect.poll(async () => popup.locator('[data-annotation]').count()).toBe(0);
  const shown = await popup.evaluate(readPopup);
  expect(shown.title).toContain('ИГ*');
  expect(shown.body).toContain('«Исламского государства» (организация запрещена в России)');
  expect(shown.body).toContain('«Исламское государство» — террористическая организация, запрещенная в ряде стран, в том числе в России.');
  expect(await popup.locator('.annotation-list').count()).toBe(0);
  await openSheet(popup, 'filter-panel');
  await annotationsSwitch.click();
  await expect.poll(async () => popup.locator('[data-annotation]').count()).toBeGreaterThan(0);
  await tab.close();
});
