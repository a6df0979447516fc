/**
 * Sites the reader opted into for automatic live cleaning, and the two browser grants
 * that go with each: a host permission for the site's origins and one registered content
 * script whose matches are exactly the opted-in origins.
 *
 * The extension installs with no host access at all. A site gets some only from a
 * `permissions.request` made in the reader's click, and the script is registered only for
 * sites whose permission the browser confirms. The registration is derived state: the
 * background recomputes it from (list ∩ granted) whenever either changes, at install and
 * at every browser start. So a permission revoked in the browser's own settings, a denied
 * prompt or a popup that closed half-way can never leave a script running on a site the
 * reader did not (or no longer) allow.
 */
import { browser, storage } from '#imports';

export const LIVE_SCRIPT_ID = 'declutter-live';
/** WXT writes `entrypoints/live.content.ts` here. */
export const LIVE_SCRIPT_FILE = '/content-scripts/live.js';

/** One opted-in site: its key (host without "www.") and the match patterns granted for it. */
export interface LiveSite {
  readonly site: string;
  readonly origins: readonly string[];
  /** When the reader opted in (ISO date), shown in the options page. */
  readonly added: string;
}

export type LiveSites = Record<string, LiveSite>;

export const liveSitesItem = storage.defineItem<LiveSites>('local:liveSites', {
  fallback: {},
  version: 1,
  // Passed even while empty: WXT runs (and version-stamps) nothing without it.
  migrations: {},
});

const PATTERN = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])\/\*$/;

/** Keeps valid entries only: storage may hold anything (a hand edit, a newer build). */
export function normalizeLiveSites(value: unknown): LiveSites {
  const out: LiveSites = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [site, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const { origins, added } = entry as Record<string, unknown>;
    if (!Array.isArray(origins) || !origins.length || origins.length > 4) continue;
    if (!origins.every((o) => typeof o === 'string' && PATTERN.test(o))) continue;
    if (site.length === 0 || site.length > 253) continue;
    out[site] = { site, origins: origins as string[], added: typeof added === 'string' ? added.slice(0, 40) : '' };
  }
  return out;
}

export async function loadLiveSites(): Promise<LiveSites> {
  return normalizeLiveSites(await liveSitesItem.getValue());
}

const IP_OR_LOCAL = /^(?:\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]|localhost)$/i;

/**
 * The site of a page and the origins to ask for. A site is its host without "www.", as
 * the per-site filter rules key it. News sites answer on both `example.com` and
 * `www.example.com` and redirect between them, so a registrable-looking name (two labels,
 * or a host the reader saw with "www.") gets its www twin too. Ports are left out: a match
 * pattern without a port matches every port. Only the page's own scheme is asked for.
 */
export function sitePatterns(pageUrl: string): { site: string; origins: string[] } | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  const site = host.replace(/^www\./, '');
  if (!site) return null;
  const origins = [`${url.protocol}//${site}/*`];
  const twoLabels = site.split('.').length === 2;
  if (!IP_OR_LOCAL.test(site) && (host !== site || twoLabels)) origins.push(`${url.protocol}//www.${site}/*`);
  return { site, origins };
}

