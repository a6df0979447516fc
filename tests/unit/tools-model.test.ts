/**
 * The tools model with the browser stood in for: what lands on the clipboard, what the reader
 * is told when the clipboard refuses, downloads as files with their names, and printing (the
 * popup hands over to the reader tab; the tab prints once, when its article is shown).
 */
import { signal } from '@preact/signals';
import { JSDOM } from 'jsdom';
import { describe, expect, test, vi } from 'vitest';
import { createToolsModel } from '../../entrypoints/popup/tools-model.ts';
import type { ViewState } from '../../entrypoints/popup/model.ts';
import type { Lang } from '../../utils/cleaner/types.ts';

const ARTICLE = {
  title: 'Harbour: "tide" back?',
  byline: null,
  siteName: 'Courier',
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  html: '<p>The tide is back.</p><script>alert(1)</script>',
  text: 'The tide is back.',
  words: 4,
  readingMinutes: 1,
};
const READY: ViewState = {
  kind: 'ready',
  result: { status: 'ok', url: 'https://courier.example/a', article: ARTICLE, removals: [], annotations: [], timingsMs: { filters: 0, clone: 0, readability: 0, annotate: 0, total: 0 } },
};

function setup(options: { inTab?: boolean; url?: string; clipboard?: (text: string) => Promise<void>; view?: ViewState } = {}) {
  const dom = new JSDOM('<!doctype html><html><body><main><article class="article"><div class="article-body"></div></article></main></body></html>', {
    url: options.url ?? 'http://extension.test/popup.html?tabId=3',
    pretendToBeVisual: true,
  });
  const win = dom.window as unknown as Window;
  const copied: string[] = [];
  Object.defineProperty(win.navigator, 'clipboard', { value: { writeText: options.clipboard ?? (async (text: string) => void copied.push(text)) } });
  const printed = vi.fn();
  win.print = printed;
  const openInTab = vi.fn(async (_extra?: Record<string, string>) => undefined);
  const view = signal<ViewState>(options.view ?? READY);
  const popup = { view, lang: signal<Lang>('en'), inTab: options.inTab ?? false, actions: { openInTab } as never };
  const tools = createToolsModel(popup, win);
  return { tools, win, copied, printed, openInTab, view, doc: dom.window.document };
}

describe('copy', () => {
  test('copy as Markdown puts the sanitized article on the clipboard and says so', async () => {
    const { tools, copied } = setup();
    await tools.actions.exportAs('markdown');
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^# Harbour: "tide" back\?\n\n_Courier_\n\nThe tide is back\.\n\nSource: <https:\/\/courier\.example\/a>\n$/);
    expect(tools.notice.value).toEqual({ kind: 'done', text: 'Copied as Markdown.' });
  });

  test('a clipboard that refuses is reported, not swallowed', async () => {
    const { tools } = setup({ clipboard: () => Promise.reject(new Error('NotAllowedError')) });
    await tools.actions.exportAs('text');
    expect(tools.notice.value).toEqual({ kind: 'error', text: 'The browser did not let Declutter use the clipboard.' });
  });

  test('without an article there is nothing to copy', async () => {
    const { tools, copied } = setup({ view: { kind: 'loading' } });
    await tools.actions.exportAs('markdown');
    expect(copied).toEqual([]);
    expect(tools.notice.value).toBeNull();
  });
});

describe('save', () => {
  test('a file is offered for download under the article’s title', async () => {
    const { tools, doc, win } = setup();
    const clicked: { name: string; href: string }[] = [];
    (win as unknown as { HTMLAnchorElement: typeof HTMLAnchorElement }).HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    };
    URL.createObjectURL = () => 'blob:test/1';
    URL.revokeObjectURL = () => undefined;
    await tools.actions.exportAs('html-file');
    expect(clicked).toEqual([{ name: 'Harbour tide back.html', href: 'blob:test/1' }]);
    expect(doc.querySelector('a[download]')).toBeNull();
    expect(tools.notice.value?.text).toBe('Saved as Harbour tide back.html.');
  });
});

describe('print', () => {
  test('in the popup, Print opens the reader tab asking it to print', async () => {
    const { tools, openInTab, printed } = setup();
    await tools.actions.print();
    expect(openInTab).toHaveBeenCalledWith({ print: '1' });
    expect(printed).not.toHaveBeenCalled();
  });

  test('a reader tab opened to print prints once its article is shown, and drops the request from its address', async () => {
    const { tools, printed, view, win, doc } = setup({ inTab: true, url: 'http://extension.test/popup.html?tabId=3&view=tab&print=1', view: { kind: 'loading' } });
    tools.actions.start();
    expect(printed).not.toHaveBeenCalled();
    view.value = READY;
    doc.querySelector('.article-body')!.append(doc.createElement('p'));
    await vi.waitFor(() => expect(printed).toHaveBeenCalledTimes(1));
    expect(win.location.search).toBe('?tabId=3&view=tab');
    view.value = { ...READY };
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(printed).toHaveBeenCalledTimes(1);
  });
});
