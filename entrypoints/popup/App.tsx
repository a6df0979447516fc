import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ArticleTools } from '../../components/ArticleTools.tsx';
import { ArticleView } from '../../components/ArticleView.tsx';
import { PrintAppendix } from '../../components/PrintAppendix.tsx';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { LivePanel } from '../../components/LivePanel.tsx';
import { LoadingView } from '../../components/LoadingView.tsx';
import { StatusView } from '../../components/StatusView.tsx';
import { Toolbar } from '../../components/Toolbar.tsx';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import { NOUNS, countOf, t } from '../../utils/i18n.ts';
import type { FilterId } from '../../utils/cleaner/detect/filters/index.ts';
import type { PopupModel, ViewState } from './model.ts';
import type { LiveModel } from './live-model.ts';
import type { ReaderModel } from './reader-model.ts';
import type { ToolsModel } from './tools-model.ts';
import type { Lang } from '../../utils/cleaner/types.ts';
import type { ArticleSanitizer } from '../../utils/cleaner/sanitize.ts';

const PANEL_ID = 'filter-panel';

export function App({ model, live, reader, tools }: { model: PopupModel; live?: LiveModel; reader?: ReaderModel; tools?: ToolsModel }) {
  const sanitize = useMemo(() => createArticleSanitizer(window), []);
  const [panelOpen, setPanelOpen] = useState(false);
  const panelButton = useRef<HTMLButtonElement>(null);
  const lang = model.lang.value;
  const view = model.view.value;
  const title = view.kind === 'ready' ? view.result.article.title : '';

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title ? `${title} — Declutter` : 'Declutter';
  }, [lang, title]);

  return (
    <div class="app" data-layout={model.inTab ? 'tab' : 'popup'}>
      <Toolbar
        lang={lang}
        canOpenInTab={!model.inTab && view.kind === 'ready'}
        states={model.filterStates}
        panelId={PANEL_ID}
        panelOpen={panelOpen}
        panelButton={panelButton}
        onTogglePanel={() => setPanelOpen(!panelOpen)}
        onOpenInTab={() => void model.actions.openInTab()}
      >
        {tools && view.kind === 'ready' && (
          <ArticleTools tools={tools} lang={lang} articleKey={view.result.article.html} articleLang={view.result.article.lang} />
        )}
      </Toolbar>
      {panelOpen && (
        <FilterPanel
          id={PANEL_ID}
          lang={lang}
          states={model.filterStates}
          annotationsOn={model.annotationsOn}
          onToggle={(id, on) => void model.actions.toggleFilter(id as FilterId, on)}
          onToggleAnnotations={(on) => void model.actions.toggleAnnotations(on)}
          onClose={() => {
            setPanelOpen(false);
            panelButton.current?.focus();
          }}
        />
      )}
      {live && reader && <LivePanel lang={lang} live={live} reader={reader} />}
      <main class="content" data-view={view.kind}>
        <ViewBody view={view} lang={lang} model={model} sanitize={sanitize} />
      </main>
    </div>
  );
}

function ViewBody({ view, lang, model, sanitize }: { view: ViewState; lang: Lang; model: PopupModel; sanitize: ArticleSanitizer }) {
  const { actions } = model;
  switch (view.kind) {
    case 'loading':
      return <LoadingView label={t(lang, 'loading')} />;
    case 'restricted':
      if (view.reason === 'no-access') {
        return <StatusView state="restricted" icon="hand" title={t(lang, 'noAccessTitle')} body={t(lang, 'noAccessBody')} />;
      }
      return (
        <StatusView
          state="restricted"
          icon="lock"
          title={t(lang, 'restrictedTitle')}
          body={t(lang, view.reason === 'pdf' ? 'pdfBody' : 'restrictedBody')}
        />
      );
    case 'not-readerable':
      return (
        <StatusView state="not-readerable" icon="list" title={t(lang, 'notReaderableTitle')} body={t(lang, 'notReaderableBody')}>
          <button type="button" class="button primary" onClick={actions.showAnyway}>
            {t(lang, 'showAnyway')}
          </button>
        </StatusView>
      );
    case 'no-article':
      return <StatusView state="no-article" icon="document" title={t(lang, 'noArticleTitle')} body={t(lang, 'noArticleBody')} />;
    case 'too-large':
      return (
        <StatusView state="too-large" icon="layers" title={t(lang, 'tooLargeTitle')} body={t(lang, 'tooLargeBody', { count: countOf(lang, NOUNS.element, view.elementCount) })}>
          <button type="button" class="button primary" onClick={() => void actions.readAnyway()}>
            {t(lang, 'readAnyway')}
          </button>
        </StatusView>
      );
    case 'error':
      return (
        <StatusView state="error" icon="alert" title={t(lang, 'errorTitle')} body={view.message} detail={view.detail}>
          <button type="button" class="button" onClick={() => void actions.retry()}>
            {t(lang, 'retry')}
          </button>
        </StatusView>
      );
    case 'ready':
      return (
        <ArticleView article={view.result.article} url={view.result.url} removals={view.result.removals} annotations={view.result.annotations} lang={lang} sanitize={sanitize}>
          <PrintAppendix article={view.result.article} url={view.result.url} annotations={view.result.annotations} lang={lang} />
        </ArticleView>
      );
  }
}