/** The parts of the browser API this file uses, so that tests can stand in for the browser. */
export interface LiveSitesApi {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredLiveScript[]): Promise<void>;
    updateContentScripts(scripts: Partial<RegisteredLiveScript>[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

export interface RegisteredLiveScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

const defaultApi = (): LiveSitesApi => browser as unknown as LiveSitesApi;

/**
 * Opts a site in. Call it straight from the click handler, before any await: the browser
 * grants a permission only inside the reader's gesture (Firefox checks that it is still
 * handling the input event), and Firefox may close the popup while its prompt is open,
 * cutting off whatever the popup awaited after it. So the list entry is written in the
 * same task, and the background registers the script once both the entry and the grant
 * exist. Resolves to whether the reader granted it; a refusal removes the entry again.
 */
export function optInSite(pageUrl: string, api: LiveSitesApi = defaultApi()): Promise<boolean> {
  const target = sitePatterns(pageUrl);
  if (!target) return Promise.resolve(false);
  const granted = api.permissions.request({ origins: target.origins });
  const recorded = updateSites((sites) => ({ ...sites, [target.site]: { ...target, added: new Date().toISOString() } }));
  return Promise.all([granted, recorded]).then(async ([ok]) => {
    if (!ok) await updateSites(({ [target.site]: _refused, ...rest }) => rest);
    return ok;
  });
}

/**
 * Opts a site out: the entry goes, then the permission (the background unregisters the
 * script when the list changes). A permission the manifest requires cannot be removed
 * (the test build's 127.0.0.1), which is not an error for the reader.
 */
export async function optOutSite(site: string, api: LiveSitesApi = defaultApi()): Promise<void> {
  const sites = await loadLiveSites();
  const entry = sites[site];
  await updateSites(({ [site]: _removed, ...rest }) => rest);
  if (entry) await api.permissions.remove({ origins: [...entry.origins] }).catch(() => false);
}

/** Whether the site of `pageUrl` is opted in: listed, and the browser still grants it. */
export async function isOptedIn(pageUrl: string, api: LiveSitesApi = defaultApi()): Promise<boolean> {
  const target = sitePatterns(pageUrl);
  if (!target) return false;
  const entry = (await loadLiveSites())[target.site];
  return !!entry && (await api.permissions.contains({ origins: [...entry.origins] }).catch(() => false));
}

let writes: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the list, one at a time within this page. */
function updateSites(change: (sites: LiveSites) => LiveSites): Promise<void> {
  const next = writes.then(async () => liveSitesItem.setValue(change(await loadLiveSites())));
  writes = next.catch(() => undefined);
  return next;
}

/**
 * Drops entries whose permission is gone (revoked in the browser's settings, or a prompt
 * the reader declined after the popup had closed). Safe only when no prompt can be
 * pending: at browser start and when the browser reports a removal.
 */
export async function pruneUngranted(api: LiveSitesApi = defaultApi()): Promise<void> {
  const sites = await loadLiveSites();
  const gone: string[] = [];
  for (const entry of Object.values(sites)) {
    if (!(await api.permissions.contains({ origins: [...entry.origins] }).catch(() => false))) gone.push(entry.site);
  }
  if (gone.length) await updateSites((current) => Object.fromEntries(Object.entries(current).filter(([site]) => !gone.includes(site))));
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Makes the registered live script match (list ∩ granted): registers, updates its matches,
 * or unregisters it. Calls are queued, because two overlapping registrations of the same
 * id fail in both browsers.
 */
export function syncRegistration(api: LiveSitesApi = defaultApi()): Promise<void> {
  const run = syncing.then(() => syncNow(api));
  syncing = run.catch(() => undefined);
  return run;
}

async function syncNow(api: LiveSitesApi): Promise<void> {
  const granted = new Set<string>();
  for (const entry of Object.values(await loadLiveSites())) {
    const origins = [...entry.origins];
    if (await api.permissions.contains({ origins }).catch(() => false)) for (const origin of origins) granted.add(origin);
  }
  const matches = [...granted].sort();
  const [existing] = await api.scripting.getRegisteredContentScripts({ ids: [LIVE_SCRIPT_ID] });
  if (!matches.length) {
    if (existing) await api.scripting.unregisterContentScripts({ ids: [LIVE_SCRIPT_ID] });
    return;
  }
  if (!existing) {
    await api.scripting.registerContentScripts([
      { id: LIVE_SCRIPT_ID, js: [LIVE_SCRIPT_FILE], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  } else if ([...(existing.matches ?? [])].sort().join(' ') !== matches.join(' ')) {
    await api.scripting.updateContentScripts([{ id: LIVE_SCRIPT_ID, matches }]);
  }
}
