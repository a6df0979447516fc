/**
 * Live cleaning, as the popup sees it: whether the page in the tab is being cleaned and
 * how much is hidden, and the site's "clean automatically" switch. The only code behind
 * LivePanel that talks to the browser. (The site's own filter rules are the popup model's,
 * set in the filter panel.)
 */
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { browser } from '#imports';
import { isOptedIn, LIVE_SCRIPT_FILE, optInSite, optOutSite, sitePatterns } from '../../utils/live-sites.ts';
import { admitMessage, LIVE_REPORT_PROTOCOL, parseLiveStatus, type LiveStatus } from '../../utils/messaging.ts';
import type { Settings } from '../../utils/settings.ts';

export type LiveView =
  /** Not a web page (or not known yet): nothing to offer. */
  | { kind: 'none' }
  /** The browser refused to run the live script in this tab. */
  | { kind: 'unavailable' }
  | { kind: 'off' }
  | { kind: 'on'; hidden: number; counts: Readonly<Record<string, number>> };

export interface LiveModelDeps {
  /** The page's address, once the popup knows it. */
  readonly pageUrl: ReadonlySignal<string>;
  /** The settings as the popup holds them (kept in step with storage by the popup model). */
  readonly settings: ReadonlySignal<Settings>;
  readonly location?: Location;
}

const OFF: LiveView = { kind: 'off' };

export function createLiveModel(deps: LiveModelDeps) {
  const params = new URLSearchParams((deps.location ?? window.location).search);
  const requested = Number(params.get('tabId'));
  let tabId: number | null = Number.isInteger(requested) && requested > 0 ? requested : null;

  const view = signal<LiveView>({ kind: 'none' });
  const optedIn = signal(false);
  const busy = signal(false);
  /** The site whose access the browser just refused, for a message under the switch. */
  const denied = signal<string | null>(null);
  const target = computed(() => sitePatterns(deps.pageUrl.value));
  const site = computed(() => target.value?.site ?? '');

  async function resolveTabId(): Promise<number | null> {
    if (tabId !== null) return tabId;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = active?.id ?? null;
    return tabId;
  }

  function show(status: LiveStatus | null): void {
    if (!status || !status.active) {
      view.value = OFF;
      return;
    }
    const hidden = Object.values(status.counts).reduce((sum, n) => sum + n, 0);
    view.value = { kind: 'on', hidden, counts: status.counts };
  }

  /** Asks the tab's live script, if there is one, what it is doing. No script means off. */
  async function refresh(): Promise<void> {
    const url = deps.pageUrl.value;
    if (!sitePatterns(url)) {
      view.value = { kind: 'none' };
      return;
    }
    const id = await resolveTabId();
    if (id === null) return;
    const reply = await browser.tabs.sendMessage(id, { type: 'live:query' }).catch(() => null);
    show(parseLiveStatus(reply));
    optedIn.value = await isOptedIn(url).catch(() => false);
  }

  /** Runs the live script in the tab now (activeTab on a click, or the site's own grant). */
  async function cleanPage(): Promise<void> {
    const id = await resolveTabId();
    if (id === null) return;
    busy.value = true;
    try {
      const [frame] = await browser.scripting.executeScript({ target: { tabId: id }, files: [LIVE_SCRIPT_FILE] });
      show(parseLiveStatus(frame?.result));
    } catch {
      view.value = { kind: 'unavailable' };
    } finally {
      busy.value = false;
    }
  }

  async function showAll(): Promise<void> {
    const id = await resolveTabId();
    if (id === null) return;
    const reply = await browser.tabs.sendMessage(id, { type: 'live:undo' }).catch(() => null);
    show(parseLiveStatus(reply));
  }

  // The live script reports every change (a late banner caught, a filter switched off);
  // only reports about this popup's tab count.
  const self = { id: browser.runtime.id, url: browser.runtime.getURL('/') };
  const onReport = (message: unknown, sender: { tab?: { id?: number } }): undefined => {
    const verdict = admitMessage(LIVE_REPORT_PROTOCOL, message, sender as never, self);
    if (verdict.ok && verdict.context.tabId !== null && verdict.context.tabId === tabId) show(verdict.payload as LiveStatus);
    return undefined;
  };

  const actions = {
    start(): () => void {
      browser.runtime.onMessage.addListener(onReport as never);
      let asked = '';
      const stop = effect(() => {
        const url = deps.pageUrl.value;
        if (url && url !== asked) {
          asked = url;
          void refresh();
        }
      });
      return () => {
        stop();
        browser.runtime.onMessage.removeListener(onReport as never);
      };
    },
    refresh,
    cleanPage,
    showAll,
    /**
     * The switch. Turning it on must reach `permissions.request` before anything is
     * awaited (see optInSite), so it is the first thing done here.
     */
    toggleSite(on: boolean): Promise<void> {
      const url = deps.pageUrl.value;
      const host = site.value;
      if (on) {
        const granted = optInSite(url);
        denied.value = null;
        busy.value = true;
        return granted
          .then(async (ok) => {
            optedIn.value = ok;
            denied.value = ok ? null : host;
            if (ok && view.value.kind !== 'on') await cleanPage();
          })
          .catch(() => {
            optedIn.value = false;
            denied.value = host;
          })
          .finally(() => {
            busy.value = false;
          });
      }
      optedIn.value = false;
      return optOutSite(host).then(showAll);
    },
    openOptions(): Promise<void> {
      return browser.runtime.openOptionsPage();
    },
  };

  return { view, optedIn, busy, denied, site, actions };
}

export type LiveModel = ReturnType<typeof createLiveModel>;
