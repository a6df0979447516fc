/**
 * The article tools' state and the only code of theirs that touches the browser: the
 * clipboard, downloads (a blob URL and <a download>, no downloads permission), printing,
 * and the exporters and read aloud, each loaded on demand as a chunk of its own
 * (utils/export/ is fetched when the tools menu opens, read aloud when first asked for), so
 * neither weighs on the popup's first paint.
 *
 * Print happens in the reader tab, never in the popup: a print dialog takes the focus, and
 * a browser closes its toolbar popup when it loses focus (Firefox closes the panel as soon
 * as a dialog opens; Chromium's preview would be squeezed into the 520 px popup and die with
 * it). The popup opens the reader tab with `print=1`, and the tab prints once its article
 * is shown.
 */
import { effect, signal } from '@preact/signals';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import type { ExportInput } from '../../utils/export/index.ts';
import { t, type MessageKey } from '../../utils/i18n.ts';
import type { PopupModel } from './model.ts';

export type ExportFormat = 'markdown' | 'text' | 'markdown-file' | 'html-file';

export interface ToolsNotice {
  readonly kind: 'done' | 'error';
  readonly text: string;
}

/** The query parameter that asks a reader tab to print once it has its article. */
export const PRINT_PARAM = 'print';

/** How long to wait for the article's pictures before printing anyway. */
const PICTURES_WAIT_MS = 4000;

const loadExporters = () => import('../../utils/export/index.ts');
const loadSpeechKit = () => import('../../components/speech-kit.ts');

/** Read aloud's code and its model, made on first use. */
export interface ReadAloud {
  readonly kit: Awaited<ReturnType<typeof loadSpeechKit>>;
  readonly speech: import('./speech-model.ts').SpeechModel;
}

export function createToolsModel(popup: Pick<PopupModel, 'view' | 'lang' | 'inTab' | 'actions'>, win: Window = window) {
  const notice = signal<ToolsNotice | null>(null);
  const busy = signal(false);
  const readAloud = signal<ReadAloud | null>(null);
  let exporters: ReturnType<typeof loadExporters> | null = null;
  let sanitize: ReturnType<typeof createArticleSanitizer> | null = null;

  const say = (kind: ToolsNotice['kind'], key: MessageKey, params: Record<string, string> = {}) => {
    notice.value = { kind, text: t(popup.lang.value, key, params) };
  };

  function input(): ExportInput | null {
    const view = popup.view.value;
    if (view.kind !== 'ready') return null;
    sanitize ??= createArticleSanitizer(win);
    const body = sanitize(view.result.article.html);
    if (!body) return null;
    return { article: view.result.article, url: view.result.url, annotations: view.result.annotations, lang: popup.lang.value, body };
  }

  function download(text: string, name: string, type: string): void {
    const doc = win.document;
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    // The browser has read the blob once the download starts; a minute is ample.
    win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** Resolves when every picture in the article has loaded or failed, or after PICTURES_WAIT_MS. */
  async function picturesLoaded(): Promise<void> {
    // Lazy pictures below the fold would print as empty boxes.
    const images = [...win.document.querySelectorAll<HTMLImageElement>('.article img')];
    for (const img of images) img.loading = 'eager';
    const all = Promise.all(images.map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))));
    await Promise.race([all, new Promise((resolve) => win.setTimeout(resolve, PICTURES_WAIT_MS))]);
  }

  /** Preact renders after the signal changes: wait for the article's body to be in the page. */
  async function articleShown(): Promise<void> {
    for (let i = 0; i < 100 && !win.document.querySelector('.article-body > *'); i++) await new Promise((resolve) => win.setTimeout(resolve, 30));
  }

  const actions = {
    /** Loads read aloud's chunk and makes its speech model, once. */
    async loadReadAloud(): Promise<ReadAloud> {
      if (readAloud.value) return readAloud.value;
      const kit = await loadSpeechKit();
      readAloud.value ??= { kit, speech: kit.createSpeechModel() };
      return readAloud.value;
    },
    /** Starts loading the exporters (on opening the menu), so a click finds them ready. */
    prefetch(): void {
      exporters ??= loadExporters();
    },
    async exportAs(format: ExportFormat): Promise<void> {
      const source = input();
      if (!source) return;
      busy.value = true;
      try {
        const lib = await (exporters ??= loadExporters());
        const title = source.article.title;
        if (format === 'markdown' || format === 'text') {
          const text = format === 'markdown' ? lib.articleToMarkdown(source) : lib.articleToText(source);
          try {
            await win.navigator.clipboard.writeText(text);
            say('done', format === 'markdown' ? 'doneCopiedMarkdown' : 'doneCopiedText');
          } catch {
            say('error', 'failCopy');
          }
        } else if (format === 'markdown-file') {
          const name = lib.fileNameFor(title, 'md');
          download(lib.articleToMarkdown(source, { frontMatter: true }), name, 'text/markdown;charset=utf-8');
          say('done', 'doneSaved', { file: name });
        } else {
          const name = lib.fileNameFor(title, 'html');
          download(lib.articleToHtml(source), name, 'text/html;charset=utf-8');
          say('done', 'doneSaved', { file: name });
        }
      } catch {
        say('error', 'failExport');
      } finally {
        busy.value = false;
      }
    },
    async print(): Promise<void> {
      if (!popup.inTab) {
        await popup.actions.openInTab({ [PRINT_PARAM]: '1' });
        return;
      }
      await picturesLoaded();
      win.print();
    },
    dismiss(): void {
      notice.value = null;
    },
    /**
     * In a reader tab opened to print: prints once the article is shown, then drops the
     * parameter, so a reload does not print again.
     */
    start(): void {
      const url = new URL(win.location.href);
      if (!popup.inTab || url.searchParams.get(PRINT_PARAM) !== '1') return;
      const stop = effect(() => {
        if (popup.view.value.kind !== 'ready') return;
        queueMicrotask(() => stop());
        url.searchParams.delete(PRINT_PARAM);
        win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
        void articleShown().then(() => actions.print());
      });
    },
  };

  return { notice, busy, readAloud, actions };
}

export type ToolsModel = ReturnType<typeof createToolsModel>;
