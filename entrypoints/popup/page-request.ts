/**
 * The popup's request for the page: which tab, and its snapshot. Part of the popup model
 * (it is browser API), in a module of its own because it must be importable before the rest
 * of the popup: see first-request.ts.
 */
import { browser } from '#imports';
import { isRestrictedUrl } from '../../utils/restricted.ts';

const SNAPSHOT_SCRIPT = '/content-scripts/content.js';

export interface TabInfo {
  readonly id?: number;
  readonly url?: string;
}

/** What injecting the snapshot script gave: its return value, or the browser's refusal. */
export type Injection = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export interface PageRequest {
  /** The tab with its URL, or undefined when it is gone. */
  readonly tab: Promise<TabInfo | undefined>;
  readonly injection: Promise<Injection>;
}

/** `?tabId=N` names the tab (the full-tab view, tests); the toolbar's popup reads the active tab. */
export function requestedTabId(search: string): number | null {
  const params = new URLSearchParams(search);
  const id = Number(params.get('tabId'));
  return params.has('tabId') && Number.isInteger(id) && id > 0 ? id : null;
}

export async function activeTab(): Promise<TabInfo | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/**
 * Asks for the tab and its snapshot. From the toolbar the active tab's query comes first
 * (it gives the id), and a page closed to extensions, which its URL tells, gets no attempt.
 * With the id known (`?tabId=N`) the injection does not wait for the URL: the two round
 * trips overlap, and on a closed page the injection just fails; the model looks at the URL
 * first either way.
 */
export function requestPage(tabId: number | null, ignoreBudget = false): PageRequest {
  if (tabId !== null) return { tab: browser.tabs.get(tabId).catch(() => undefined), injection: inject(tabId, ignoreBudget) };
  const tab = activeTab().catch(() => undefined);
  const injection = tab.then((found): Injection | Promise<Injection> => {
    if (found?.id === undefined) return { ok: false, error: new Error('No tab with id') };
    if (isRestrictedUrl(found.url)) return { ok: false, error: new Error(`Cannot access ${found.url}`) };
    return inject(found.id, ignoreBudget);
  });
  return { tab, injection };
}

async function inject(tabId: number, ignoreBudget: boolean): Promise<Injection> {
  try {
    if (ignoreBudget) {
      await browser.scripting.executeScript({
        target: { tabId },
        func: () => {
          (globalThis as { __declutterIgnoreBudget?: boolean }).__declutterIgnoreBudget = true;
        },
      });
    }
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [SNAPSHOT_SCRIPT] });
    return { ok: true, value: frame?.result };
  } catch (error) {
    return { ok: false, error };
  }
}
