/**
 * What crosses between the page and the extension, and who may ask for what.
 *
 * Two kinds of sender reach an extension's `runtime.onMessage`: its own pages (popup,
 * full-tab reader, background) and its content scripts. Both carry the extension's
 * `sender.id`, so the id proves nothing; and a content script runs inside a renderer the
 * page controls, which a compromised renderer can make say anything (Chromium's security
 * FAQ; uBlock Origin and Bitwarden draw the line in the same place). What the browser
 * process stamps and the renderer cannot forge is `sender.origin` (`sender.url` where a
 * browser leaves origin out). Hence:
 *
 * - a privileged message is accepted only from the extension's own origin, top frame;
 * - a content-script message is only ever about its own tab: the handler gets the tab id
 *   and page URL from the sender, never from the payload, and the payload passes a schema
 *   with a size cap first;
 * - page `postMessage` is never listened to, and there is no `externally_connectable`
 *   (tests/unit/no-html-sinks.test.ts and tests/unit/manifest.test.ts hold both).
 *
 * The page snapshot is the one content-script payload in use today. It is not a message:
 * it is the return value of `scripting.executeScript`, which is just as forgeable, so it
 * goes through `parseSnapshot` below.
 */

/** Pages past this many elements are not serialized without the reader's say-so. */
export const ELEMENT_BUDGET = 30_000;
/** The largest page HTML the popup accepts, in UTF-16 code units (about 16 MB). */
export const MAX_SNAPSHOT_HTML = 8 * 1024 * 1024;
const MAX_URL = 8192;
const MAX_TITLE = 2000;
const MAX_ELEMENT_COUNT = 100_000_000;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;

export interface PageSnapshot {
  /** The address of the document that was serialized (a frame's, for a frameset page). */
  readonly url: string;
  readonly title: string;
  readonly contentType: string;
  /** Elements counted before anything was serialized, shadow trees included. */
  readonly elementCount: number;
  /** The serialized page, or null when it is over the element budget and was not serialized. */
  readonly html: string | null;
}

/** Validates what the snapshot script returned; null for anything that is not a snapshot. */
export function parseSnapshot(value: unknown): PageSnapshot | null {
  if (!value || typeof value !== 'object') return null;
  const { url, title, contentType, elementCount, html } = value as Record<string, unknown>;
  if (typeof url !== 'string' || url.length > MAX_URL || !URL.canParse(url)) return null;
  if (typeof title !== 'string') return null;
  if (typeof contentType !== 'string' || contentType.length > 200 || !CONTENT_TYPE.test(contentType)) return null;
  if (typeof elementCount !== 'number' || !Number.isInteger(elementCount) || elementCount < 0 || elementCount > MAX_ELEMENT_COUNT) return null;
  if (html !== null && (typeof html !== 'string' || html.length > MAX_SNAPSHOT_HTML)) return null;
  return { url, title: title.slice(0, MAX_TITLE), contentType: contentType.toLowerCase(), elementCount, html };
}

// ---------------------------------------------------------------------------------------
// Senders

/** The fields of `runtime.MessageSender` the decision reads. */
export interface SenderLike {
  readonly id?: string;
  readonly url?: string;
  readonly origin?: string;
  readonly frameId?: number;
  readonly tab?: { readonly id?: number };
}

/** The extension itself: `browser.runtime.id` and `browser.runtime.getURL('/')`. */
export interface Self {
  readonly id: string;
  readonly url: string;
}

export type SenderKind = 'extension-page' | 'content-script' | 'untrusted';

/**
 * `scheme://host[:port]`, compared as text. `URL.origin` is "null" for non-special schemes
 * in some engines (Node, older Firefox), which would make every extension URL look alike.
 */
function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function classifySender(sender: SenderLike | null | undefined, self: Self): SenderKind {
  if (!sender || typeof sender !== 'object' || sender.id !== self.id) return 'untrusted';
  const ownOrigin = originOf(self.url);
  // origin first: unlike url it cannot be forged by a compromised renderer.
  const origin = sender.origin !== undefined ? originOf(sender.origin) : originOf(sender.url);
  if (!ownOrigin || !origin) return 'untrusted';
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  if (origin === ownOrigin) return topFrame ? 'extension-page' : 'untrusted';
  // A content script: we inject into the top frame only, and it must belong to a tab.
  const tabId = sender.tab?.id;
  const webPage = origin.startsWith('http://') || origin.startsWith('https://');
  if (webPage && sender.frameId === 0 && typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0) return 'content-script';
  return 'untrusted';
}

// ---------------------------------------------------------------------------------------
// Protocol

/** One message type: who may send it, how big it may be, and how its payload is checked. */
export interface MessageSpec<Payload> {
  readonly from: 'extension-page' | 'content-script';
  /** Cap on the JSON size of the whole message, checked before the payload is parsed. */
  readonly maxBytes: number;
  /** Returns the payload in its typed shape, or null to reject the message. */
  parse(payload: unknown): Payload | null;
}

export type Protocol = Readonly<Record<string, MessageSpec<unknown>>>;
export type PayloadOf<S> = S extends MessageSpec<infer P> ? P : never;

/** Where a message came from, as the browser says, never as the payload says. */
export interface MessageContext {
  readonly kind: 'extension-page' | 'content-script';
  /** The sender's tab: always set for content scripts, set for an extension page only when it is in a tab. */
  readonly tabId: number | null;
  readonly url: string | null;
}

