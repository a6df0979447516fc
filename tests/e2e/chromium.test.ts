/**
 * The reading view in real Chromium, with the e2e build (`npm run build:e2e`: the
 * production extension plus host access to 127.0.0.1, because a test cannot click the
 * toolbar button that grants activeTab). One browser for the whole file; the popup runs
 * in Russian, the language of the pages the product exists for, and the production-build
 * file runs it in English.
 *
 * Every golden page with an assert.json (tests/golden/pages/) is served and read through
 * the popup: the browser path (snapshot script → DOMParser → pipeline → sanitizer → DOM)
 * must give the same reader-visible result as the golden tests under jsdom. Screenshots
 * of each page land in tests/artifacts/ (git-ignored).
 *
 * Add a page: put it under tests/fixtures/e2e/ (or add a golden page) and assert on what
 * a reader sees, through readPopup().
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanPage, knownFailureFor, listPages, loadPage, readings } from '../golden/golden-page.ts';
import { countOf, t } from '../../utils/i18n.ts';
import type { CleanResult } from '../../utils/cleaner/types.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { ARTIFACTS_DIR } from './support/chromium.ts';
import { chromiumSuite } from './support/suite.ts';
import { openSheet } from './support/live.ts';
import { fold, readPopup, type PopupReading } from './support/popup-dom.ts';
import { FIXTURES_DIR, startFixtureServer } from './support/server.ts';

const UI = 'ru' as const;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const goldenPages = listPages()
  .map((slug) => loadPage(slug))
  .filter((page) => page.asserts !== null);

const suite = chromiumSuite({ lang: UI, startServer: startFixtureServer });

async function read(popup: Page): Promise<PopupReading> {
  return popup.evaluate(readPopup);
}

/** Opens `url` in a tab, then the popup for that tab; returns both and what the popup shows. */
async function openArticle(url: string, query = '') {
  const { page, tabId } = await suite.browser.openTab(url);
  const popup = await suite.browser.openPopup(tabId, query);
  return { page, tabId, popup, shown: await read(popup) };
}

/**
 * Elements that stick out of the popup's width, and whether the page scrolls sideways.
 * Runs in the page. A wide table or code block scrolls inside its own box instead.
 */
function overflowingElements(): string[] {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('main *')]
    .filter((el) => !el.parentElement?.closest('table, pre') && el.getBoundingClientRect().right > width + 0.5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
  if (document.documentElement.scrollWidth > width) wide.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  return wide;
}

async function screenshot(popup: Page, name: string): Promise<void> {
  await popup.evaluate(() => document.fonts.ready);
  await popup.screenshot({ path: join(ARTIFACTS_DIR, `chromium-${name}.png`), fullPage: true });
}

async function closeAll(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.close();
}

test('the e2e build is loaded and its popup page exists', async () => {
  expect(suite.browser.extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await suite.browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { host_permissions?: string[] } } } }).chrome.runtime.getManifest());
  expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*']);
});

