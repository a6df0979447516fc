/**
 * Who may ask the extension for what. The sender matrix follows Bitwarden's
 * `senderIsInternal` spec plus the case that motivates it here: a content script's message
 * carries our own extension id, so only the browser-stamped origin tells it apart.
 */
import { describe, expect, test, vi } from 'vitest';
import {
  admitMessage,
  classifySender,
  createMessageRouter,
  defineProtocol,
  MAX_SNAPSHOT_HTML,
  parseSnapshot,
  type SenderLike,
} from '../../utils/messaging.ts';

const SELF = { id: 'declutterid', url: 'chrome-extension://declutterid/' };
const FIREFOX_SELF = { id: 'declutter@declutter.example', url: 'moz-extension://3f0c3b1e-0000-4000-8000-000000000001/' };

const POPUP: SenderLike = { id: SELF.id, url: 'chrome-extension://declutterid/popup.html', origin: 'chrome-extension://declutterid' };
const READER_TAB: SenderLike = { ...POPUP, url: 'chrome-extension://declutterid/popup.html?tabId=4&view=tab', tab: { id: 9 }, frameId: 0 };
const CONTENT: SenderLike = { id: SELF.id, url: 'https://news.example/a', origin: 'https://news.example', tab: { id: 4 }, frameId: 0 };

describe('classifySender', () => {
  test.each<[string, SenderLike | undefined, string]>([
    ['the popup', POPUP, 'extension-page'],
    ['the reader opened in a tab', READER_TAB, 'extension-page'],
    ['a Firefox extension page without origin, by its url', { id: FIREFOX_SELF.id, url: `${FIREFOX_SELF.url}popup.html` }, 'untrusted'],
    ['our content script in a top frame', CONTENT, 'content-script'],
    ['no sender', undefined, 'untrusted'],
    ['an empty sender', {}, 'untrusted'],
    ['another extension', { ...POPUP, id: 'otherextension' }, 'untrusted'],
    ['our id with no origin and no url', { id: SELF.id }, 'untrusted'],
    ['a web origin claiming our page url', { ...POPUP, origin: 'https://evil.com' }, 'untrusted'],
    ['https://evil.com', { id: SELF.id, origin: 'https://evil.com', url: 'https://evil.com/' }, 'untrusted'],
    ['a look-alike host chrome-extension://declutterid.evil.com', { id: SELF.id, origin: 'chrome-extension://declutterid.evil.com' }, 'untrusted'],
    ['another extension origin', { id: SELF.id, origin: 'chrome-extension://otherextension' }, 'untrusted'],
    ['file:///x', { id: SELF.id, origin: 'file://', url: 'file:///x', tab: { id: 1 }, frameId: 0 }, 'untrusted'],
    ['data: URL', { id: SELF.id, origin: 'null', url: 'data:text/html,x', tab: { id: 1 }, frameId: 0 }, 'untrusted'],
    ['our page inside a sub-frame', { ...POPUP, frameId: 1, tab: { id: 2 } }, 'untrusted'],
    ['a content script in a sub-frame', { ...CONTENT, frameId: 3 }, 'untrusted'],
    ['a content script with no tab', { ...CONTENT, tab: undefined }, 'untrusted'],
    ['a content script with no frame id', { ...CONTENT, frameId: undefined }, 'untrusted'],
    ['a content script whose url names our origin but whose origin is the page', { ...CONTENT, url: 'chrome-extension://declutterid/popup.html' }, 'content-script'],
  ])('%s → %s', (_, sender, kind) => {
    expect(classifySender(sender, SELF)).toBe(kind);
  });

  test('Firefox: an extension page is recognised by its moz-extension url when origin is absent', () => {
    expect(classifySender({ id: FIREFOX_SELF.id, url: `${FIREFOX_SELF.url}popup.html` }, FIREFOX_SELF)).toBe('extension-page');
    expect(classifySender({ id: FIREFOX_SELF.id, url: 'moz-extension://another-uuid/popup.html' }, FIREFOX_SELF)).toBe('untrusted');
  });
});

const protocol = defineProtocol({
  'settings:reset': {
    from: 'extension-page',
    maxBytes: 200,
    parse: (payload: unknown) => (payload === undefined || payload === null ? {} : null),
  },
  'live:hidden': {
    from: 'content-script',
    maxBytes: 200,
    parse: (payload: unknown) => {
      const count = (payload as { count?: unknown } | null)?.count;
      return typeof count === 'number' && Number.isInteger(count) && count >= 0 && count < 100_000 ? { count } : null;
    },
  },
});

