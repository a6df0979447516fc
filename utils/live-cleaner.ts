/**
 * Cleans the live page: the same detection as the popup, but it hides instead of
 * removing. The page's own scripts may still hold references to a banner or a widget,
 * so nothing is deleted: matched elements get a marker attribute and one stylesheet
 * hides them, and undoing is removing both.
 */
import { detectClutter } from './cleaner/detect/detect.ts';
import { visibleText } from './cleaner/page/visible-text.ts';
import type { ClutterFilter } from './cleaner/types.ts';

export const HIDDEN_ATTRIBUTE = 'data-declutter-hidden';
export const UNLOCK_ATTRIBUTE = 'data-declutter-unlock';
/** A consent wall's dimming layer; hidden with its banner, not counted as an item of its own. */
export const BACKDROP_ATTRIBUTE = 'data-declutter-backdrop';
export const STYLE_ID = 'declutter-live-style';
const CONSENT_FILTER = 'cookie-banners';

/**
 * The observer's budget. Clutter that arrives late (a delayed consent banner, a widget
 * network filling its block, an infinite-scroll sidebar) is caught by re-running detection
 * at most every MIN_INTERVAL_MS after the page changes: every mutation in between joins
 * one batch. A pass that costs more than PASS_BUDGET_MS doubles the interval, up to
 * MAX_INTERVAL_MS, so a heavy page never spends more than a few percent of its main
 * thread on us (12 ms every 250 ms is under 5 %; a slow page backs off towards 4 s).
 * README.md states the same numbers (tests/unit/live-budget.test.ts keeps them equal).
 */
export const LIVE_BUDGET = { MIN_INTERVAL_MS: 250, MAX_INTERVAL_MS: 4000, PASS_BUDGET_MS: 12 } as const;

/**
 * Hidden with `display:none !important`, which page styles cannot override short of an
 * inline !important. The unlock rule names the attribute twice so that it outranks a
 * page's `html.modal-open{overflow:hidden!important}` (same importance, lower specificity)
 * whichever stylesheet comes last. Only the vertical axis is released: pages that clip
 * horizontal overflow on purpose keep doing so.
 */
const STYLESHEET =
  `[${HIDDEN_ATTRIBUTE}],[${BACKDROP_ATTRIBUTE}]{display:none!important}` +
  `html[${UNLOCK_ATTRIBUTE}][${UNLOCK_ATTRIBUTE}],body[${UNLOCK_ATTRIBUTE}][${UNLOCK_ATTRIBUTE}]{overflow-y:auto!important}`;

export interface LiveCleanerOptions {
  url: string;
  filters: readonly ClutterFilter[];
  /** The clock the pass budget is measured with (tests pass their own). */
  now?: () => number;
  /** Marks an earlier copy of the live script made, to count and undo as this one's own. */
  adopt?: ReadonlyMap<Element, string>;
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
  /**
   * Stops watching and leaves the page as it is. For a script being replaced by a newer
   * copy of itself (re-injection, extension update): the new one adopts the marks.
   */
  stop(): void;
  /** Hidden items per filter id: only what this cleaner (or the copy it adopted) marked. */
  counts(): Record<string, number>;
  /** The elements this cleaner hid, with the filter that hid each. */
  marks(): ReadonlyMap<Element, string>;
  readonly hidden: number;
}

