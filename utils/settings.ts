/**
 * The reader's settings: one small synced item, versioned from v1. Reads validate the
 * shape, because storage can hold anything (an older build, a hand edit, another
 * extension's bug), and a broken key falls back to its default without wiping the rest.
 */
import { storage } from '#imports';
import { FILTERS, isFilterId, type FilterId } from './cleaner/filters/index.ts';

export type FilterSwitches = Partial<Record<FilterId, boolean>>;

export interface SettingsV1 {
  /** Global filter switches; a filter missing here uses its own default. */
  filters: FilterSwitches;
  /** Per-site overrides, keyed by host name without "www.". */
  sites: Record<string, FilterSwitches>;
  annotations: boolean;
}
export type Settings = SettingsV1;

export const DEFAULT_SETTINGS: Settings = { filters: {}, sites: {}, annotations: true };

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

function normalizeSwitches(value: unknown): FilterSwitches {
  const out: FilterSwitches = {};
  if (!value || typeof value !== 'object') return out;
  for (const [key, on] of Object.entries(value)) if (isFilterId(key) && typeof on === 'boolean') out[key] = on;
  return out;
}

/** Keeps every valid key and replaces only the broken ones with their defaults. */
export function normalizeSettings(value: unknown): Settings {
  const raw = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const sites: Record<string, FilterSwitches> = {};
  if (raw.sites && typeof raw.sites === 'object') {
    for (const [host, switches] of Object.entries(raw.sites)) {
      const normalized = normalizeSwitches(switches);
      if (host.length <= 253 && Object.keys(normalized).length) sites[host] = normalized;
    }
  }
  return {
    filters: normalizeSwitches(raw.filters),
    sites,
    annotations: typeof raw.annotations === 'boolean' ? raw.annotations : DEFAULT_SETTINGS.annotations,
  };
}

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

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}
