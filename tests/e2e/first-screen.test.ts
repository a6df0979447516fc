/**
 * The popup's first screen in real Chromium at 520×600, the size the toolbar's popup opens
 * at: on three golden pages (two Russian, one English) the reader sees the site, the whole
 * headline and at least ten lines of the body before scrolling, and no control stands
 * between the toolbar and the headline. (A story that opens with a picture shows the
 * picture there instead of lines of text: a 16:9 photo takes ten lines' height.) Positions are measured in the page (bounding boxes
 * of the headline and of each line of body text). Screenshots of the first screen and of
 * the filter sheet land in tests/artifacts/, in the Russian UI (its labels are the longest).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { measureFirstScreen } from './support/first-screen.ts';
import { openSheet } from './support/live.ts';
import { FIXTURES_DIR, startFixtureServer } from './support/server.ts';
import { chromiumSuite } from './support/suite.ts';

const suite = chromiumSuite({ lang: 'ru', startServer: startFixtureServer });

/**
 * The golden pages' pictures live on their sites, which a test cannot reach; each is served
 * a local picture of news proportions (1200×700) instead, so the first screen is laid out
 * as a reader with a network sees it, pictures and all.
 */
beforeAll(async () => {
  const picture = readFileSync(join(FIXTURES_DIR, 'img/harbour.svg'));
  await suite.browser.context.route(
    (url) => url.hostname !== '127.0.0.1' && /\.(jpe?g|png|webp|gif)$/i.test(url.pathname),
    (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: picture }),
  );
});

/** Two Russian articles and an English one, each opening with text under its headline. */
const TEXT_FIRST = ['gazeta-putin-olland', 'slon-2015-moratorium', 'en-blog-backups-cookiebot'] as const;

test.each(TEXT_FIRST)('%s: the headline and at least ten lines of body are on the first screen, with nothing above the headline but the toolbar', async (slug) => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url(`/golden/${slug}/`));
  const popup = await suite.browser.openPopup(tabId);
  try {
    expect(await popup.getAttribute('main', 'data-view')).toBe('ready');
    // Measured with the article's own typeface in place, as the reader sees it.
    await popup.evaluate('document.fonts.ready.then(() => true)');
    const screen = await popup.evaluate(measureFirstScreen);
    const toolbar = await popup.evaluate(() => document.querySelector('.toolbar')!.getBoundingClientRect().bottom);
    const between = await popup.evaluate(() => {
      // Everything rendered between the toolbar and the article: no sheet, no panel.
      const app = document.querySelector('.app')!;
      return [...app.children].filter((el) => !el.matches('.toolbar, main, .switch-notice') && (el as HTMLElement).offsetHeight > 0).map((el) => el.className);
    });
    expect(between).toEqual([]);
    expect(screen.viewport).toEqual({ width: 520, height: 600 });
    expect(screen.headline).not.toBeNull();
    expect(screen.headline!.top).toBeGreaterThanOrEqual(toolbar);
    expect(screen.headline!.top).toBeLessThan(120);
    expect(screen.headline!.bottom).toBeLessThan(600);
    expect(screen.bodyLines).toBeGreaterThanOrEqual(10);
    expect(screen.tenthLineBottom).not.toBeNull();
    expect(screen.tenthLineBottom!).toBeLessThanOrEqual(600);
    process.stdout.write(`first screen ${slug}: headline ${screen.headline!.top}-${screen.headline!.bottom} px, ${screen.bodyLines} body lines, 10th ends at ${screen.tenthLineBottom} px\n`);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, `first-screen-${slug}.png`) });
    if (slug === 'gazeta-putin-olland') {
      await openSheet(popup, 'filter-panel');
      await popup.screenshot({ path: join(ARTIFACTS_DIR, `first-screen-${slug}-filters.png`) });
      await openSheet(popup, 'page-panel');
      await popup.screenshot({ path: join(ARTIFACTS_DIR, `first-screen-${slug}-page.png`) });
      // The Russian "the page is shown as is" fits its line.
      const status = await popup.evaluate(() => {
        const el = document.querySelector('.live-status')!;
        return { height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) };
      });
      expect(status.height).toBeLessThan(status.lineHeight * 1.5);
      // Every sheet keeps the article's margins: its content ends where the article's text does.
      const edges = await popup.evaluate(() => {
        const right = (el: Element) => {
          const box = el.getBoundingClientRect();
          return Math.round(box.right - parseFloat(getComputedStyle(el).paddingRight));
        };
        return { sheet: right(document.querySelector('.sheet')!), article: right(document.querySelector('.content')!) };
      });
      expect(edges.sheet).toBe(edges.article);
    }
  } finally {
    await popup.close();
    await page.close();
  }
});

test('the reader tab in the Russian UI: the article, its toolbar without page controls, and the note that it keeps what it read', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/golden/gazeta-putin-olland/'));
  const reader = await suite.browser.openPopup(tabId, '&view=tab');
  try {
    await reader.setViewportSize({ width: 1100, height: 900 });
    await reader.evaluate('document.fonts.ready.then(() => true)');
    expect(await reader.getAttribute('main', 'data-view')).toBe('ready');
    expect(await reader.locator('button[aria-controls="page-panel"]').count()).toBe(0);
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'reader-tab-gazeta-ru.png') });
    await reader.screenshot({ path: join(ARTIFACTS_DIR, 'reader-tab-gazeta-ru-full.png'), fullPage: true });
  } finally {
    await reader.close();
    await page.close();
  }
});