describe('golden pages read through the popup', () => {
  test('there are golden pages to read', () => {
    expect(goldenPages.length).toBeGreaterThan(0);
  });

  test.each(goldenPages.map((page) => [page.slug, page] as const))('%s', async (slug, page) => {
    const asserts = page.asserts!;
    // What the golden tests accept as a known gap under jsdom, the closest DOM to a browser.
    const known = (key: string): boolean => knownFailureFor(asserts, key, 'jsdom') !== null;
    // A banned-organization mark ("ИГ*") leaves the reading flow for an annotation, so a
    // string may be shown without it, exactly as the golden tests accept. The marks come
    // from the same core run in Node.
    let annotations: CleanResult['annotations'] | null = null;
    const readingsOf = (expected: string): string[] => readings(expected, (annotations ??= cleanPage(page, 'linkedom').annotations));
    const shownAs = (expected: string, text: string): boolean => text.includes(expected) || readingsOf(expected).some((reading) => text.includes(reading));
    const { page: tab, popup, shown } = await openArticle(suite.server.url(`/golden/${slug}/`));
    try {
      expect(shown.view, `${slug}: ${shown.statusTitle} ${shown.statusBody}`).toBe('ready');
      if (!known(asserts.title) && shown.title !== asserts.title) expect(readingsOf(asserts.title)).toContain(shown.title);
      const text = `${shown.title}\n${shown.body}`;
      const missing = asserts.mustContain.filter((s) => !known(s) && !shownAs(s, text));
      expect(missing, `${slug}: article text missing from the popup`).toEqual([]);
      const leftover = asserts.mustNotContain.filter((s) => !known(s) && shownAs(s, shown.body));
      expect(leftover, `${slug}: clutter shown in the popup`).toEqual([]);
      expect(await popup.evaluate(overflowingElements), `${slug}: wider than the popup`).toEqual([]);
      await screenshot(popup, `golden-${slug}`);
    } finally {
      await closeAll(popup, tab);
    }
  });
});

