import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleTools } from '../../components/ArticleTools.tsx';
import { ArticleView } from '../../components/ArticleView.tsx';
import { PrintAppendix } from '../../components/PrintAppendix.tsx';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { LivePanel } from '../../components/LivePanel.tsx';
import { ReaderSettings } from '../../components/ReaderSettings.tsx';
import { SwitchNotice } from '../../components/SwitchNotice.tsx';
import { SHEET_IDS, Toolbar, type Sheet } from '../../components/Toolbar.tsx';
import { useReadingPosition } from '../../components/reading-position.ts';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import { t } from '../../utils/i18n.ts';
import type { FilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { PopupModel } from './model.ts';
import type { LiveModel } from './live-model.ts';
import type { ReaderModel } from './reader-model.ts';
import type { ToolsModel } from './tools-model.ts';
import { ViewBody } from './ViewBody.tsx';

/**
 * The popup and the reader tab: the toolbar on top, at most one sheet under it, and the
 * article. Nothing stands between the toolbar and the headline until the reader asks.
 */
export function App({ model, live, reader, tools }: { model: PopupModel; live?: LiveModel; reader?: ReaderModel; tools?: ToolsModel }) {
  const sanitize = useMemo(() => createArticleSanitizer(window), []);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const buttons = { filters: useRef<HTMLButtonElement>(null), page: useRef<HTMLButtonElement>(null), text: useRef<HTMLButtonElement>(null) };
  const lang = model.lang.value;
  const view = model.view.value;
  const title = view.kind === 'ready' ? view.result.article.title : '';
  const states = model.filterStates.value;
  const liveView = live?.view.value;
  // The reader tab holds its own copy: page controls there would act on another tab.
  const page = !model.inTab && liveView && liveView.kind !== 'none' ? liveView.kind : undefined;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title ? `${title} — Declutter` : 'Declutter';
  }, [lang, title]);
  useReadingPosition(model, model.inTab && view.kind === 'ready' ? view.result.article.html : null);

  const close = () => {
    const from = sheet;
    setSheet(null);
    if (from) buttons[from].current?.focus();
  };
  /** A switch closes the filters, so that what it changed shows in the article, not under the sheet. */
  const switched = () => setSheet(null);

  return (
    <div class="app" data-layout={model.inTab ? 'tab' : 'popup'}>
      <Toolbar
        lang={lang}
        open={sheet}
        onSheet={(next) => setSheet(sheet === next ? null : next)}
        buttons={buttons}
        filtersOn={states.filter((s) => s.on).length}
        filtersTotal={states.length}
        page={page}
        tools={
          tools && view.kind === 'ready' ? (
            <ArticleTools tools={tools} lang={lang} articleKey={view.result.article.html} articleLang={view.result.article.lang} />
          ) : null
        }
        onOpenInTab={!model.inTab && view.kind === 'ready' ? () => void model.actions.openInTab() : undefined}
        reread={model.inTab && view.kind !== 'loading' ? { busy: model.busy.value, onClick: () => void model.actions.reread() } : undefined}
      />
      {sheet === 'filters' && (
        <FilterPanel
          id={SHEET_IDS.filters}
          lang={lang}
          site={model.site.value}
          states={model.filterStates}
          removals={view.kind === 'ready' ? view.result.removals : []}
          annotationsOn={model.annotationsOn}
          onToggle={(filter, on, scope) => {
            switched();
            void model.actions.toggleFilter(filter.id as FilterId, on, scope);
          }}
          onToggleAnnotations={(on) => {
            switched();
            void model.actions.toggleAnnotations(on);
          }}
          onResetSite={() => {
            switched();
            void model.actions.resetSite();
          }}
          onClose={close}
        />
      )}
      {sheet === 'page' && live && <LivePanel id={SHEET_IDS.page} lang={lang} live={live} onClose={close} />}
      {sheet === 'text' && reader && (
        <ReaderSettings id={SHEET_IDS.text} lang={lang} prefs={reader.prefs} onChange={(patch) => void reader.actions.change(patch)} onClose={close}>
          {live && (
            <button type="button" class="link-button" onClick={() => void live.actions.openOptions()}>
              {t(lang, 'allSettings')}
            </button>
          )}
        </ReaderSettings>
      )}
      {model.notice.value && (
        <p class="tab-notice" role="status">
          {t(lang, model.notice.value === 'reread' ? 'rereadDone' : model.notice.value)}
        </p>
      )}
      <main class="content" data-view={view.kind}>
        {view.kind === 'ready' ? (
          <ArticleView
            article={view.result.article}
            url={view.result.url}
            removals={view.result.removals}
            annotations={view.result.annotations}
            lang={lang}
            sanitize={sanitize}
            restored={model.change.value?.restored}
          >
            {model.inTab && (
              <p class="held-note" lang={lang}>
                {t(lang, 'heldNote')}
              </p>
            )}
            <PrintAppendix article={view.result.article} url={view.result.url} annotations={view.result.annotations} lang={lang} />
          </ArticleView>
        ) : (
          <ViewBody view={view} lang={lang} actions={model.actions} />
        )}
      </main>
      <SwitchNotice lang={lang} change={model.change.value} onClose={model.actions.dismissChange} />
    </div>
  );
}
