/**
 * Cleans the live page: the same detection as the popup, but it hides instead of
 * removing. The page's own scripts may still hold references to a banner or a widget,
 * so nothing is deleted: matched elements get a marker attribute and one stylesheet
 * hides them, and undoing is removing both.
 */
import { detectClutter } from './cleaner/detect.ts';
import type { ClutterFilter } from './cleaner/types.ts';

export const HIDDEN_ATTRIBUTE = 'data-declutter-hidden';
export const UNLOCK_ATTRIBUTE = 'data-declutter-unlock';
const STYLE_ID = 'declutter-live-style';
const CONSENT_FILTER = 'cookie-banners';

/**
 * The observer's budget. Clutter that arrives late (a delayed consent banner, a widget
 * network filling its block, an infinite-scroll sidebar) is caught by re-running detection
 * at most every MIN_INTERVAL_MS after the page changes. A pass that costs more than
 * PASS_BUDGET_MS doubles the interval, up to MAX_INTERVAL_MS, so a heavy page never
 * spends more than a few percent of its main thread on us.
 */
export const LIVE_BUDGET = { MIN_INTERVAL_MS: 250, MAX_INTERVAL_MS: 4000, PASS_BUDGET_MS: 12 } as const;

export interface LiveCleanerOptions {
  url: string;
  filters: readonly ClutterFilter[];
  now?: () => number;
  /** Called after every pass that changed what is hidden, with the number of hidden items. */
  onChange?: (hidden: number) => void;
}

export interface LiveCleaner {
  /** Hides what the filters find now and keeps watching for clutter added later. */
  start(): number;
  /** Applies a new set of filters at once: elements of filters now off are shown again. */
  setFilters(filters: readonly ClutterFilter[]): number;
  /** Shows everything again and stops watching. */
  undo(): void;
  readonly hidden: number;
}

export function createLiveCleaner(doc: Document, options: LiveCleanerOptions): LiveCleaner {
  const now = options.now ?? (() => performance.now());
  const url = new URL(options.url);
  let filters = options.filters;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let interval: number = LIVE_BUDGET.MIN_INTERVAL_MS;
  let lastPass = -Infinity;

  const hiddenElements = (): Element[] => [...doc.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)];

  function ensureStyle(): void {
    if (doc.getElementById(STYLE_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent =
      `[${HIDDEN_ATTRIBUTE}]{display:none!important}` +
      `html[${UNLOCK_ATTRIBUTE}],body[${UNLOCK_ATTRIBUTE}]{overflow:auto!important}`;
    (doc.head ?? doc.documentElement).append(style);
  }

  /**
   * Consent banners often lock scrolling with overflow:hidden on html or body until they
   * are answered. We hide the banner without answering it, so we release the lock too.
   */
  function releaseScrollLock(): void {
    const view = doc.defaultView;
    if (!view) return;
    for (const el of [doc.documentElement, doc.body]) {
      if (!el) continue;
      const style = view.getComputedStyle(el);
      if (style.overflow === 'hidden' || style.overflowY === 'hidden') el.setAttribute(UNLOCK_ATTRIBUTE, '');
    }
  }

  function pass(): number {
    const started = now();
    let changed = false;
    const active = new Set(filters.map((f) => f.id));
    for (const el of hiddenElements()) {
      if (!active.has(el.getAttribute(HIDDEN_ATTRIBUTE) ?? '')) {
        el.removeAttribute(HIDDEN_ATTRIBUTE);
        changed = true;
      }
    }
    if (!active.has(CONSENT_FILTER)) for (const el of doc.querySelectorAll(`[${UNLOCK_ATTRIBUTE}]`)) el.removeAttribute(UNLOCK_ATTRIBUTE);
    const found = detectClutter(doc, filters, url);
    for (const m of found) {
      if (m.element.closest(`[${HIDDEN_ATTRIBUTE}]`)) continue;
      m.element.setAttribute(HIDDEN_ATTRIBUTE, m.filter);
      changed = true;
    }
    if (found.length) ensureStyle();
    if (found.some((m) => m.filter === CONSENT_FILTER)) releaseScrollLock();
    const cost = now() - started;
    interval = cost > LIVE_BUDGET.PASS_BUDGET_MS ? Math.min(interval * 2, LIVE_BUDGET.MAX_INTERVAL_MS) : LIVE_BUDGET.MIN_INTERVAL_MS;
    lastPass = now();
    const count = hiddenElements().length;
    if (changed) options.onChange?.(count);
    return count;
  }

  function schedule(): void {
    if (timer !== null) return;
    const wait = Math.max(0, lastPass + interval - now());
    timer = setTimeout(() => {
      timer = null;
      pass();
    }, wait);
  }

  function isOwnMutation(record: MutationRecord): boolean {
    return [...record.addedNodes, ...record.removedNodes].every((n) => (n as Element).id === STYLE_ID);
  }

  return {
    start() {
      const count = pass();
      if (!observer && doc.defaultView?.MutationObserver) {
        observer = new doc.defaultView.MutationObserver((records) => {
          if (records.every(isOwnMutation)) return;
          schedule();
        });
        observer.observe(doc.documentElement, { childList: true, subtree: true });
      }
      return count;
    },
    setFilters(next) {
      filters = next;
      return pass();
    },
    undo() {
      observer?.disconnect();
      observer = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      for (const el of hiddenElements()) el.removeAttribute(HIDDEN_ATTRIBUTE);
      for (const el of doc.querySelectorAll(`[${UNLOCK_ATTRIBUTE}]`)) el.removeAttribute(UNLOCK_ATTRIBUTE);
      doc.getElementById(STYLE_ID)?.remove();
      options.onChange?.(0);
    },
    get hidden() {
      return hiddenElements().length;
    },
  };
}