describe('a full English article', () => {
  let popup: Page;
  let tab: Page;
  let shown: PopupReading;

  beforeAll(async () => {
    ({ popup, page: tab, shown } = await openArticle(suite.server.url('/harbour-english.html')));
    await screenshot(popup, 'harbour-english');
  });
  afterAll(() => closeAll(popup, tab));

  test('shows the title, site, byline, date and reading time', () => {
    expect(shown.view).toBe('ready');
    expect(shown.title).toBe('The old harbour gets its tide back after forty years');
    expect(shown.site).toBe('The Coastline Courier');
    expect(shown.meta).toContain('Maria Lindqvist');
    expect(shown.meta).toContain('14 мая 2024');
    expect(shown.meta).toContain(t(UI, 'minutes', { count: 2 }));
  });

  test('keeps the text direction and language of the page', () => {
    expect(shown.lang).toBe('en');
    expect(shown.uiLang).toBe(UI);
  });

  test('shows paragraphs, subheadings, lists and the quote', async () => {
    expect(shown.body).toContain('Engineers removed the last section of the 1984 dam on Tuesday morning');
    expect(shown.body).toContain('Dr Hanna Berg, who leads the survey');
    const structure = await popup.evaluate(() => {
      const body = document.querySelector('.article-body')!;
      return {
        h2: [...body.querySelectorAll('h2')].map((h) => h.textContent?.trim()),
        ul: body.querySelectorAll('ul > li').length,
        ol: body.querySelectorAll('ol > li').length,
        quote: body.querySelector('blockquote')?.textContent?.trim(),
      };
    });
    expect(structure.h2).toEqual(['What changes for the boats', 'A test for the estuary']);
    expect(structure.ul).toBe(3);
    expect(structure.ol).toBe(3);
    expect(structure.quote).toMatch(/^Tidal water is the cheapest cleaner there is/);
  });

  test('shows the image, loaded from the page’s server and scaled to the popup, with its caption', async () => {
    const figure = await popup.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('.article-body figure img')!;
      img.scrollIntoView();
      await img.decode().catch(() => undefined);
      return {
        src: img.getAttribute('src'),
        loaded: img.naturalWidth,
        width: img.getBoundingClientRect().width,
        column: document.querySelector('.article-body')!.getBoundingClientRect().width,
        caption: document.querySelector('.article-body figcaption')?.textContent?.trim(),
      };
    });
    expect(figure.src).toBe(suite.server.url('/img/harbour.svg'));
    expect(figure.loaded).toBe(1200);
    expect(figure.width).toBeLessThanOrEqual(figure.column);
    expect(figure.caption).toMatch(/^The basin at high tide on Tuesday/);
  });

  test('makes links absolute and opens them in a new tab', async () => {
    const links = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.article-body a')].map((a) => ({
        text: a.textContent?.trim(),
        href: a.getAttribute('href'),
        target: a.target,
        rel: a.rel,
      })),
    );
    expect(links).toContainEqual({
      text: 'two-year public consultation',
      href: suite.server.url('/region/harbour/consultation-2021'),
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    expect(links).toContainEqual(expect.objectContaining({ text: "council's website", href: 'https://example.org/council/harbour-report.pdf' }));
    expect(links.every((link) => link.target === '_blank' && /^https?:\/\//.test(link.href ?? ''))).toBe(true);
  });

  test('leaves out the cookie banner; the removal line counts what stood beside the story, not the site’s chrome, and opens to its text', async () => {
    expect(shown.body).not.toContain('We use cookies to personalise content');
    expect(shown.removals).toMatch(new RegExp(`^${t(UI, 'removed', { items: '' })}`));
    await popup.click('.removals summary');
    const items = await popup.evaluate(() => [...document.querySelectorAll('.removal-list li')].map((li) => (li as HTMLElement).innerText));
    expect(items.some((item) => item.includes('Sign up for the Courier Morning Briefing'))).toBe(true);
    // The cookie overlay and the site's menus sit at the page's edge: no reader mode shows them.
    expect(items.some((item) => item.includes('We use cookies to personalise content'))).toBe(false);
    await popup.click('.removals summary');
  });

  test('nothing is wider than the 520-px popup', async () => {
    expect(await popup.evaluate(overflowingElements)).toEqual([]);
  });

  test.each(['light', 'dark'] as const)('axe-core finds no accessibility violations in the %s theme', async (colorScheme) => {
    await popup.emulateMedia({ colorScheme });
    await popup.click('.removals summary');
    // CDP evaluation is not subject to the extension page's CSP, which forbids injected scripts.
    await popup.evaluate(AXE_SOURCE);
    const violations = await popup.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    await popup.click('.removals summary');
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(violations).toEqual([]);
  });

  test('every control can be reached with the keyboard and shows focus', async () => {
    // A fresh load: an earlier click moved the point sequential focus starts from.
    await popup.reload();
    await popup.waitForSelector('main[data-view="ready"]');
    // The toolbar comes first: the page, then the filters.
    const pressUntil = async (found: () => boolean, most: number): Promise<boolean> => {
      for (let i = 0; i < most; i++) {
        await popup.keyboard.press('Tab');
        if (await popup.evaluate(found)) return true;
      }
      return false;
    };
    expect(await pressUntil(() => document.activeElement?.getAttribute('aria-controls') === 'filter-panel', 3)).toBe(true);
    const first = await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, text: el.innerText, outline: getComputedStyle(el).outlineStyle };
    });
    expect(first.tag).toBe('BUTTON');
    expect(first.text).toContain(t(UI, 'filters'));
    expect(first.outline).not.toBe('none');
    // Enter opens the filter sheet; Tab passes the rest of the toolbar (text, open in a tab,
    // the tools menu's button) and the scope choice to the first switch; Escape closes it.
    await popup.keyboard.press('Enter');
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await popup.keyboard.press('Tab');
      const stop = await popup.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.getAttribute('aria-controls') ?? (document.activeElement as HTMLElement).innerText);
      stops.push(stop ?? '');
      if (stop === 'switch') break;
    }
    expect(stops).toContain('article-tools-menu');
    expect(stops.at(-1)).toBe('switch');
    await popup.keyboard.press('Escape');
    expect(await popup.isVisible('#filter-panel')).toBe(false);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('filter-panel');
  });
});

