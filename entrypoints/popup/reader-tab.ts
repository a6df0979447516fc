/**
 * What the reader tab keeps, part of the popup model (browser storage):
 *
 * - `session:readerTab:<id>` (v1), one item per reader tab, keyed by the reader tab's own
 *   id: the snapshot of the page it was opened for and the tab it came from. The tab shows
 *   that article for as long as it lives, so reloading it, or closing, reloading or
 *   navigating the page's own tab, changes nothing; reading the page again is an explicit
 *   action. Session storage ends with the browser session and never leaves the machine;
 *   the snapshot (not the cleaned result) is kept so that the filter switches still work
 *   on it after the page's tab is gone.
 * - `local:readingPositions` (v1): where the reader was in each article (by its address),
 *   the newest 100 kept, restored when the article is opened in a tab again.
 *
 * Reads validate the shape: storage can hold anything, and a broken value reads as none.
 */
import { browser, storage } from '#imports';
import { parseSnapshot, type PageSnapshot } from '../../utils/messaging.ts';

export interface HeldPageV1 {
  /** The tab the page was read from, for "read the page again". */
  readonly sourceTabId: number;
  readonly snapshot: PageSnapshot & { readonly html: string };
  /** When it was read (ms since the epoch), for the reader's "read at" line. */
  readonly heldAt: number;
}

export interface ReadingPosition {
  /** The index of the article body's first block whose bottom is below the top of the view. */
  readonly block: number;
  /** How far into that block the view's top is, 0-1. */
  readonly offset: number;
  readonly at: number;
}

export type ReadingPositions = Record<string, ReadingPosition>;

const HELD_PREFIX = 'readerTab:';
const MAX_POSITIONS = 100;

const heldItem = (tabId: number) =>
  storage.defineItem<HeldPageV1 | null>(`session:${HELD_PREFIX}${tabId}`, {
    fallback: null,
    version: 1,
    // Passed even while empty: WXT runs (and version-stamps) nothing without it.
    migrations: {},
  });

export const readingPositionsItem = storage.defineItem<ReadingPositions>('local:readingPositions', {
  fallback: {},
  version: 1,
  migrations: {},
});

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

export function parseHeldPage(value: unknown): HeldPageV1 | null {
  if (!value || typeof value !== 'object') return null;
  const { sourceTabId, snapshot, heldAt } = value as Record<string, unknown>;
  const parsed = parseSnapshot(snapshot);
  if (!isId(sourceTabId) || !parsed || parsed.html === null || typeof heldAt !== 'number' || !Number.isFinite(heldAt)) return null;
  return { sourceTabId, snapshot: { ...parsed, html: parsed.html }, heldAt };
}

export async function loadHeldPage(readerTabId: number): Promise<HeldPageV1 | null> {
  return parseHeldPage(await heldItem(readerTabId).getValue().catch(() => null));
}

/**
 * Keeps the page for the reader tab, and lets go of what closed reader tabs held. False when
 * storage refused it (a page over the session quota): the tab then shows the article all the
 * same, and only a reload of it needs the page's tab again.
 */
export async function holdPage(readerTabId: number, page: HeldPageV1): Promise<boolean> {
  await releaseClosedTabs(readerTabId).catch(() => undefined);
  return heldItem(readerTabId)
    .setValue(page)
    .then(() => true)
    .catch(() => false);
}

async function releaseClosedTabs(keep: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  const stale = Object.keys(all).filter((key) => {
    const match = /^readerTab:(\d+)\$?$/.exec(key);
    const id = match ? Number(match[1]) : NaN;
    return match !== null && id !== keep && !open.has(id);
  });
  if (stale.length) await browser.storage.session.remove(stale);
}

/** The address an article is remembered by: the page's, without its fragment. */
export function articleKey(url: string): string {
  return url.replace(/#.*$/, '');
}

export function parsePosition(value: unknown): ReadingPosition | null {
  if (!value || typeof value !== 'object') return null;
  const { block, offset, at } = value as Record<string, unknown>;
  if (typeof block !== 'number' || !Number.isInteger(block) || block < 0) return null;
  if (typeof offset !== 'number' || !(offset >= 0 && offset <= 1)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { block, offset, at };
}

export async function loadPosition(url: string): Promise<ReadingPosition | null> {
  const all = await readingPositionsItem.getValue().catch(() => null);
  return all && typeof all === 'object' ? parsePosition((all as Record<string, unknown>)[articleKey(url)]) : null;
}

/** Saves one article's position; the oldest go when there are more than MAX_POSITIONS. */
export async function savePosition(url: string, position: ReadingPosition): Promise<void> {
  const raw = await readingPositionsItem.getValue().catch(() => ({}));
  const kept: [string, ReadingPosition][] = [];
  for (const [key, value] of Object.entries(raw && typeof raw === 'object' ? raw : {})) {
    const parsed = parsePosition(value);
    if (parsed && key !== articleKey(url)) kept.push([key, parsed]);
  }
  kept.push([articleKey(url), position]);
  kept.sort((a, b) => b[1].at - a[1].at);
  await readingPositionsItem.setValue(Object.fromEntries(kept.slice(0, MAX_POSITIONS)));
}
