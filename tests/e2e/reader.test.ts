/**
 * The reader tab and reading comfort in real Chromium: the keyboard command opens the
 * clean article in a full tab (the same Preact view as the popup), and the theme and
 * typography chosen in one page apply to every open Declutter page and persist.
 * Screenshots of the reader in each theme land in tests/artifacts/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite } from './support/suite.ts';
import { readPopup } from './support/popup-dom.ts';
import { startLiveServer } from './support/live.ts';

const UI = 'en' as const;

type Chrome = {
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
  tabs: { get(id: number): Promise<unknown> };
  storage: Record<'sync' | 'local', { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
};

const suite = chromiumSuite({ lang: UI, startServer: startLiveServer });

/**
 * Runs the "open-reader" command as the browser does when its keys are pressed: the
 * background's own onCommand listener gets the command and the active tab. (A test
 * cannot press a browser-level shortcut: headless Chromium has no accelerators.)
 */
async function runReaderCommand(tabId: number): Promise<Page> {
  const opened = suite.browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('/popup.html') });
  await suite.browser.worker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    chrome.commands.onCommand.dispatch('open-reader', await chrome.tabs.get(id));
  }, tabId);
  const reader = await opened;
  await reader.waitForSelector('main[data-view="ready"]', { timeout: 15_000 });
  return reader;
}

async function chooseTheme(page: Page, label: string): Promise<void> {
  if (!(await page.isVisible('#reader-settings'))) await page.getByRole('button', { name: t(UI, 'textSettings') }).click();
  await page.getByRole('group', { name: t(UI, 'theme') }).getByRole('radio', { name: label, exact: true }).check();
}

const rootState = () => ({
  theme: document.documentElement.dataset.theme,
  background: getComputedStyle(document.body).backgroundColor,
  color: getComputedStyle(document.body).color,
});

test('the manifest binds the reader command to Alt+Shift+R, and the command opens the clean article in a full tab next to the page', async () => {
  const manifest = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getManifest());
  expect(manifest.commands?.['open-reader']?.suggested_key?.default).toBe('Alt+Shift+R');
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
  const reader = await runReaderCommand(tabId);
  try {
    expect(new URL(reader.url()).search).toBe(`?tabId=${tabId}&view=tab`);
    const shown = await reader.evaluate(readPopup);
    expect(shown.title).toMatch(/^The night train returns to the coast/);
    expect(shown.body).toContain('The first train is planned to leave the capital');
    expect(shown.body).not.toContain('We use cookies');
    expect(await reader.evaluate(() => document.querySelector('.app')?.getAttribute('data-layout'))).toBe('tab');
  } finally {
    await reader.close();
    await page.close();
  }
});

