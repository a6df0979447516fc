import { render, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat, ToolsModel } from '../entrypoints/popup/tools-model.ts';
import type { Lang } from '../utils/cleaner/types.ts';
import { t, type MessageKey } from '../utils/i18n.ts';
import type { Block } from '../utils/speech/text-map.ts';
import { ToolIcon, type ToolIconName } from './ToolIcon.tsx';
import '../assets/tools.css';

const MENU_ID = 'article-tools-menu';

const ITEMS: readonly { key: MessageKey; icon: ToolIconName; run: 'print' | 'speak' | ExportFormat }[] = [
  { key: 'toolReadAloud', icon: 'speak', run: 'speak' },
  { key: 'toolPrint', icon: 'print', run: 'print' },
  { key: 'toolCopyMarkdown', icon: 'copy', run: 'markdown' },
  { key: 'toolCopyText', icon: 'copy', run: 'text' },
  { key: 'toolSaveMarkdown', icon: 'save', run: 'markdown-file' },
  { key: 'toolSaveHtml', icon: 'save', run: 'html-file' },
];

/** Alt+Shift+N, by the key's place, so it works in a Russian layout too (where N is «Т»). */
const isShortcut = (e: KeyboardEvent): boolean => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';

/**
 * The toolbar's tools menu (read aloud, print, copy and save) and, while reading aloud,
 * the speech bar. Offered only with an article on screen; `articleKey` changes when the
 * shown article does (a filter switched), which stops the reading.
 */
export function ArticleTools({ tools, lang, articleKey, articleLang }: { tools: ToolsModel; lang: Lang; articleKey: string; articleLang: string | null }) {
  const [open, setOpen] = useState(false);
  const [speaking, setSpeaking] = useState(false);
  const [blocks, setBlocks] = useState<readonly Block[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const notice = tools.notice.value;
  const readAloud = tools.readAloud.value;

  async function startReading(): Promise<void> {
    const { kit, speech } = await tools.actions.loadReadAloud();
    const roots = [...document.querySelectorAll('.article .article-title, .article .article-body')];
    const found = kit.readingBlocks(roots);
    const language = kit.speechLang(articleLang, found.map((b) => b.text).join(' '), lang);
    setBlocks(found);
    speech.actions.load(kit.sentencesOf(found, language), language);
    setSpeaking(true);
    await speech.actions.play();
  }

  function run(item: (typeof ITEMS)[number]): void {
    setOpen(false);
    button.current?.focus();
    if (item.run === 'speak') void startReading();
    else if (item.run === 'print') void tools.actions.print();
    else void tools.actions.exportAs(item.run);
  }

  // A different article (or the same one rendered anew): the sentences point at nodes gone.
  useEffect(() => () => {
    tools.readAloud.value?.speech.actions.stop();
    setSpeaking(false);
    // Runs when the article changes, with the speech of the article it replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleKey]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShortcut(e)) {
        e.preventDefault();
        const speech = tools.readAloud.value?.speech;
        if (speaking && speech && speech.status.value !== 'idle') void speech.actions.toggle();
        else void startReading();
      } else if (e.key === 'Escape' && open) {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (open && !menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  });

  useEffect(() => {
    if (open) menu.current?.querySelector('button')?.focus();
  }, [open]);

  return (
    <div class="article-tools">
      <button
        ref={button}
        type="button"
        class="tool tools-button"
        aria-expanded={open}
        aria-controls={MENU_ID}
        title={t(lang, 'toolsLabel')}
        onClick={() => {
          tools.actions.prefetch();
          tools.actions.dismiss();
          setOpen(!open);
        }}
      >
        <ToolIcon name="tools" />
        <span>{t(lang, 'tools')}</span>
      </button>
      {open && (
        <ul ref={menu} id={MENU_ID} class="tools-menu" aria-label={t(lang, 'toolsLabel')}>
          {ITEMS.map((item) => (
            <li key={item.key}>
              <button type="button" class="tools-item" data-tool={item.run} onClick={() => run(item)} aria-keyshortcuts={item.run === 'speak' ? 'Alt+Shift+N' : undefined}>
                <ToolIcon name={item.icon} />
                <span>{t(lang, item.key)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="tools-notice" role="status" data-kind={notice?.kind}>
        {notice?.text}
      </p>
      {/* In <body>, not in the toolbar: the toolbar's backdrop filter would make it the bar's viewport. */}
      {speaking && readAloud && (
        <BodyLayer>
          <readAloud.kit.SpeechBar speech={readAloud.speech} blocks={blocks} lang={lang} onClose={() => setSpeaking(false)} />
        </BodyLayer>
      )}
    </div>
  );
}

/**
 * Renders its children in a layer of their own at the end of <body> (preact/compat's
 * createPortal would bring React compatibility hooks along, several KB, for this one use).
 */
function BodyLayer({ children }: { children: ComponentChildren }) {
  const host = useMemo(() => document.createElement('div'), []);
  useLayoutEffect(() => {
    document.body.append(host);
    return () => {
      render(null, host);
      host.remove();
    };
  }, [host]);
  useLayoutEffect(() => render(children, host));
  return null;
}
