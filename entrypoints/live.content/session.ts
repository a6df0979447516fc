/**
 * One live-cleaning session in one page: read the settings, hide what the enabled filters
 * find, keep the page in step with the settings (a switch flipped in the popup applies at
 * once, through storage), report the count for the badge, and answer the popup.
 */
import { browser } from '#imports';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import type { ClutterFilter } from '../../utils/cleaner/types.ts';
import { createLiveCleaner } from '../../utils/live-cleaner.ts';
import { admitMessage, LIVE_CONTROL_PROTOCOL, type LiveStatus } from '../../utils/messaging.ts';
import { isFilterOn, loadSettings, siteKey, watchSettings, type Settings } from '../../utils/settings.ts';

/** User Timing names: the bench (tests/bench/live.ts) and the browser's devtools read them. */
export const LIVE_MARK_START = 'declutter-live-start';
/** Settings read: what follows is the first detection pass alone. */
export const LIVE_MARK_SETTINGS = 'declutter-live-settings';
/** From the script's start (document_idle) to the first pass done: the reader's wait. */
export const LIVE_MEASURE_FIRST_HIDE = 'declutter-live-first-hide';
export const LIVE_MEASURE_FIRST_PASS = 'declutter-live-first-pass';

/** The session's hold on the page (./handoff.ts makes it; never WXT's page-visible context). */
export interface SessionContext {
  /** Marks an older copy made, counted and undone by this one as its own. */
  readonly inherited: ReadonlyMap<Element, string>;
  onInvalidated(callback: () => void): unknown;
  readonly isValid: boolean;
  /** What this copy hands to a newer one: its cleaner's marks. */
  handOver?(marks: () => ReadonlyMap<Element, string>): void;
}

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => true | undefined;

export async function startLiveSession(doc: Document, ctx: SessionContext): Promise<LiveStatus> {
  mark(LIVE_MARK_START);
  const url = doc.location?.href ?? doc.URL;
  const site = siteKey(url);
  const filtersFor = (settings: Settings): ClutterFilter[] => FILTERS.filter((f) => isFilterOn(settings, f.id, site));

  let active = true;
  const status = (): LiveStatus => ({ active, counts: active ? cleaner.counts() : {} });
  const report = (): void => {
    // An orphaned copy (the extension was updated) finds out here, and stops.
    if (!ctx.isValid) return;
    browser.runtime.sendMessage({ type: 'live:status', payload: status() }).catch(() => undefined);
  };

  const filters = filtersFor(await loadSettings());
  if (!ctx.isValid) return { active: false, counts: {} };
  const cleaner = createLiveCleaner(doc, { url, filters, adopt: ctx.inherited, onChange: report });
  ctx.handOver?.(() => cleaner.marks());
  mark(LIVE_MARK_SETTINGS);
  cleaner.start();
  measure(LIVE_MEASURE_FIRST_HIDE, LIVE_MARK_START);
  measure(LIVE_MEASURE_FIRST_PASS, LIVE_MARK_SETTINGS);
  report();

  const unwatch = watchSettings((settings) => {
    if (active && ctx.isValid) cleaner.setFilters(filtersFor(settings));
  });

  const self = { id: browser.runtime.id, url: browser.runtime.getURL('/') };
  const listener: Listener = (message, sender, sendResponse) => {
    const verdict = admitMessage(LIVE_CONTROL_PROTOCOL, message, sender as never, self);
    if (!verdict.ok) return undefined;
    if (verdict.type === 'live:undo' && active) {
      active = false;
      unwatch();
      cleaner.undo();
      report();
    }
    sendResponse(status());
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);

  // A newer copy of this script (re-injected, or the extension updated) takes over: this
  // one stops watching and leaves the marks for the new one to adopt.
  ctx.onInvalidated(() => {
    cleaner.stop();
    unwatch();
    browser.runtime.onMessage.removeListener(listener as never);
  });
  return status();
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // User Timing is a diagnostic; a page that broke it loses nothing else.
  }
}

function measure(name: string, start: string): void {
  try {
    performance.measure(name, start);
  } catch {
    // As above.
  }
}
