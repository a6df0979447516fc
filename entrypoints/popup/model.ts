/**
 * The popup's state and, with page-request.ts (its request for the page, split out so that
 * it can be sent before the rest is evaluated), the only code in it that talks to the
 * browser. Components read signals and call actions; they never touch `browser`.
 */
import { computed, signal } from '@preact/signals';
import { browser } from '#imports';
import { FILTERS, type FilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { ClutterFilter, Lang } from '../../utils/cleaner/types.ts';
import { parseSnapshot, type PageSnapshot } from '../../utils/messaging.ts';
import { CLEAN_BUDGET_MS, createCleanRunner, LARGE_PAGE_BUDGET_MS, type CleanRunner } from './clean-runner.ts';
import { activeTab, requestPage, requestedTabId, type PageRequest } from './page-request.ts';
import { holdPage, loadHeldPage, loadPosition, savePosition, type HeldPageV1, type ReadingPosition } from './reader-tab.ts';
import { restoredBlocks } from './restored.ts';
import type { SwitchChange, SwitchScope, TabNotice, ViewState } from './view-state.ts';
import { classifyInjectionError, isPdf, isRestrictedUrl } from '../../utils/restricted.ts';
import { DEFAULT_SETTINGS, isFilterOn, loadSettings, normalizeSettings, settingsItem, siteKey, type Settings } from '../../utils/settings.ts';
import { pickLang, t, type MessageKey } from '../../utils/i18n.ts';

export type { RestrictedReason, SwitchChange, SwitchScope, TabNotice, ViewState } from './view-state.ts';

export interface PopupModelOptions {
  /** A request for the page already under way (first-request.ts); the model starts its own otherwise. */
  readonly firstRequest?: PageRequest;
  /** The reader's settings, likewise already being read. */
  readonly firstSettings?: Promise<Settings>;
  /** The reader tab's own tab id (tabs.getCurrent); injected by tests. */
  readonly currentTabId?: () => Promise<number | undefined>;
  /** The clock for "read at"; injected by tests. */
  readonly now?: () => number;
  /** Where the core runs: a worker within a time budget (clean-runner.ts); tests pass their own. */
  readonly cleanRunner?: CleanRunner;
}

export function createPopupModel(location: Location = window.location, options: PopupModelOptions = {}) {
  const params = new URLSearchParams(location.search);
  const lang = signal<Lang>(pickLang(browser.i18n?.getUILanguage?.() ?? navigator.language));
  const view = signal<ViewState>({ kind: 'loading' });
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const pageUrl = signal('');
  const inTab = params.has('tabId') && params.get('view') === 'tab';
  /** When the reader tab's article was read from its page (ms since the epoch). */
  const heldAt = signal<number | null>(null);
  const notice = signal<TabNotice>(null);
  const busy = signal(false);
  const change = signal<SwitchChange | null>(null);
  const now = options.now ?? Date.now;

  let tabId: number | null = requestedTabId(location.search);
  let firstRequest = options.firstRequest ?? null;
  let snapshot: PageSnapshot | null = null;
  const runner = options.cleanRunner ?? createCleanRunner();
  let force = false;
  /** A page over the element budget, read anyway: the reader was told it takes longer. */
  let budgetMs = CLEAN_BUDGET_MS;
  let settingsLoaded: Promise<void> = Promise.resolve();
  let readerTabId: number | null = null;
  /** The article text before the last switch, and the switch's name, to tell what it changed. */
  let pending: { before: string; label: string; on: boolean } | null = null;

  // Computed: what each filter does on this site, after the site's overrides.
  const site = computed(() => siteKey(pageUrl.value));
  const filterStates = computed(() => {
    const current = settings.value;
    const global: Settings = { ...current, sites: {} };
    return FILTERS.map((filter) => ({
      filter: filter as ClutterFilter,
      on: isFilterOn(current, filter.id, site.value),
      /** The site's own value, or null when the site follows the default. */
      site: current.sites[site.value]?.[filter.id] ?? null,
      fallback: isFilterOn(global, filter.id, site.value),
    }));
  });
  const annotationsOn = computed(() => settings.value.annotations);

  function fail(key: MessageKey, detail: unknown = null): void {
    view.value = { kind: 'error', message: t(lang.value, key), detail: detail === null ? null : describe(detail) };
  }

  async function render(): Promise<void> {
    if (!snapshot) return;
    // A feed or other XML document is data, not a page written to be read: what the browser
    // shows for it (Chromium's "This XML file does not appear to have any style information…")
    // is not an article. "Show anyway" still reads it.
    if (!force && !/html/i.test(snapshot.contentType)) {
      view.value = { kind: 'not-readerable' };
      return;
    }
    try {
      const filters = filterStates.value.filter((s) => s.on).map((s) => s.filter.id);
      const outcome = await runner.clean({ filters, force, annotate: settings.value.annotations, budgetMs });
      if (outcome.kind === 'superseded') return;
      if (outcome.kind === 'timeout') {
        view.value = { kind: 'error', message: t(lang.value, 'tooSlow', { seconds: budgetMs / 1000 }), detail: null };
        return;
      }
      if (outcome.kind === 'failed') return fail('errorBody', outcome.error);
      const { result } = outcome;
      // Read by `npm run bench:browser`: where the popup's time goes in a real browser.
      performance.mark('declutter:cleaned', { detail: result.timingsMs });
      const before = pending;
      pending = null;
      if (before) change.value = { label: before.label, on: before.on, restored: restoredBlocks(before.before, result.article?.text ?? ''), gone: restoredBlocks(result.article?.text ?? '', before.before).length };
      if (result.status === 'ok' && result.article) view.value = { kind: 'ready', result: { ...result, article: result.article } };
      else view.value = { kind: result.status === 'not-readerable' ? 'not-readerable' : 'no-article' };
    } catch (error) {
      fail('errorBody', error);
    }
  }

  async function resolveTabId(): Promise<number | null> {
    if (tabId !== null) return tabId;
    return (await activeTab())?.id ?? null;
  }

  /** A refusal to run our script becomes a view state, not an exception. */
  function showRefusal(error: unknown): void {
    const refusal = classifyInjectionError(describe(error));
    if (refusal === 'closed' || refusal === 'no-access') view.value = { kind: 'restricted', reason: refusal };
    else if (refusal === 'tab-gone') fail('tabGone');
    else if (refusal === 'error-page') fail('errorPage');
    else fail('errorBody', error);
  }

  async function readPage(ignoreBudget = false): Promise<void> {
    view.value = { kind: 'loading' };
    const request = (!ignoreBudget && firstRequest) || requestPage(tabId, ignoreBudget);
    firstRequest = null;
    try {
      const tab = await request.tab;
      if (tab?.id === undefined) return fail('tabGone');
      tabId = tab.id;
      if (tab.url) pageUrl.value = tab.url;
      // With the reader's click the URL is known: a closed page gets its own message, not
      // the injection's error.
      if (isRestrictedUrl(tab.url)) {
        view.value = { kind: 'restricted', reason: 'closed' };
        return;
      }
      const injected = await request.injection;
      if (!injected.ok) return showRefusal(injected.error);
      const parsed = parseSnapshot(injected.value);
      if (!parsed) return fail('errorBody', 'The page sent back something that is not a page.');
      if (isPdf(parsed.contentType, parsed.url)) {
        view.value = { kind: 'restricted', reason: 'pdf' };
        return;
      }
      if (parsed.html === null) {
        view.value = { kind: 'too-large', elementCount: parsed.elementCount };
        return;
      }
      budgetMs = ignoreBudget ? LARGE_PAGE_BUDGET_MS : CLEAN_BUDGET_MS;
      await show({ ...parsed, html: parsed.html });
      if (inTab) await hold();
    } catch (error) {
      fail('errorBody', error);
    }
  }

  async function show(page: PageSnapshot & { html: string }): Promise<void> {
    snapshot = page;
    pageUrl.value = page.url;
    change.value = null;
    // Parsed in the cleaning worker, which runs no script and loads nothing (and loads the
    // official lists itself). The core resolves relative URLs against the page's address.
    runner.setPage(page.html, page.url);
    // The settings pick the filters, so the clean waits for them; they load while the
    // page is asked, not before.
    await settingsLoaded;
    await render();
  }

  /** The reader tab keeps what it read (reader-tab.ts), so that nothing outside it changes it. */
  async function hold(): Promise<void> {
    if (!snapshot?.html || tabId === null) return;
    heldAt.value = now();
    readerTabId ??= (await (options.currentTabId ?? currentTab)().catch(() => undefined)) ?? null;
    const held = readerTabId !== null && (await holdPage(readerTabId, { sourceTabId: tabId, snapshot: { ...snapshot, html: snapshot.html }, heldAt: heldAt.value }));
    if (!held) notice.value = 'notHeld';
  }

  /** The reader tab, reloaded: its own page, not whatever its source tab shows now. */
  async function restoreHeld(): Promise<boolean> {
    readerTabId = (await (options.currentTabId ?? currentTab)().catch(() => undefined)) ?? null;
    const held: HeldPageV1 | null = readerTabId === null ? null : await loadHeldPage(readerTabId);
    if (!held) return false;
    tabId = held.sourceTabId;
    heldAt.value = held.heldAt;
    await show(held.snapshot);
    return true;
  }

  function switched(label: string, on: boolean): void {
    const view0 = view.value;
    pending = { before: view0.kind === 'ready' ? view0.result.article.text : '', label, on };
  }

  async function saveSettings(next: Settings): Promise<void> {
    settings.value = next;
    void render();
    await settingsItem.setValue(next);
  }

  // Actions
  const actions = {
    async start(): Promise<void> {
      settingsLoaded = (options.firstSettings ?? loadSettings()).then((loaded) => {
        settings.value = loaded;
      });
      // Another popup or the full-tab view may change the settings while this one is open.
      settingsItem.watch((value) => {
        const next = normalizeSettings(value);
        if (JSON.stringify(next) === JSON.stringify(settings.value)) return;
        settings.value = next;
        void render();
      });
      if (inTab) {
        firstRequest = null;
        if (await restoreHeld()) return;
      }
      await readPage();
    },
    /**
     * "Read the page again", the reader tab's one way to change its article: the page's tab
     * is asked for its snapshot, and only a readable answer replaces what the tab holds. A
     * tab that is gone or refuses leaves the article as it was, with a note saying why.
     */
    async reread(): Promise<void> {
      if (tabId === null || busy.value) return;
      busy.value = true;
      notice.value = null;
      try {
        const request = requestPage(tabId);
        const injected = (await request.tab) ? await request.injection : null;
        const parsed = injected?.ok ? parseSnapshot(injected.value) : null;
        if (!parsed || parsed.html === null || isPdf(parsed.contentType, parsed.url)) {
          notice.value = 'rereadFailed';
          return;
        }
        await show({ ...parsed, html: parsed.html });
        await hold();
        if (notice.value === null) notice.value = 'reread';
      } finally {
        busy.value = false;
      }
    },
    loadPosition: (): Promise<ReadingPosition | null> => (snapshot ? loadPosition(snapshot.url) : Promise.resolve(null)),
    savePosition: (position: Omit<ReadingPosition, 'at'>): Promise<void> =>
      snapshot ? savePosition(snapshot.url, { ...position, at: now() }).catch(() => undefined) : Promise.resolve(),
    dismissChange(): void {
      change.value = null;
    },
    retry: () => readPage(),
    readAnyway: () => readPage(true),
    showAnyway(): Promise<void> {
      force = true;
      return render();
    },
    /**
     * Everywhere: the global switch. A per-site override for the same filter would silently
     * win over it, so flipping it on a site drops that override. On this site: a rule of
     * the site's own, dropped again when it says what the default says.
     */
    async toggleFilter(id: FilterId, on: boolean, scope: SwitchScope = 'everywhere'): Promise<void> {
      const current = settings.value;
      const host = site.value;
      const sites = { ...current.sites };
      const { [id]: _dropped, ...rest } = sites[host] ?? {};
      const fallback = isFilterOn({ ...current, sites: {} }, id, host);
      const own = scope === 'site' && host && on !== fallback ? { ...rest, [id]: on } : rest;
      if (Object.keys(own).length) sites[host] = own;
      else delete sites[host];
      switched(FILTERS.find((f) => f.id === id)?.label[lang.value] ?? id, on);
      await saveSettings({ ...current, sites, filters: scope === 'site' ? current.filters : { ...current.filters, [id]: on } });
    },
    /** The site follows the defaults again. */
    async resetSite(): Promise<void> {
      const { [site.value]: _dropped, ...sites } = settings.value.sites;
      switched(site.value, true);
      await saveSettings({ ...settings.value, sites });
    },
    async toggleAnnotations(on: boolean): Promise<void> {
      switched(t(lang.value, 'annotations'), on);
      await saveSettings({ ...settings.value, annotations: on });
    },
    /** `extra` asks the tab for more, such as printing once it is shown (tools-model.ts). */
    async openInTab(extra: Record<string, string> = {}): Promise<void> {
      const id = await resolveTabId();
      if (id === null) return;
      const query = new URLSearchParams({ tabId: String(id), view: 'tab', ...extra });
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}`) });
      if (!inTab) window.close();
    },
  };

  return { lang, view, settings, filterStates, annotationsOn, pageUrl, site, inTab, heldAt, notice, busy, change, actions };
}

export type PopupModel = ReturnType<typeof createPopupModel>;

async function currentTab(): Promise<number | undefined> {
  return (await browser.tabs.getCurrent())?.id;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
