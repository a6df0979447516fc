/**
 * Which pages no extension may read, and what the browser's refusal means. Add a row when
 * a browser adds a closed scheme or store, or words its refusal differently.
 */
import { describe, expect, test } from 'vitest';
import { classifyInjectionError, isPdf, isRestrictedUrl } from '../../utils/restricted.ts';

describe('isRestrictedUrl', () => {
  test.each([
    ['chrome://version', true],
    ['chrome://newtab/', true],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', true],
    ['chrome-search://local-ntp/local-ntp.html', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['edge://settings', true],
    ['about:blank', true],
    ['about:addons', true],
    ['moz-extension://0f1e2d3c-0000-4000-8000-000000000000/popup.html', true],
    ['view-source:https://example.org/', true],
    ['data:text/html,<h1>x</h1>', true],
    ['file:///home/reader/article.html', true],
    ['blob:https://example.org/0f1e2d3c', true],
    ['javascript:alert(1)', true],
    ['https://chromewebstore.google.com/detail/abc', true],
    ['https://chrome.google.com/webstore/detail/abc', true],
    ['https://microsoftedge.microsoft.com/addons/detail/abc', true],
    ['https://addons.mozilla.org/ru/firefox/addon/abc/', true],
    ['ftp://example.org/file.txt', true],
    ['not a url', true],
    // Ordinary pages, including look-alikes of closed ones.
    ['https://www.gazeta.ru/politics/news/2015/11/20/n_7907113.shtml', false],
    ['http://127.0.0.1:8080/article.html', false],
    ['https://chrome.google.com/search?q=news', false],
    ['https://example.org/chrome://version', false],
    ['https://addons.mozilla.org.example.net/', false],
    ['https://news.example/about:blank', false],
    // Unknown (no activeTab yet): let the browser decide.
    ['', false],
    [undefined, false],
    [null, false],
  ])('%s → %s', (url, restricted) => {
    expect(isRestrictedUrl(url)).toBe(restricted);
  });
});

describe('isPdf', () => {
  test.each([
    ['application/pdf', 'https://example.org/report', true],
    ['text/html', 'https://example.org/report.pdf', true],
    ['text/html', 'https://example.org/report.PDF?download=1', true],
    ['text/html', 'https://example.org/report.pdf#page=2', true],
    ['text/html', 'https://example.org/pdf-reader/article', false],
    ['text/html', 'https://example.org/report.pdfx', false],
  ])('%s at %s → %s', (type, url, pdf) => {
    expect(isPdf(type, url)).toBe(pdf);
  });
});

describe('classifyInjectionError', () => {
  test.each([
    // Chromium, as measured on Debian's chromium 156.
    ['Cannot access a chrome:// URL', 'closed'],
    ['Cannot access a chrome-extension:// URL of different extension', 'closed'],
    ['The extensions gallery cannot be scripted.', 'closed'],
    ['Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.', 'closed'],
    ['Cannot access contents of url "data:text/html,<h1>x</h1>". Extension manifest must request permission to access this host.', 'closed'],
    ['Cannot access contents of url "https://www.gazeta.ru/". Extension manifest must request permission to access this host.', 'no-access'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'no-access'],
    ['No tab with id: 123.', 'tab-gone'],
    ['Frame with ID 0 is showing error page', 'error-page'],
    // Firefox.
    ['Missing host permission for the tab', 'no-access'],
    ['Invalid tab ID: 42', 'tab-gone'],
    // Anything else is a real error, not a refusal.
    ['Could not load file: content-scripts/content.js', null],
    ['', null],
  ])('%s → %s', (message, refusal) => {
    expect(classifyInjectionError(message)).toBe(refusal);
  });
});
