/**
 * What crosses between the page and the extension. The page side is untrusted: a hostile
 * page or a compromised renderer can forge anything a content script sends, so every
 * payload from there goes through a parser with size caps before the popup uses it.
 */

/** Pages past this many elements are not cloned without the reader's say-so. */
export const ELEMENT_BUDGET = 30_000;
/** The largest page HTML the popup accepts, in UTF-16 code units (about 16 MB). */
export const MAX_SNAPSHOT_HTML = 8 * 1024 * 1024;

export interface PageSnapshot {
  readonly url: string;
  readonly title: string;
  readonly contentType: string;
  readonly elementCount: number;
  /** The serialized page, or null when it is over the element budget and was not serialized. */
  readonly html: string | null;
}

export function parseSnapshot(value: unknown): PageSnapshot | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const { url, title, contentType, elementCount, html } = v;
  if (typeof url !== 'string' || url.length > 8192) return null;
  if (typeof title !== 'string' || typeof contentType !== 'string' || contentType.length > 200) return null;
  if (typeof elementCount !== 'number' || !Number.isFinite(elementCount) || elementCount < 0) return null;
  if (html !== null && (typeof html !== 'string' || html.length > MAX_SNAPSHOT_HTML)) return null;
  return { url, title: title.slice(0, 2000), contentType, elementCount, html };
}