describe('the Russian news page the product exists for', () => {
  test('reads the article in Russian, without the promo, crumbs and the headline sidebar', async () => {
    const { popup, page, shown } = await openArticle(suite.server.url('/gazeta-putin-olland.html'));
    try {
      expect(shown.view).toBe('ready');
      // The asterisk is the page's banned-organization mark; the annotator may turn it into a note.
      expect(shown.title).toMatch(/^Путин и Олланд договорились о координации действий военных в борьбе с ИГ\*? в Сирии$/);
      expect(shown.lang).toBe('ru');
      expect(shown.site).toBe('Газета.Ru');
      expect(shown.body).toContain('Отмечается, что диалог главы двух государств намерены продолжить 26 ноября на встрече в Москве.');
      for (const clutter of ['Подписывайтесь на Газету.Ru в MAX', 'Новые материалы +', 'Новости и материалы', 'Путин пошутил, что журналисты следили за ним как спецслужбы']) {
        expect(shown.body).not.toContain(clutter);
      }
      await screenshot(popup, 'gazeta-fixture');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a right-to-left article keeps its direction', async () => {
    const { popup, page, shown } = await openArticle(suite.server.url('/rtl-hebrew.html'));
    try {
      expect(shown.view).toBe('ready');
      expect(shown.dir).toBe('rtl');
      expect(shown.lang).toBe('he');
      expect(shown.body).toContain('מהנדסים הסירו ביום שלישי');
      const align = await popup.evaluate(() => getComputedStyle(document.querySelector('.article-body p')!).direction);
      expect(align).toBe('rtl');
      await screenshot(popup, 'rtl-hebrew');
    } finally {
      await closeAll(popup, page);
    }
  });
});

describe('filter switches', () => {
  const PROMO = 'Подписывайтесь на «Газету.Ru» в Telegram и Дзен';

  /** A switch closes the filter sheet, so that what it changed shows in the article. */
  async function setSwitch(popup: Page, id: string, on: boolean): Promise<void> {
    await openSheet(popup, 'filter-panel');
    const input = popup.locator(`input[data-filter="${id}"]`);
    if ((await input.isChecked()) === on) return;
    await input.click();
    await popup.waitForSelector('#filter-panel', { state: 'detached' });
  }

  test('turning promo links off shows the promo in the article at once, and it stays off after reopening', async () => {
    const { popup, page, tabId, shown } = await openArticle(suite.server.url('/gazeta-putin-olland.html'));
    try {
      expect(shown.view).toBe('ready');
      expect(shown.body).not.toContain(PROMO);
      // Each filter says what it removed here, as many as the removal list names.
      await openSheet(popup, 'filter-panel');
      const listed = await popup.evaluate(() => document.querySelectorAll('.removal-list li[data-filter="promo-links"]').length);
      expect(listed).toBeGreaterThan(0);
      expect(fold(await popup.locator('[data-count-for="promo-links"]').innerText())).toBe(
        fold(`${t(UI, 'filterCount', { count: countOf(UI, FILTERS.find((f) => f.id === 'promo-links')!.noun, listed) })}.`),
      );
      await screenshot(popup, 'filters-open');
      await setSwitch(popup, 'promo-links', false);
      await expect.poll(async () => (await read(popup)).body).toContain(PROMO);
      // What came back is marked and in view, and the note at the foot says so.
      const back = await popup.evaluate(() => {
        const marked = [...document.querySelectorAll('[data-restored]')];
        const box = marked[0]?.getBoundingClientRect();
        return { texts: marked.map((el) => (el as HTMLElement).innerText), top: box?.top ?? -1, bottom: box?.bottom ?? -1, height: window.innerHeight };
      });
      expect(back.texts.map(fold).join(' ')).toContain(PROMO);
      expect(back.top).toBeGreaterThan(44);
      expect(back.bottom).toBeLessThan(back.height);
      const notice = fold(await popup.locator('.switch-notice').innerText());
      expect(notice.startsWith(`${FILTERS.find((f) => f.id === 'promo-links')!.label[UI]}: ${t(UI, 'switchedOff')} `)).toBe(true);
      expect(notice).not.toContain('..');
      expect(Number(await popup.locator('.switch-notice').getAttribute('data-restored-count'))).toBe(back.texts.length);
      await screenshot(popup, 'filters-promo-off-restored');
      await popup.close();

      const again = await suite.browser.openPopup(tabId);
      try {
        expect((await read(again)).body).toContain(PROMO);
        await openSheet(again, 'filter-panel');
        expect(await again.isChecked('input[data-filter="promo-links"]')).toBe(false);
        await setSwitch(again, 'promo-links', true);
        await expect.poll(async () => (await read(again)).body).not.toContain(PROMO);
      } finally {
        await again.close();
      }

      const third = await suite.browser.openPopup(tabId);
      expect((await read(third)).body).not.toContain(PROMO);
      await third.close();
    } finally {
      await page.close();
    }
  });

  test('a switch re-renders at once: the removal line forgets the promo box beside the story, and gets it back; the site’s chrome is never counted', async () => {
    const { popup, page } = await openArticle(suite.server.url('/harbour-english.html'));
    const promoLine = fold(countOf(UI, FILTERS.find((f) => f.id === 'promo-links')!.noun, 1));
    // The cookie overlay sits at the page's edge, in no reader's view of the article: not counted.
    const cookieNoun = FILTERS.find((f) => f.id === 'cookie-banners')!.noun[UI];
    try {
      expect((await read(popup)).removals).toContain(promoLine);
      expect((await read(popup)).removals).not.toContain(fold(cookieNoun.one));
      await setSwitch(popup, 'promo-links', false);
      await expect.poll(async () => (await read(popup)).removals).not.toContain(promoLine);
      await setSwitch(popup, 'promo-links', true);
      await expect.poll(async () => (await read(popup)).removals).toContain(promoLine);
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a switch is stored in synced settings', async () => {
    const { popup, page } = await openArticle(suite.server.url('/gazeta-putin-olland.html'));
    try {
      await setSwitch(popup, 'cookie-banners', false);
      const stored = await suite.browser.worker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get('settings'),
      );
      expect(stored.settings).toMatchObject({ filters: { 'cookie-banners': false } });
      await setSwitch(popup, 'cookie-banners', true);
    } finally {
      await closeAll(popup, page);
    }
  });
});

describe('states instead of a blank popup', () => {
  test('a listing page says there is no article, and "show anyway" reads it all the same', async () => {
    const { popup, page, shown } = await openArticle(suite.server.url('/listing.html'));
    try {
      expect(shown.view).toBe('not-readerable');
      expect(shown.statusTitle).toBe(t(UI, 'notReaderableTitle'));
      await screenshot(popup, 'state-not-readerable');
      await popup.getByRole('button', { name: t(UI, 'showAnyway') }).click();
      await expect.poll(async () => (await read(popup)).view).toBe('ready');
      expect((await read(popup)).body).toContain('Band D households will pay about £90 more a year from April.');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('while the page is still loading, the popup shows the outline of an article, then the article', async () => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/generated/slow.html?ms=1500'), 'commit');
    const popup = await suite.browser.context.newPage();
    try {
      await popup.setViewportSize({ width: 520, height: 600 });
      await popup.goto(`chrome-extension://${suite.browser.extensionId}/popup.html?tabId=${tabId}`);
      const loading = await read(popup);
      expect(loading.view).toBe('loading');
      expect(await popup.getByRole('status').innerText()).toContain(t(UI, 'loading'));
      await popup.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-state-loading.png') });
      await popup.waitForSelector('main[data-view="ready"]', { timeout: 15_000 });
      expect((await read(popup)).body).toContain('Paragraph 6 arrived late.');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a page over the element budget asks first, then reads', async () => {
    const { popup, page, shown } = await openArticle(suite.server.url('/generated/huge.html'));
    try {
      expect(shown.view).toBe('too-large');
      expect(shown.statusTitle).toBe(t(UI, 'tooLargeTitle'));
      expect(shown.statusBody).toMatch(/\d[\d ]*элемент/);
      await screenshot(popup, 'state-too-large');
      await popup.getByRole('button', { name: t(UI, 'readAnyway') }).click();
      await expect.poll(async () => (await read(popup)).view, { timeout: 20_000 }).toBe('ready');
      expect((await read(popup)).body).toContain('Paragraph 8 of the very long page.');
    } finally {
      await closeAll(popup, page);
    }
  });

  test.each([
    ['chrome://version', 'chrome://version'],
    ['a data: URL', 'data:text/html,<title>x</title><h1>Data page</h1><p>Some text.</p>'],
    ['a file: URL', `file://${join(FIXTURES_DIR, 'harbour-english.html')}`],
  ])('%s cannot be read by extensions', async (name, url) => {
    const { popup, page, shown } = await openArticle(url);
    try {
      expect(shown.view).toBe('restricted');
      expect(shown.statusTitle).toBe(t(UI, 'restrictedTitle'));
      expect(shown.statusBody).toBe(t(UI, 'restrictedBody'));
      if (name.startsWith('chrome')) await screenshot(popup, 'state-restricted');
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a PDF in the browser’s viewer cannot be read', async () => {
    const { popup, page, shown } = await openArticle(suite.server.url('/generated/doc.pdf'));
    try {
      expect(shown.view).toBe('restricted');
      expect(shown.statusTitle).toBe(t(UI, 'restrictedTitle'));
    } finally {
      await closeAll(popup, page);
    }
  });

  test('a closed tab gives a readable error and a way to retry', async () => {
    const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
    await page.close();
    const popup = await suite.browser.openPopup(tabId);
    try {
      const shown = await read(popup);
      expect(shown.view).toBe('error');
      expect(shown.statusTitle).toBe(t(UI, 'errorTitle'));
      expect(shown.statusBody).toBe(t(UI, 'tabGone'));
      await screenshot(popup, 'state-error');
      expect(await popup.getByRole('button', { name: t(UI, 'retry') }).isVisible()).toBe(true);
    } finally {
      await popup.close();
    }
  });
});

describe('open in a tab', () => {
  test('the button opens the same clean view in a full tab', async () => {
    const { popup, page, tabId } = await openArticle(suite.server.url('/harbour-english.html'));
    try {
      const opened = suite.browser.context.waitForEvent('page');
      await popup.getByRole('button', { name: t(UI, 'openInTab') }).click();
      const full = await opened;
      await full.waitForSelector('main[data-view="ready"]');
      expect(new URL(full.url()).search).toBe(`?tabId=${tabId}&view=tab`);
      await full.setViewportSize({ width: 1100, height: 900 });
      const shown = await read(full);
      // A tab the extension opened speaks the browser's own UI language (see launchChromium).
      const lang = shown.uiLang === 'ru' ? 'ru' : 'en';
      expect(shown.title).toBe('The old harbour gets its tide back after forty years');
      expect(await full.title()).toBe('The old harbour gets its tide back after forty years — Declutter');
      // The tab view has no "open in a tab" button and a comfortable measure.
      expect(await full.getByRole('button', { name: t(lang, 'filters') }).count()).toBe(1);
      expect(await full.getByRole('button', { name: t(lang, 'openInTab') }).count()).toBe(0);
      const column = await full.evaluate(() => document.querySelector('.article-body')!.getBoundingClientRect().width);
      expect(column).toBeGreaterThan(560);
      expect(column).toBeLessThanOrEqual(720);
      await full.screenshot({ path: join(ARTIFACTS_DIR, 'chromium-tab-view.png') });
      await full.close();
    } finally {
      await page.close();
      if (!popup.isClosed()) await popup.close();
    }
  });
});

test('the page the reader sees is untouched by reading it', async () => {
  const { page, tabId } = await suite.browser.openTab(suite.server.url('/harbour-english.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const popup = await suite.browser.openPopup(tabId);
  try {
    expect((await read(popup)).view).toBe('ready');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  } finally {
    await closeAll(popup, page);
  }
});
