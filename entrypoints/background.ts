import { browser, defineBackground } from '#imports';
import { createMessageRouter, hiddenTotal, LIVE_REPORT_PROTOCOL } from '../utils/messaging.ts';
import { liveSitesItem, pruneUngranted, syncRegistration } from '../utils/live-sites.ts';

/** Declared with its default keys (Alt+Shift+R) in wxt.config.ts's `commands`. */
const OPEN_READER_COMMAND = 'open-reader';

export default defineBackground(() => {
  // The reading path needs nothing from the background: the popup injects the snapshot
  // script itself. The background keeps the live-cleaning registration in step with the
  // opted-in sites and their permissions, draws the badge, and answers the shortcut.

  // Firefox's MV2 build has browserAction where MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  const self = { id: browser.runtime.id, url: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener(
    createMessageRouter(
      LIVE_REPORT_PROTOCOL,
      {
        // The badge of the sender's own tab: the count while the page is being cleaned
        // (0 included: cleaning is on and found nothing), nothing once it is shown again.
        'live:status': async (status, { tabId }) => {
          if (tabId === null) return;
          await action.setBadgeText({ tabId, text: status.active ? String(hiddenTotal(status)) : '' }).catch(() => undefined);
        },
      },
      self,
    ) as never,
  );
  void action.setBadgeBackgroundColor({ color: '#2459b3' }).catch(() => undefined);

  const resync = (): void => void syncRegistration().catch((error: unknown) => console.error('Declutter: live script registration failed', error));
  liveSitesItem.watch(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(() => void pruneUngranted().then(resync));
  // Registrations persist across restarts in Chromium; recomputing them at start also
  // covers a permission revoked while the browser was closed.
  browser.runtime.onStartup.addListener(() => void pruneUngranted().then(resync));
  browser.runtime.onInstalled.addListener(() => void pruneUngranted().then(resync));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_READER_COMMAND) void openReader(tab?.id);
  });
});

/** The reader tab for the page the reader is on, right after it. The shortcut grants activeTab for that page. */
async function openReader(tabId: number | undefined): Promise<void> {
  const [active] = tabId === undefined ? await browser.tabs.query({ active: true, currentWindow: true }) : [];
  const id = tabId ?? active?.id;
  if (id === undefined) return;
  const tab = await browser.tabs.get(id).catch(() => undefined);
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${id}&view=tab`), index: tab ? tab.index + 1 : undefined });
}