export type Handlers<P extends Protocol> = {
  readonly [K in keyof P]: (payload: PayloadOf<P[K]>, context: MessageContext) => unknown;
};

export interface Envelope {
  readonly type: string;
  readonly payload?: unknown;
}

/** Keeps each spec's payload type while checking that the table is a protocol. */
export function defineProtocol<const P extends Protocol>(protocol: P): P {
  return protocol;
}

function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type Verdict<P extends Protocol> =
  | { readonly ok: true; readonly type: keyof P & string; readonly payload: unknown; readonly context: MessageContext }
  | { readonly ok: false; readonly reason: 'not-a-message' | 'unknown-type' | 'untrusted-sender' | 'wrong-sender' | 'too-large' | 'bad-payload' };

/** The whole gate, pure: every message a listener accepts passed through here. */
export function admitMessage<P extends Protocol>(protocol: P, message: unknown, sender: SenderLike | undefined, self: Self): Verdict<P> {
  if (!message || typeof message !== 'object' || typeof (message as Envelope).type !== 'string') return { ok: false, reason: 'not-a-message' };
  const { type, payload } = message as Envelope;
  // Own properties only: "__proto__" or "toString" must not find a spec.
  if (!Object.hasOwn(protocol, type)) return { ok: false, reason: 'unknown-type' };
  const spec = protocol[type]!;
  const kind = classifySender(sender, self);
  if (kind === 'untrusted') return { ok: false, reason: 'untrusted-sender' };
  // An extension page may send what a content script may; never the other way round.
  if (spec.from === 'extension-page' && kind !== 'extension-page') return { ok: false, reason: 'wrong-sender' };
  if (jsonSize(message) > spec.maxBytes) return { ok: false, reason: 'too-large' };
  const parsed = spec.parse(payload);
  if (parsed === null || parsed === undefined) return { ok: false, reason: 'bad-payload' };
  const tabId = typeof sender?.tab?.id === 'number' ? sender.tab.id : null;
  return { ok: true, type, payload: parsed, context: { kind, tabId, url: sender?.url ?? null } };
}

/**
 * A `runtime.onMessage` listener for a protocol. Rejected messages get no reply at all, so
 * a probing page learns nothing. It answers through `sendResponse` and returns true,
 * which works in every browser whether or not it accepts promises from listeners.
 */
export function createMessageRouter<P extends Protocol>(protocol: P, handlers: Handlers<P>, self: Self) {
  return (message: unknown, sender: SenderLike | undefined, sendResponse: (response: unknown) => void): boolean | undefined => {
    const verdict = admitMessage(protocol, message, sender, self);
    if (!verdict.ok) return undefined;
    const handle = handlers[verdict.type] as (payload: unknown, context: MessageContext) => unknown;
    Promise.resolve()
      .then(() => handle(verdict.payload, verdict.context))
      .then(
        (result) => sendResponse({ ok: true, result }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
}

// ---------------------------------------------------------------------------------------
// Live cleaning

/** What the live script says about its tab: whether it is cleaning, and how much per filter. */
export interface LiveStatus {
  readonly active: boolean;
  /** Hidden items per filter id; ids we do not know are dropped. */
  readonly counts: Readonly<Record<string, number>>;
}

/** More hidden items than any real page has; a count above it is a forgery or a bug. */
const MAX_HIDDEN_COUNT = 100_000;
const MAX_FILTER_ID = 64;

/**
 * Checks a live status from a content script (a message, or the reply to one): a forged
 * one must not be able to put anything but a small number on the badge or in the popup.
 */
export function parseLiveStatus(value: unknown): LiveStatus | null {
  if (!value || typeof value !== 'object') return null;
  const { active, counts } = value as Record<string, unknown>;
  if (typeof active !== 'boolean' || !counts || typeof counts !== 'object' || Array.isArray(counts)) return null;
  const entries = Object.entries(counts as Record<string, unknown>);
  if (entries.length > 32) return null;
  const clean: Record<string, number> = {};
  for (const [id, n] of entries) {
    if (id.length > MAX_FILTER_ID || !/^[a-z][a-z0-9-]*$/.test(id)) return null;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_HIDDEN_COUNT) return null;
    clean[id] = n;
  }
  return { active, counts: clean };
}

export function hiddenTotal(status: LiveStatus): number {
  return Object.values(status.counts).reduce((sum, n) => sum + n, 0);
}

const noPayload = (payload: unknown): Record<string, never> | null =>
  payload === undefined || (payload !== null && typeof payload === 'object' && !Array.isArray(payload) && Object.keys(payload).length === 0) ? {} : null;

/**
 * Sent by the live script to the extension (the background sets the badge; an open popup
 * updates its count). Only about the sender's own tab: the tab id comes from the sender.
 */
export const LIVE_REPORT_PROTOCOL = defineProtocol({
  'live:status': { from: 'content-script', maxBytes: 2048, parse: parseLiveStatus },
});

/**
 * Sent by the popup to the live script in one tab (`tabs.sendMessage`). The live script
 * answers with its LiveStatus. Extension pages only: a page cannot make the live script
 * show or hide anything.
 */
export const LIVE_CONTROL_PROTOCOL = defineProtocol({
  'live:query': { from: 'extension-page', maxBytes: 256, parse: noPayload },
  'live:undo': { from: 'extension-page', maxBytes: 256, parse: noPayload },
});
