/**
 * The article tools in Russian: the menu and the read-aloud bar speak it, and in the
 * 520 px popup the toolbar with its Russian labels and the open menu fit without spilling
 * over. Screenshots land in tests/artifacts/.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { axeViolations } from './support/axe.ts';
import { startFixtureServer } from './support/server.ts';
import { installSpeechStub } from './support/speech-stub.ts';
import { chromiumSuite } from './support/suite.ts';

const UI = 'ru' as const;
const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer });

/** Elements of ours whose content is wider than their box, or that stick out of the window. */
function overflowing(selector: string): string[] {
  return [...document.querySelectorAll(selector)]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map((el) => `${el.className}: ${(el as HTMLElement).innerText.slice(0, 40)}`);
}

test('the Russian menu and read-aloud bar fit the popup and read in Russian', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
  const popup = await suite.browser.openPopup(tabId);
  try {
    await popup.getByRole('button', { name: t(UI, 'tools'), exact: true }).click();
    await popup.waitForSelector('#article-tools-menu');
    expect(await popup.locator('#article-tools-menu button').allInnerTexts()).toEqual(
      ['toolReadAloud', 'toolPrint', 'toolCopyMarkdown', 'toolCopyText', 'toolSaveMarkdown', 'toolSaveHtml'].map((k) => t(UI, k as never)),
    );
    expect(await popup.evaluate(overflowing, '.toolbar, .toolbar-actions, .tools-menu, .tools-item')).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'tools-menu-ru.png') });

    // An English article: the English voice reads it, the bar speaks Russian.
    await popup.evaluate(installSpeechStub, ['ru-RU', 'en-GB']);
    await popup.locator('#article-tools-menu').getByRole('button', { name: t(UI, 'toolReadAloud') }).click();
    await popup.waitForSelector('.speech-bar[data-status="playing"]');
    expect(await popup.locator('.speech-status').innerText()).toMatch(/^Предложение 1 из \d+$/);
    expect(await popup.evaluate(() => (window as unknown as { __speech: { spoken(): { lang: string; voice: string }[] } }).__speech.spoken()[0])).toMatchObject({ lang: 'en', voice: 'Stub en-GB' });
    expect(await popup.evaluate(overflowing, '.speech-bar, .speech-controls')).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'read-aloud-ru.png') });
  } finally {
    await popup.close();
    await page.close();
  }
});
