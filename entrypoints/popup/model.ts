/**
 * The popup's state and, with page-request.ts (its request for the page, split out so that
 * it can be sent before the rest is evaluated), the only code in it that talks to the
 * browser. Components read signals and call actions; they never touch `browser`.
 */
import { computed, signal } from '@preact/signals';
import { browser } from '#imports';
import { FILTERS, type FilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { CleanResult, ClutterFilter, Lang } from '../../utils/cleaner/types.ts';
import { parseSnapshot, type PageSnapshot } from '../../utils/messaging.ts';
import { CLEAN_BUDGET_MS, createCleanRunner, LARGE_PAGE_BUDGET_MS, type CleanRunner } from './clean-runner.ts';
import { activeTab, requestPage, requestedTabId, type PageRequest } from './page-request.ts';
import { classifyInjectionError, isPdf, isRestrictedUrl } from '../../utils/restricted.ts';
import { DEFAULT_SETTINGS, isFilterOn, loadSettings, normalizeSettings, settingsItem, siteKey, type Settings } from '../../utils/settings.ts';
import { pickLang, t, type MessageKey } from '../../utils/i18n.ts';

/** Why a page cannot be read: closed to all extensions, a PDF, or waiting for the reader's click. */
export type RestrictedReason = 'closed' | 'pdf' | 'no-access';

export type ViewState =
  | { kind: 'loading' }
  | { kind: 'restricted'; reason: RestrictedReason }
  | { kind: 'too-large'; elementCount: number }
  | { kind: 'not-readerable' }
  | { kind: 'no-article' }
  | { kind: 'ready'; result: CleanResult & { article: NonNullable<CleanResult['article']> } }
  | { kind: 'error'; message: string; detail: string | null };

export interface PopupModelOptions {
  /** A request for the page already under way (first-request.ts); the model starts its own otherwise. */
  readonly firstRequest?: PageRequest;
  /** The reader's settings, likewise already being read. */
  readonly firstSettings?: Promise<Settings>;
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

  let tabId: number | null = requestedTabId(location.search);
  let firstRequest = options.firstRequest ?? null;
  let snapshot: PageSnapshot | null = null;
  const runner = options.cleanRunner ?? createCleanRunner();
  let force = false;
  /** A page over the element budget, read anyway: the reader was told it takes longer. */
  let budgetMs = CLEAN_BUDGET_MS;
  let settingsLoaded: Promise<void> = Promise.resolve();

  // Computed: what each filter does on this site, after the site's overrides.
  const site = computed(() => siteKey(pageUrl.value));
  const filterStates = computed(() =>
    FILTERS.map((filter) => ({ filter: filter as ClutterFilter, on: isFilterOn(settings.value, filter.id, site.value) })),
  );
  const annotationsOn = computed(() => settings.value.annotations);

  function fail(key: MessageKey, detail: unknown = null): void {
    view.value = { kind: 'error', message: t(lang.value, key), detail: detail === null ? null : describe(detail) };
  }

  async function render(): Promise<void> {
    if (!snapshot) return;
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
      snapshot = parsed;
      pageUrl.value = parsed.url;
      // Parsed in the cleaning worker, which runs no script and loads nothing. The core
      // resolves relative URLs against the page's address.
      runner.setPage(parsed.html, parsed.url);
      budgetMs = ignoreBudget ? LARGE_PAGE_BUDGET_MS : CLEAN_BUDGET_MS;
      // The settings pick the filters, so the clean waits for them; they load while the
      // page is asked, not before.
      await settingsLoaded;
      await render();
    } catch (error) {
      fail('errorBody', error);
    }
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
      await readPage();
    },
    /**
     * The full-tab view outlives the page it shows: a news site that navigates in place
     * (pushState) would leave it on the previous story. Coming back to the view, it asks the
     * page again when the tab's address is no longer the one it read.
     */
    async refreshIfMoved(): Promise<void> {
      if (tabId === null || !snapshot) return;
      const tab: { url?: string } | undefined = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.url && tab.url === snapshot.url) return;
      await readPage();
    },
    retry: () => readPage(),
    readAnyway: () => readPage(true),
    showAnyway(): Promise<void> {
      force = true;
      return render();
    },
    /**
     * The switch is global, as its hint says. A per-site override for the same filter
     * would silently win over it, so flipping the switch on a site drops that override.
     */
    async toggleFilter(id: FilterId, on: boolean): Promise<void> {
      const current = settings.value;
      const host = site.value;
      const sites = { ...current.sites };
      if (host && sites[host] && id in sites[host]) {
        const { [id]: _dropped, ...rest } = sites[host];
        if (Object.keys(rest).length) sites[host] = rest;
        else delete sites[host];
      }
      await saveSettings({ ...current, sites, filters: { ...current.filters, [id]: on } });
    },
    async toggleAnnotations(on: boolean): Promise<void> {
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

  return { lang, view, settings, filterStates, annotationsOn, pageUrl, inTab, actions };
}

export type PopupModel = ReturnType<typeof createPopupModel>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
