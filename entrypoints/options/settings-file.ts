/**
 * The settings file the options page exports and imports. Pure: no storage, no browser.
 *
 * An import either applies whole or not at all: the file is checked completely first, and
 * anything that is not exactly a Declutter settings file of a format this build knows
 * (not JSON, another program's JSON, a newer format, a wrong type anywhere) is refused
 * with the reason, before a single value is written. Only two things are forgiven, both
 * for files from other versions of Declutter: a filter id this build does not have is
 * skipped, and a missing section leaves that part of the settings as it is.
 */
import { isFilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { LiveSite } from '../../utils/live-sites.ts';
import { FONTS, LINE_HEIGHTS, LINE_WIDTHS, TEXT_SIZES, THEMES, type ReaderPrefs } from '../../utils/reader-prefs.ts';
import type { FilterSwitches, Settings, SiteRules } from '../../utils/settings.ts';

export const SETTINGS_FILE_FORMAT = 'declutter-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real settings file (a few KB for hundreds of sites), far below trouble. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  exported: string;
  settings: { filters: FilterSwitches; annotations: boolean };
  siteRules: SiteRules;
  readerPrefs: ReaderPrefs;
  liveSites: { site: string; origins: string[] }[];
}

export function exportSettingsFile(settings: Settings, readerPrefs: ReaderPrefs, liveSites: readonly LiveSite[], now = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exported: now.toISOString(),
    settings: { filters: settings.filters, annotations: settings.annotations },
    siteRules: settings.sites,
    readerPrefs,
    liveSites: liveSites.map(({ site, origins }) => ({ site, origins: [...origins] })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportError =
  | { kind: 'too-large' }
  | { kind: 'json' }
  | { kind: 'foreign' }
  | { kind: 'version'; version: number }
  | { kind: 'invalid'; field: string };

/** What an import would write; a part left out of the file is null and stays as it is. */
export interface ImportedSettings {
  settings: { filters: FilterSwitches; annotations: boolean } | null;
  siteRules: SiteRules | null;
  readerPrefs: ReaderPrefs | null;
  liveSites: { site: string; origins: string[] }[] | null;
}

export type ImportResult = { ok: true; value: ImportedSettings } | { ok: false; error: ImportError };

class Invalid extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:]+\])$/;

/**
 * A live site's origins, built from its name: the site itself and its www twin, in one
 * scheme, as the popup asks for them (utils/live-sites.ts sitePatterns). The file's list
 * only chooses among those; anything else (`{"site":"innocent.example","origins":
 * ["http://127.0.0.1/*"]}`) would register the script where the reader never opted in,
 * under another site's name, and is refused.
 */
function siteOrigins(site: string, given: unknown[], field: string): string[] {
  for (const scheme of ['https:', 'http:']) {
    const own = `${scheme}//${site}/*`;
    const allowed = [own, `${scheme}//www.${site}/*`];
    if (given[0] === own && given.length <= allowed.length && new Set(given).size === given.length && given.every((o) => allowed.includes(o as string))) {
      return allowed.filter((o) => given.includes(o));
    }
  }
  throw new Invalid(field);
}

function switches(value: unknown, field: string): FilterSwitches {
  if (!isRecord(value)) throw new Invalid(field);
  const out: FilterSwitches = {};
  for (const [id, on] of Object.entries(value)) {
    if (typeof on !== 'boolean') throw new Invalid(`${field}.${id}`);
    if (isFilterId(id)) out[id] = on;
  }
  return out;
}

function host(value: string, field: string): string {
  if (value.length === 0 || value.length > 253 || !HOST.test(value)) throw new Invalid(field);
  return value;
}

function readerPrefs(value: unknown): ReaderPrefs {
  if (!isRecord(value)) throw new Invalid('readerPrefs');
  const one = <T>(key: keyof ReaderPrefs, allowed: readonly T[]): T => {
    if (!allowed.includes(value[key] as T)) throw new Invalid(`readerPrefs.${key}`);
    return value[key] as T;
  };
  return {
    theme: one('theme', THEMES),
    font: one('font', FONTS),
    textSize: one('textSize', TEXT_SIZES),
    lineHeight: one('lineHeight', LINE_HEIGHTS),
    lineWidth: one('lineWidth', LINE_WIDTHS),
  };
}

/** What the options page holds of a picked file: its size, known before a byte is read. */
export interface PickedFile {
  readonly size: number;
  text(): Promise<string>;
}

/** Reads a picked file only when its size is under the cap: a huge file is never loaded. */
export async function readSettingsFile(file: PickedFile): Promise<ImportResult> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: { kind: 'too-large' } };
  return parseSettingsFile(await file.text());
}

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: { kind: 'too-large' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { kind: 'json' } };
  }
  if (!isRecord(raw) || raw.format !== SETTINGS_FILE_FORMAT) return { ok: false, error: { kind: 'foreign' } };
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1) return { ok: false, error: { kind: 'invalid', field: 'version' } };
  if (raw.version > SETTINGS_FILE_VERSION) return { ok: false, error: { kind: 'version', version: raw.version } };
  try {
    const value: ImportedSettings = { settings: null, siteRules: null, readerPrefs: null, liveSites: null };
    if (raw.settings !== undefined) {
      if (!isRecord(raw.settings)) throw new Invalid('settings');
      const { filters, annotations } = raw.settings;
      if (typeof annotations !== 'boolean') throw new Invalid('settings.annotations');
      value.settings = { filters: switches(filters, 'settings.filters'), annotations };
    }
    if (raw.siteRules !== undefined) {
      if (!isRecord(raw.siteRules)) throw new Invalid('siteRules');
      const rules: SiteRules = {};
      for (const [site, rule] of Object.entries(raw.siteRules)) {
        const known = switches(rule, `siteRules.${host(site, 'siteRules')}`);
        if (Object.keys(known).length) rules[site] = known;
      }
      value.siteRules = rules;
    }
    if (raw.readerPrefs !== undefined) value.readerPrefs = readerPrefs(raw.readerPrefs);
    if (raw.liveSites !== undefined) {
      if (!Array.isArray(raw.liveSites)) throw new Invalid('liveSites');
      value.liveSites = raw.liveSites.map((entry, i) => {
        const field = `liveSites.${i}`;
        if (!isRecord(entry) || typeof entry.site !== 'string' || !Array.isArray(entry.origins)) throw new Invalid(field);
        const site = host(entry.site, `${field}.site`);
        return { site, origins: siteOrigins(site, entry.origins, `${field}.origins`) };
      });
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: { kind: 'invalid', field: error.field } };
    throw error;
  }
}
