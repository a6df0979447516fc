/**
 * The live-cleaning messages: the live script may only report its own tab's count, and
 * only the extension's own pages may tell it to show or hide anything. A forged status
 * cannot put anything but a small count on the badge.
 */
import { describe, expect, test } from 'vitest';
import { admitMessage, hiddenTotal, LIVE_CONTROL_PROTOCOL, LIVE_REPORT_PROTOCOL, parseLiveStatus } from '../../utils/messaging.ts';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const PAGE = { id: SELF.id, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', url: `${SELF.url}popup.html` };
const CONTENT = { id: SELF.id, origin: 'https://news.example', url: 'https://news.example/a', frameId: 0, tab: { id: 7 } };
const FRAME = { ...CONTENT, frameId: 3 };

describe('parseLiveStatus', () => {
  test('a real status passes, and the total counts every filter', () => {
    const status = parseLiveStatus({ active: true, counts: { 'cookie-banners': 1, navigation: 3 } });
    expect(status).toEqual({ active: true, counts: { 'cookie-banners': 1, navigation: 3 } });
    expect(hiddenTotal(status!)).toBe(4);
  });

  test.each([
    null,
    'on',
    { active: 'yes', counts: {} },
    { active: true },
    { active: true, counts: [] },
    { active: true, counts: { navigation: -1 } },
    { active: true, counts: { navigation: 1.5 } },
    { active: true, counts: { navigation: 1e9 } },
    { active: true, counts: { '<img src=x>': 1 } },
    JSON.parse('{"active":true,"counts":{"__proto__":1}}'),
    { active: true, counts: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 1])) },
  ])('%j is refused', (value) => {
    expect(parseLiveStatus(value)).toBeNull();
  });
});

describe('who may send what', () => {
  const report = { type: 'live:status', payload: { active: true, counts: { navigation: 2 } } };

  test('a content script reports about its own tab; the tab comes from the sender', () => {
    const verdict = admitMessage(LIVE_REPORT_PROTOCOL, report, CONTENT, SELF);
    expect(verdict).toMatchObject({ ok: true, type: 'live:status', context: { kind: 'content-script', tabId: 7 } });
  });

  test('a sub-frame, a web page or another extension cannot report', () => {
    expect(admitMessage(LIVE_REPORT_PROTOCOL, report, FRAME, SELF)).toEqual({ ok: false, reason: 'untrusted-sender' });
    expect(admitMessage(LIVE_REPORT_PROTOCOL, report, { ...CONTENT, id: 'other' }, SELF)).toEqual({ ok: false, reason: 'untrusted-sender' });
  });

  test('a report over the size cap is refused before its payload is read', () => {
    const big = { type: 'live:status', payload: { active: true, counts: { navigation: 1 }, padding: 'x'.repeat(4096) } };
    expect(admitMessage(LIVE_REPORT_PROTOCOL, big, CONTENT, SELF)).toEqual({ ok: false, reason: 'too-large' });
  });

  test('only the extension’s pages may query or undo the live script', () => {
    expect(admitMessage(LIVE_CONTROL_PROTOCOL, { type: 'live:undo' }, PAGE, SELF)).toMatchObject({ ok: true, type: 'live:undo' });
    expect(admitMessage(LIVE_CONTROL_PROTOCOL, { type: 'live:query', payload: {} }, PAGE, SELF)).toMatchObject({ ok: true });
    expect(admitMessage(LIVE_CONTROL_PROTOCOL, { type: 'live:undo' }, CONTENT, SELF)).toEqual({ ok: false, reason: 'wrong-sender' });
    expect(admitMessage(LIVE_CONTROL_PROTOCOL, { type: 'live:undo', payload: { selector: 'body' } }, PAGE, SELF)).toEqual({ ok: false, reason: 'bad-payload' });
  });
});
