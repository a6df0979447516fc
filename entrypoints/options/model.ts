/**
 * The options page's state and the only code behind it that talks to the browser: the
 * default filters, the opted-in sites and their permissions, the sites' own filter rules,
 * the keyboard shortcut, and export, import and reset.
 */
import { computed, signal } from '@preact/signals';
import { browser } from '#imports';
import { FILTERS, type FilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { ClutterFilter, Lang } from '../../utils/cleaner/types.ts';
import { pickLang } from '../../utils/i18n.ts';
import { liveSitesItem, loadLiveSites, normalizeLiveSites, optOutSite, type LiveSite } from '../../utils/live-sites.ts';
import { DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs } from '../../utils/reader-prefs.ts';
import { DEFAULT_SETTINGS, isFilterOn, loadSettings, saveSettings, watchSettings, type Settings } from '../../utils/settings.ts';
import { createReaderModel } from '../popup/reader-model.ts';
import { exportSettingsFile, readSettingsFile, type ImportError, type PickedFile } from './settings-file.ts';

export interface SiteEntry extends LiveSite {
  /** False when the reader withdrew the permission in the browser's own settings. */
  readonly granted: boolean;
}

export type Notice =
  | { kind: 'imported'; needAccess: string[] }
  | { kind: 'import-error'; error: ImportError }
  | { kind: 'reset' }
  | null;

const READER_COMMAND = 'open-reader';

export function createOptionsModel() {
  const lang = signal<Lang>(pickLang(browser.i18n?.getUILanguage?.() ?? navigator.language));
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const sites = signal<SiteEntry[]>([]);
  const shortcut = signal<string | null>(null);
  const notice = signal<Notice>(null);
  const reader = createReaderModel();

  const filterStates = computed(() =>
    FILTERS.map((filter) => ({ filter: filter as ClutterFilter, on: isFilterOn({ ...settings.value, sites: {} }, filter.id, '') })),
  );
  const annotationsOn = computed(() => settings.value.annotations);
  const siteRules = computed(() => Object.entries(settings.value.sites).sort(([a], [b]) => a.localeCompare(b)));

  async function loadSites(): Promise<void> {
    const entries = Object.values(await loadLiveSites()).sort((a, b) => a.site.localeCompare(b.site));
    sites.value = await Promise.all(
      entries.map(async (entry) => ({ ...entry, granted: await browser.permissions.contains({ origins: [...entry.origins] }).catch(() => false) })),
    );
  }

  async function loadShortcut(): Promise<void> {
    const commands = await browser.commands.getAll().catch(() => []);
    shortcut.value = commands.find((c) => c.name === READER_COMMAND)?.shortcut || null;
  }

  const actions = {
    async start(): Promise<void> {
      watchSettings((next) => {
        settings.value = next;
      });
      liveSitesItem.watch(() => void loadSites());
      // Access can be withdrawn from the browser's own menu while this page is open.
      browser.permissions.onRemoved.addListener(() => void loadSites());
      browser.permissions.onAdded.addListener(() => void loadSites());
      const [loaded] = await Promise.all([loadSettings(), loadSites(), loadShortcut(), reader.actions.start()]);
      settings.value = loaded;
      // Back from the browser's shortcut page: show the keys it now has.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void loadShortcut();
      });
    },
    async toggleFilter(id: FilterId, on: boolean): Promise<void> {
      const next = { ...settings.value, filters: { ...settings.value.filters, [id]: on } };
      settings.value = next;
      await saveSettings(next);
    },
    async toggleAnnotations(on: boolean): Promise<void> {
      const next = { ...settings.value, annotations: on };
      settings.value = next;
      await saveSettings(next);
    },
    async removeSite(site: string): Promise<void> {
      await optOutSite(site);
      await loadSites();
    },
    async resetSiteRules(site: string): Promise<void> {
      const { [site]: _dropped, ...rest } = settings.value.sites;
      const next = { ...settings.value, sites: rest };
      settings.value = next;
      await saveSettings(next);
    },
    /**
     * Each browser has its own page for shortcuts: Firefox opens it through the commands
     * API (Firefox 137+), Chromium has chrome://extensions/shortcuts.
     */
    async changeShortcut(): Promise<void> {
      const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
      if (commands.openShortcutSettings) await commands.openShortcutSettings();
      else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    },
    /** The settings file's text and a file name with today's date. */
    async exportFile(): Promise<{ name: string; text: string }> {
      const [current, prefs, live] = await Promise.all([loadSettings(), loadReaderPrefs(), loadLiveSites()]);
      const now = new Date();
      return { name: `declutter-settings-${now.toISOString().slice(0, 10)}.json`, text: exportSettingsFile(current, prefs, Object.values(live), now) };
    },
    /**
     * Applies a settings file, whole or not at all. Opted-in sites come back only where the
     * browser still grants their access: a permission is never granted by a file, only by
     * the reader's click. The others are named, so the reader can turn them on again.
     */
    async importFile(file: PickedFile): Promise<void> {
      const parsed = await readSettingsFile(file);
      if (!parsed.ok) {
        notice.value = { kind: 'import-error', error: parsed.error };
        return;
      }
      const { value } = parsed;
      const current = await loadSettings();
      const needAccess: string[] = [];
      let liveSites = await loadLiveSites();
      if (value.liveSites) {
        const restored = { ...liveSites };
        for (const entry of value.liveSites) {
          if (await browser.permissions.contains({ origins: entry.origins }).catch(() => false)) {
            restored[entry.site] = { ...entry, added: restored[entry.site]?.added ?? new Date().toISOString() };
          } else if (!restored[entry.site]) needAccess.push(entry.site);
        }
        liveSites = normalizeLiveSites(restored);
      }
      await Promise.all([
        saveSettings({
          filters: value.settings?.filters ?? current.filters,
          annotations: value.settings?.annotations ?? current.annotations,
          sites: value.siteRules ?? current.sites,
        }),
        value.readerPrefs ? saveReaderPrefs(value.readerPrefs) : Promise.resolve(),
        value.liveSites ? liveSitesItem.setValue(liveSites) : Promise.resolve(),
      ]);
      settings.value = await loadSettings();
      await loadSites();
      notice.value = { kind: 'imported', needAccess };
    },
    /** Everything but the opted-in sites, which are grants the reader made one by one. */
    async resetAll(): Promise<void> {
      await Promise.all([saveSettings(DEFAULT_SETTINGS), saveReaderPrefs(DEFAULT_READER_PREFS)]);
      settings.value = await loadSettings();
      notice.value = { kind: 'reset' };
    },
    dismissNotice(): void {
      notice.value = null;
    },
  };

  return { lang, settings, filterStates, annotationsOn, siteRules, sites, shortcut, notice, reader, actions };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