describe('admitMessage', () => {
  test('a privileged message from our page is admitted', () => {
    expect(admitMessage(protocol, { type: 'settings:reset' }, POPUP, SELF)).toMatchObject({ ok: true, type: 'settings:reset', context: { kind: 'extension-page', tabId: null } });
  });

  test('the same privileged message from a content script, which carries our id, is refused', () => {
    expect(admitMessage(protocol, { type: 'settings:reset' }, CONTENT, SELF)).toEqual({ ok: false, reason: 'wrong-sender' });
  });

  test('a content-script message is scoped to the sender\'s tab, whatever the payload names', () => {
    const verdict = admitMessage(protocol, { type: 'live:hidden', payload: { count: 3, tabId: 999 } }, CONTENT, SELF);
    expect(verdict).toEqual({ ok: true, type: 'live:hidden', payload: { count: 3 }, context: { kind: 'content-script', tabId: 4, url: 'https://news.example/a' } });
  });

  test('our page may send what a content script may', () => {
    expect(admitMessage(protocol, { type: 'live:hidden', payload: { count: 1 } }, POPUP, SELF)).toMatchObject({ ok: true });
  });

  test.each<[string, unknown, SenderLike, string]>([
    ['not an object', 'settings:reset', POPUP, 'not-a-message'],
    ['no type', { payload: 1 }, POPUP, 'not-a-message'],
    ['a type that is not a string', { type: 7 }, POPUP, 'not-a-message'],
    ['an unknown type', { type: 'tabs:closeAll' }, POPUP, 'unknown-type'],
    ['a prototype name', { type: '__proto__' }, POPUP, 'unknown-type'],
    ['an inherited name', { type: 'toString' }, POPUP, 'unknown-type'],
    ['an untrusted sender', { type: 'live:hidden', payload: { count: 1 } }, { ...CONTENT, frameId: 2 }, 'untrusted-sender'],
    ['an oversized message', { type: 'live:hidden', payload: { count: 1, padding: 'x'.repeat(500) } }, CONTENT, 'too-large'],
    ['a payload that fails its schema', { type: 'live:hidden', payload: { count: -1 } }, CONTENT, 'bad-payload'],
    ['a payload of the wrong type', { type: 'live:hidden', payload: { count: '3' } }, CONTENT, 'bad-payload'],
  ])('%s is refused', (_, message, sender, reason) => {
    expect(admitMessage(protocol, message, sender, SELF)).toEqual({ ok: false, reason });
  });

  test('a message that cannot be measured (a cycle) is refused as too large', () => {
    const payload: Record<string, unknown> = {};
    payload.self = payload;
    expect(admitMessage(protocol, { type: 'live:hidden', payload }, CONTENT, SELF)).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('createMessageRouter', () => {
  function route(message: unknown, sender: SenderLike) {
    const reset = vi.fn(() => 'reset done');
    const hidden = vi.fn(async ({ count }: { count: number }, context: { tabId: number | null }) => `tab ${context.tabId}: ${count}`);
    const listener = createMessageRouter(protocol, { 'settings:reset': reset, 'live:hidden': hidden }, SELF);
    const sendResponse = vi.fn();
    const claimed = listener(message, sender, sendResponse);
    return { reset, hidden, sendResponse, claimed };
  }

  test('an admitted message reaches its handler and the reply goes back through sendResponse', async () => {
    const { hidden, sendResponse, claimed } = route({ type: 'live:hidden', payload: { count: 2 } }, CONTENT);
    expect(claimed).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, result: 'tab 4: 2' }));
    expect(hidden).toHaveBeenCalledTimes(1);
  });

  test('a refused message reaches no handler and gets no reply at all', async () => {
    const { reset, sendResponse, claimed } = route({ type: 'settings:reset' }, CONTENT);
    expect(claimed).toBeUndefined();
    await Promise.resolve();
    expect(reset).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  test('a handler that throws replies with the error instead of leaving the sender waiting', async () => {
    const listener = createMessageRouter(protocol, { 'settings:reset': () => { throw new Error('storage is gone'); }, 'live:hidden': () => null }, SELF);
    const sendResponse = vi.fn();
    listener({ type: 'settings:reset' }, POPUP, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'storage is gone' }));
  });
});

describe('parseSnapshot: what the snapshot script returns is a content-script payload too', () => {
  const valid = { url: 'https://news.example/a', title: 'T', contentType: 'text/html', elementCount: 120, html: '<html></html>' };

  test('a snapshot comes back as a fresh object of the known fields only', () => {
    expect(parseSnapshot({ ...valid, extra: 'ignored' })).toEqual(valid);
  });

  test('an over-budget snapshot has null html', () => {
    expect(parseSnapshot({ ...valid, html: null })).toEqual({ ...valid, html: null });
  });

  test('a long title is cut, a content type is lower-cased', () => {
    expect(parseSnapshot({ ...valid, title: 't'.repeat(5000), contentType: 'Text/HTML' })).toMatchObject({ title: 't'.repeat(2000), contentType: 'text/html' });
  });

  test.each<[string, unknown]>([
    ['null', null],
    ['a string', '<html>'],
    ['no url', { ...valid, url: undefined }],
    ['a url that does not parse', { ...valid, url: 'not a url' }],
    ['a huge url', { ...valid, url: `https://x.example/${'a'.repeat(9000)}` }],
    ['a title that is not text', { ...valid, title: { toString: () => 'x' } }],
    ['a content type with markup', { ...valid, contentType: 'text/html"><script>' }],
    ['a fractional element count', { ...valid, elementCount: 1.5 }],
    ['a negative element count', { ...valid, elementCount: -1 }],
    ['an infinite element count', { ...valid, elementCount: Number.POSITIVE_INFINITY }],
    ['html that is not text', { ...valid, html: 42 }],
    ['html past the size cap', { ...valid, html: 'x'.repeat(MAX_SNAPSHOT_HTML + 1) }],
  ])('%s is refused', (_, value) => {
    expect(parseSnapshot(value)).toBeNull();
  });
});
