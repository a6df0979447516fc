/**
 * The reader's settings. Two stored shapes, each versioned:
 *
 * - `sync:settings` (v2): the global filter switches and the annotations switch. Its size is
 *   bounded by the filter registry, so it fits `storage.sync`'s 8 KB-per-item quota with room
 *   to spare and follows the reader to other machines.
 * - `local:siteRules` (v1): per-site overrides. They grow with every site the reader tunes,
 *   a few dozen bytes each, and a few hundred sites would overflow a sync item, so they stay
 *   in `storage.local` (and leave with the machine).
 *
 * v1 kept the site rules inside `sync:settings`; the v2 migration moves them out.
 *
 * Reads validate the shape, because storage can hold anything (an older or newer build, a
 * hand edit, a failed migration, which WXT only logs and leaves in place), and a broken
 * key falls back to its default without wiping the rest.
 */
import { storage } from '#imports';
import { FILTERS, isFilterId, type FilterId } from './cleaner/detect/filters/index.ts';

export type FilterSwitches = Partial<Record<FilterId, boolean>>;
export type SiteRules = Record<string, FilterSwitches>;

/** The shape of `sync:settings` up to v1: site rules included. */
export interface StoredSettingsV1 {
  filters: FilterSwitches;
  sites: SiteRules;
  annotations: boolean;
}

/** `sync:settings` from v2 on. */
export interface StoredPreferencesV2 {
  filters: FilterSwitches;
  annotations: boolean;
}

/** The settings as the extension uses them: both stored shapes in one value. */
export interface Settings {
  /** Global filter switches; a filter missing here uses its own default. */
  filters: FilterSwitches;
  /** Per-site overrides, keyed by host name without "www.". */
  sites: SiteRules;
  annotations: boolean;
}

export const DEFAULT_SETTINGS: Settings = { filters: {}, sites: {}, annotations: true };

/** Chromium's and Firefox's `storage.sync` limit for one item, key included (QUOTA_BYTES_PER_ITEM). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
const MAX_HOST_LENGTH = 253;
const SITE_RULES_KEY = 'local:siteRules';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 → v2: the site rules leave the sync item for `local:siteRules`. Merged under the rules
 * already there, which are newer, so running it twice (the popup and the background both
 * define the item, and both may migrate at once) gives the same result. It never throws:
 * garbage is passed through unchanged for the readers to reject.
 */
export async function migrateSettingsV1toV2(value: unknown): Promise<unknown> {
  if (!isRecord(value)) return value;
  const { sites, ...preferences } = value;
  const moved = normalizeSiteRules(sites);
  if (Object.keys(moved).length) {
    const existing = normalizeSiteRules(await storage.getItem(SITE_RULES_KEY));
    await storage.setItem(SITE_RULES_KEY, { ...moved, ...existing });
  }
  return preferences;
}

export const preferencesItem = storage.defineItem<StoredPreferencesV2>('sync:settings', {
  fallback: { filters: {}, annotations: DEFAULT_SETTINGS.annotations },
  version: 2,
  migrations: { 2: (value) => migrateSettingsV1toV2(value) as Promise<StoredPreferencesV2> },
});

export const siteRulesItem = storage.defineItem<SiteRules>(SITE_RULES_KEY, {
  fallback: {},
  version: 1,
  // Passed even while empty: WXT runs (and version-stamps) nothing without it.
  migrations: {},
});

function normalizeSwitches(value: unknown): FilterSwitches {
  const out: FilterSwitches = {};
  if (!isRecord(value)) return out;
  for (const [key, on] of Object.entries(value)) if (isFilterId(key) && typeof on === 'boolean') out[key] = on;
  return out;
}

export function normalizeSiteRules(value: unknown): SiteRules {
  const sites: SiteRules = {};
  if (!isRecord(value)) return sites;
  for (const [host, switches] of Object.entries(value)) {
    const normalized = normalizeSwitches(switches);
    if (host && host.length <= MAX_HOST_LENGTH && Object.keys(normalized).length) sites[host] = normalized;
  }
  return sites;
}

/** Keeps every valid key and replaces only the broken ones with their defaults. */
export function normalizeSettings(value: unknown): Settings {
  const raw = isRecord(value) ? value : {};
  return {
    filters: normalizeSwitches(raw.filters),
    sites: normalizeSiteRules(raw.sites),
    annotations: typeof raw.annotations === 'boolean' ? raw.annotations : DEFAULT_SETTINGS.annotations,
  };
}

export async function loadSettings(): Promise<Settings> {
  const [preferences, sites] = await Promise.all([preferencesItem.getValue(), siteRulesItem.getValue()]);
  // A value WXT could not migrate (or one from a newer build) may still carry `sites`:
  // they count only when the local rules are empty, so nothing the reader set is lost.
  const local = normalizeSiteRules(sites);
  const fromSync = isRecord(preferences) ? preferences.sites : undefined;
  return normalizeSettings({ ...(isRecord(preferences) ? preferences : {}), sites: Object.keys(local).length ? local : fromSync });
}

export async function saveSettings(next: Settings): Promise<void> {
  const clean = normalizeSettings(next);
  await Promise.all([
    preferencesItem.setValue({ filters: clean.filters, annotations: clean.annotations }),
    siteRulesItem.setValue(clean.sites),
  ]);
}

/** Calls back with the whole settings value whenever either stored part changes. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const changed = () => void loadSettings().then(callback);
  const unwatchPreferences = preferencesItem.watch(changed);
  const unwatchSites = siteRulesItem.watch(changed);
  return () => {
    unwatchPreferences();
    unwatchSites();
  };
}

/**
 * The settings as one item, for code written against a single WXT item: the popup reads,
 * writes and watches this, and the split between the two storage areas stays in this file.
 */
export const settingsItem = {
  getValue: loadSettings,
  setValue: saveSettings,
  watch: watchSettings,
} as const;

export function siteKey(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Whether a filter runs on a site: the site's override, else the global switch, else its default. */
export function isFilterOn(settings: Settings, id: FilterId, site: string): boolean {
  return settings.sites[site]?.[id] ?? settings.filters[id] ?? FILTERS.find((f) => f.id === id)?.defaultEnabled ?? false;
}
