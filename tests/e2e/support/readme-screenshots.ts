/**
 * Writes the README's screenshots: the popup on the real gazeta.ru article (golden page
 * gazeta-putin-olland), as a reader in Russia sees it, in light and dark.
 *
 *   npm run build:e2e && npx tsx tests/e2e/support/readme-screenshots.ts
 *
 * The e2e tests write their own screenshots to tests/artifacts/ on every run; these are
 * written only by hand, when the look changes, so the README does not churn.
 */
import { join } from 'node:path';
import { launchChromium, requireBuild, ROOT } from './chromium.ts';
import { startFixtureServer } from './server.ts';

const OUT = join(ROOT, 'docs/screenshots');
const extension = requireBuild('.output/chrome-mv3-e2e', 'npm run build:e2e');
const server = await startFixtureServer();
const browser = await launchChromium(extension, { lang: 'ru' });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const { page, tabId } = await browser.openTab(server.url('/golden/gazeta-putin-olland/'));
    const popup = await browser.openPopup(tabId);
    await popup.emulateMedia({ colorScheme: scheme });
    // A string, not a function: tsx would wrap a function in a helper the page lacks.
    await popup.evaluate('document.fonts.ready.then(() => true)');
    const file = join(OUT, scheme === 'light' ? 'popup-gazeta.png' : 'popup-gazeta-dark.png');
    await popup.screenshot({ path: file });
    process.stdout.write(`${file}\n`);
    await popup.close();
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