export function createLiveCleaner(doc: Document, options: LiveCleanerOptions): LiveCleaner {
  const now = options.now ?? (() => performance.now());
  const url = new URL(options.url);
  let filters = options.filters;
  let observer: MutationObserver | null = null;
  let lockObserver: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let interval: number = LIVE_BUDGET.MIN_INTERVAL_MS;
  let lastPass = -Infinity;

  /**
   * What we hid, by element. A page can put the marker attribute on its own elements; those
   * are neither counted nor "shown again" by us. An element the page removed, or whose
   * marker it took off, is forgotten.
   */
  const marked = new Map<Element, string>(options.adopt);
  const hiddenElements = (): Element[] => {
    for (const [el, filter] of marked) {
      if (!el.isConnected || el.getAttribute(HIDDEN_ATTRIBUTE) !== filter) marked.delete(el);
    }
    return [...marked.keys()];
  };
  const hide = (el: Element, filter: string): void => {
    el.setAttribute(HIDDEN_ATTRIBUTE, filter);
    marked.set(el, filter);
  };
  const show = (el: Element): void => {
    el.removeAttribute(HIDDEN_ATTRIBUTE);
    marked.delete(el);
  };
  const insideHidden = (el: Element): boolean => {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) if (marked.has(cur)) return true;
    return false;
  };

  function ensureStyle(): void {
    const existing = doc.getElementById(STYLE_ID);
    if (existing) {
      // A page that rewrites <head> may have dropped it behind other sheets; keep it last.
      if (existing.textContent !== STYLESHEET) existing.textContent = STYLESHEET;
      return;
    }
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = STYLESHEET;
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
      if (!el || el.hasAttribute(UNLOCK_ATTRIBUTE)) continue;
      const style = view.getComputedStyle(el);
      // `overflow` for engines that do not expand the shorthand (jsdom).
      if ([style.overflowY, style.overflow].some((v) => v === 'hidden' || v === 'clip')) el.setAttribute(UNLOCK_ATTRIBUTE, '');
    }
  }

  /**
   * Consent walls dim the page with a layer of their own: fixed, covering the viewport,
   * with no content, usually a direct child of <body> next to the dialog. Detection cannot
   * see it (it has no text, and filters never look at layout), and once the dialog is
   * hidden the layer has no purpose but to swallow every click, so it goes with it. Only
   * body's own children are looked at: the check needs layout, which costs per element.
   */
  function hideConsentBackdrops(): void {
    const view = doc.defaultView;
    if (!view || !doc.body || !view.innerWidth || !view.innerHeight) return;
    for (const el of doc.body.children) {
      if (el.hasAttribute(HIDDEN_ATTRIBUTE) || el.hasAttribute(BACKDROP_ATTRIBUTE) || el.id === STYLE_ID) continue;
      if (visibleText(el) || el.querySelector('img, picture, video, iframe, canvas, svg, input')) continue;
      const style = view.getComputedStyle(el);
      if (style.position !== 'fixed' || style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width >= view.innerWidth * 0.9 && box.height >= view.innerHeight * 0.9) el.setAttribute(BACKDROP_ATTRIBUTE, '');
    }
  }

  function releaseUnlocks(): void {
    for (const el of doc.querySelectorAll(`[${UNLOCK_ATTRIBUTE}]`)) el.removeAttribute(UNLOCK_ATTRIBUTE);
  }

  function pass(): number {
    const started = now();
    let changed = false;
    const active = new Set(filters.map((f) => f.id));
    for (const el of hiddenElements()) {
      if (!active.has(marked.get(el) ?? '')) {
        show(el);
        changed = true;
      }
    }
    if (!active.has(CONSENT_FILTER)) {
      releaseUnlocks();
      for (const el of doc.querySelectorAll(`[${BACKDROP_ATTRIBUTE}]`)) el.removeAttribute(BACKDROP_ATTRIBUTE);
    }
    const found = detectClutter(doc, filters, url);
    for (const m of found) {
      if (insideHidden(m.element)) continue;
      hide(m.element, m.filter);
      changed = true;
    }
    if (found.length) ensureStyle();
    if (found.some((m) => m.filter === CONSENT_FILTER)) {
      releaseScrollLock();
      hideConsentBackdrops();
    }
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

  /** Our own stylesheet must not wake the observer. */
  function isOwnMutation(record: MutationRecord): boolean {
    return [...record.addedNodes, ...record.removedNodes].every((n) => (n as Element).id === STYLE_ID);
  }

  function disconnect(): void {
    observer?.disconnect();
    observer = null;
    lockObserver?.disconnect();
    lockObserver = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  return {
    start() {
      const count = pass();
      const Observer = doc.defaultView?.MutationObserver;
      if (!observer && Observer) {
        observer = new Observer((records) => {
          if (records.every(isOwnMutation)) return;
          schedule();
        });
        observer.observe(doc.documentElement, { childList: true, subtree: true });
        // A banner's script may lock scrolling (a class or a style on html or body) after
        // we hid the banner. Only those two elements' own attributes are watched, and the
        // check is one computed style each, made only while a consent banner is hidden.
        lockObserver = new Observer(() => {
          if (hiddenElements().some((el) => marked.get(el) === CONSENT_FILTER)) releaseScrollLock();
        });
        const attributes = { attributes: true, attributeFilter: ['class', 'style'] };
        lockObserver.observe(doc.documentElement, attributes);
        if (doc.body) lockObserver.observe(doc.body, attributes);
      }
      return count;
    },
    setFilters(next) {
      filters = next;
      return pass();
    },
    undo() {
      disconnect();
      for (const el of hiddenElements()) show(el);
      for (const el of doc.querySelectorAll(`[${BACKDROP_ATTRIBUTE}]`)) el.removeAttribute(BACKDROP_ATTRIBUTE);
      releaseUnlocks();
      doc.getElementById(STYLE_ID)?.remove();
      options.onChange?.(0);
    },
    stop: disconnect,
    counts() {
      const out: Record<string, number> = {};
      for (const el of hiddenElements()) {
        const id = marked.get(el) ?? '';
        out[id] = (out[id] ?? 0) + 1;
      }
      return out;
    },
    marks() {
      hiddenElements();
      return new Map(marked);
    },
    get hidden() {
      return hiddenElements().length;
    },
  };
}
