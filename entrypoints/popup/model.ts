/**
 * The popup's state and the only code in it that talks to the browser. Components read
 * signals and call actions; they never touch `browser`.
 */
import { computed, signal } from '@preact/signals';
import { browser } from '#imports';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { FILTERS, type FilterId } from '../../utils/cleaner/filters/index.ts';
import type { CleanResult, ClutterFilter, Lang } from '../../utils/cleaner/types.ts';
import { parseSnapshot, type PageSnapshot } from '../../utils/messaging.ts';
import { isPdf, isRestrictedUrl } from '../../utils/restricted.ts';
import { DEFAULT_SETTINGS, isFilterOn, loadSettings, normalizeSettings, settingsItem, siteKey, type Settings } from '../../utils/settings.ts';
import { pickLang } from '../../utils/i18n.ts';

export type ViewState =
  | { kind: 'loading' }
  | { kind: 'restricted' }
  | { kind: 'too-large'; elementCount: number }
  | { kind: 'not-readerable' }
  | { kind: 'ready'; result: CleanResult }
  | { kind: 'error'; message: string };

const SNAPSHOT_SCRIPT = '/content-scripts/content.js';

export function createPopupModel(location: Location = window.location) {
  const params = new URLSearchParams(location.search);
  const requestedTab = Number(params.get('tabId'));
  const lang = signal<Lang>(pickLang(browser.i18n?.getUILanguage?.() ?? navigator.language));
  const view = signal<ViewState>({ kind: 'loading' });
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const pageUrl = signal('');
  const inTab = params.has('tabId') && params.get('view') === 'tab';

  let tabId: number | null = Number.isInteger(requestedTab) && requestedTab > 0 ? requestedTab : null;
  let snapshot: PageSnapshot | null = null;
  let parsedPage: Document | null = null;
  let force = false;

  // Computed: what each filter does on this site, after the site's overrides.
  const site = computed(() => siteKey(pageUrl.value));
  const filterStates = computed(() =>
    FILTERS.map((filter) => ({ filter: filter as ClutterFilter, on: isFilterOn(settings.value, filter.id, site.value) })),
  );

  function render(): void {
    if (!snapshot || !parsedPage) return;
    try {
      const filters = filterStates.value.filter((s) => s.on).map((s) => s.filter);
      const result = cleanDocument(parsedPage, {
        url: snapshot.url,
        filters,
        force,
        annotate: settings.value.annotations,
      });
      view.value = result.status === 'ok' ? { kind: 'ready', result } : { kind: 'not-readerable' };
    } catch (error) {
      view.value = { kind: 'error', message: describe(error) };
    }
  }

  async function resolveTabId(): Promise<number | null> {
    if (tabId !== null) return tabId;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  }

  async function readPage(ignoreBudget = false): Promise<void> {
    view.value = { kind: 'loading' };
    try {
      tabId = await resolveTabId();
      if (tabId === null) throw new Error('No tab to read.');
      const tab = await browser.tabs.get(tabId);
      if (tab.url) pageUrl.value = tab.url;
      if (isRestrictedUrl(tab.url)) {
        view.value = { kind: 'restricted' };
        return;
      }
      let injected: unknown;
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
        injected = frame?.result;
      } catch {
        // The browser refuses pages closed to extensions; its message is for developers.
        view.value = { kind: 'restricted' };
        return;
      }
      const parsed = parseSnapshot(injected);
      if (!parsed) throw new Error('The page sent back something that is not a page.');
      if (isPdf(parsed.contentType, parsed.url)) {
        view.value = { kind: 'restricted' };
        return;
      }
      if (parsed.html === null) {
        view.value = { kind: 'too-large', elementCount: parsed.elementCount };
        return;
      }
      snapshot = parsed;
      pageUrl.value = parsed.url;
      parsedPage = new DOMParser().parseFromString(parsed.html, 'text/html');
      render();
    } catch (error) {
      view.value = { kind: 'error', message: describe(error) };
    }
  }

  async function saveSettings(next: Settings): Promise<void> {
    settings.value = next;
    render();
    await settingsItem.setValue(next);
  }

  // Actions
  const actions = {
    async start(): Promise<void> {
      settings.value = await loadSettings();
      settingsItem.watch((value) => {
        const next = normalizeSettings(value);
        if (JSON.stringify(next) === JSON.stringify(settings.value)) return;
        settings.value = next;
        render();
      });
      await readPage();
    },
    retry: () => readPage(),
    readAnyway: () => readPage(true),
    showAnyway(): void {
      force = true;
      render();
    },
    async toggleFilter(id: FilterId, on: boolean): Promise<void> {
      const current = settings.value;
      await saveSettings({ ...current, filters: { ...current.filters, [id]: on } });
    },
    async toggleAnnotations(on: boolean): Promise<void> {
      await saveSettings({ ...settings.value, annotations: on });
    },
    async openInTab(): Promise<void> {
      const id = await resolveTabId();
      if (id === null) return;
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${id}&view=tab`) });
      if (!inTab) window.close();
    },
  };

  return { lang, view, settings, filterStates, pageUrl, inTab, actions };
}

export type PopupModel = ReturnType<typeof createPopupModel>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