test('themes: light, sepia and dark apply at once, in the reader tab and in an open popup alike, and persist; "as the system" follows it', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
  const reader = await runReaderCommand(tabId);
  const popup = await suite.browser.openPopup(tabId);
  try {
    await reader.setViewportSize({ width: 1000, height: 900 });
    expect(await reader.evaluate(rootState)).toMatchObject({ theme: 'system', background: 'rgb(251, 250, 247)' });
    const seen: Record<string, string> = {};
    for (const [label, theme] of [
      [t(UI, 'themeLight'), 'light'],
      [t(UI, 'themeSepia'), 'sepia'],
      [t(UI, 'themeDark'), 'dark'],
    ] as const) {
      await chooseTheme(reader, label);
      await reader.waitForFunction((name) => document.documentElement.dataset.theme === name, theme);
      // The popup, open on the same tab, follows without a reload.
      await popup.waitForFunction((name) => document.documentElement.dataset.theme === name, theme);
      seen[theme] = (await reader.evaluate(rootState)).background;
      await reader.getByRole('button', { name: t(UI, 'textSettings') }).click();
      await reader.evaluate(() => document.fonts.ready);
      await reader.screenshot({ path: join(ARTIFACTS_DIR, `chromium-reader-${theme}.png`) });
      await reader.getByRole('button', { name: t(UI, 'textSettings') }).click();
    }
    expect(seen).toEqual({ light: 'rgb(251, 250, 247)', sepia: 'rgb(244, 236, 216)', dark: 'rgb(23, 24, 26)' });

    // "Dark" stays dark on a light system, and "light" light on a dark one.
    await reader.emulateMedia({ colorScheme: 'light' });
    expect((await reader.evaluate(rootState)).background).toBe('rgb(23, 24, 26)');
    await chooseTheme(reader, t(UI, 'themeLight'));
    await reader.emulateMedia({ colorScheme: 'dark' });
    expect((await reader.evaluate(rootState)).background).toBe('rgb(251, 250, 247)');
    await chooseTheme(reader, t(UI, 'themeSystem'));
    expect((await reader.evaluate(rootState)).background).toBe('rgb(23, 24, 26)');
    await reader.emulateMedia({ colorScheme: 'light' });
    expect((await reader.evaluate(rootState)).background).toBe('rgb(251, 250, 247)');

    await chooseTheme(reader, t(UI, 'themeSepia'));
    await reader.reload();
    await reader.waitForSelector('main[data-view="ready"]');
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'sepia');
    const stored = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('readerPrefs'));
    expect(stored.readerPrefs).toMatchObject({ theme: 'sepia' });
  } finally {
    await popup.close();
    await reader.close();
    await page.close();
  }
});

test('typography: text size, line spacing, typeface and line width change the article, and the keyboard alone reaches them', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/cookie-lock.html'));
  const reader = await runReaderCommand(tabId);
  try {
    const measure = () =>
      reader.evaluate(() => {
        const body = getComputedStyle(document.querySelector('.article-body')!);
        return { size: parseFloat(body.fontSize), leading: parseFloat(body.lineHeight) / parseFloat(body.fontSize), family: body.fontFamily, column: document.querySelector('.content')!.getBoundingClientRect().width };
      });
    const before = await measure();
    expect(before.size).toBe(19);
    expect(before.leading).toBeCloseTo(1.6, 2);
    expect(before.family).toMatch(/^"Literata Variable"/);

    // Keyboard only: the text settings button, then each control in turn.
    const button = reader.getByRole('button', { name: t(UI, 'textSettings') });
    await button.focus();
    await reader.keyboard.press('Enter');
    const size = reader.getByRole('slider', { name: t(UI, 'textSize') });
    await size.focus();
    await reader.keyboard.press('ArrowRight');
    await reader.keyboard.press('ArrowRight');
    expect(await size.getAttribute('aria-valuetext')).toBe('120 %');
    const leading = reader.getByRole('slider', { name: t(UI, 'lineHeight') });
    await leading.focus();
    await reader.keyboard.press('End');
    const sans = reader.getByRole('radio', { name: t(UI, 'fontSans') });
    await reader.getByRole('radio', { name: t(UI, 'fontSerif') }).focus();
    await reader.keyboard.press('ArrowRight');
    expect(await sans.isChecked()).toBe(true);
    const outline = await reader.evaluate(() => getComputedStyle((document.activeElement as HTMLElement).nextElementSibling!).outlineStyle);
    expect(outline).not.toBe('none');
    await reader.getByRole('radio', { name: t(UI, 'widthMedium') }).focus();
    await reader.keyboard.press('ArrowLeft');
    await reader.keyboard.press('Escape');
    expect(await reader.isVisible('#reader-settings')).toBe(false);
    expect(await reader.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('reader-settings');

    const after = await measure();
    expect(after.size).toBeCloseTo(19 * 1.2, 1);
    expect(after.leading).toBeCloseTo(1.9, 2);
    expect(after.family).toMatch(/^system-ui/);
    expect(after.column).toBeLessThan(before.column);
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-reader-typography.png') });
  } finally {
    await reader.close();
    await page.close();
  }
});
