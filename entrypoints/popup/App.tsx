import { useMemo } from 'preact/hooks';
import { ArticleView } from '../../components/ArticleView.tsx';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { StatusView } from '../../components/StatusView.tsx';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import { t } from '../../utils/i18n.ts';
import type { FilterId } from '../../utils/cleaner/filters/index.ts';
import type { PopupModel } from './model.ts';

export function App({ model }: { model: PopupModel }) {
  const sanitize = useMemo(() => createArticleSanitizer(window), []);
  const lang = model.lang.value;
  const view = model.view.value;
  return (
    <div class={model.inTab ? 'app in-tab' : 'app'} lang={lang}>
      <div class="toolbar">
        <FilterPanel lang={lang} states={model.filterStates} onToggle={(id, on) => void model.actions.toggleFilter(id as FilterId, on)} />
        {!model.inTab && (
          <button type="button" class="open-tab" onClick={() => void model.actions.openInTab()}>
            {t(lang, 'openInTab')}
          </button>
        )}
      </div>
      <main>
        {view.kind === 'loading' && <StatusView state="loading" title={t(lang, 'loading')} />}
        {view.kind === 'restricted' && <StatusView state="restricted" title={t(lang, 'restrictedTitle')} body={t(lang, 'restrictedBody')} />}
        {view.kind === 'not-readerable' && (
          <StatusView state="not-readerable" title={t(lang, 'notReaderableTitle')} body={t(lang, 'notReaderableBody')}>
            <button type="button" onClick={model.actions.showAnyway}>
              {t(lang, 'showAnyway')}
            </button>
          </StatusView>
        )}
        {view.kind === 'too-large' && (
          <StatusView state="too-large" title={t(lang, 'tooLargeTitle')} body={t(lang, 'tooLargeBody', { count: view.elementCount })}>
            <button type="button" onClick={() => void model.actions.readAnyway()}>
              {t(lang, 'readAnyway')}
            </button>
          </StatusView>
        )}
        {view.kind === 'error' && (
          <StatusView state="error" title={t(lang, 'errorTitle')} body={view.message}>
            <button type="button" onClick={() => void model.actions.retry()}>
              {t(lang, 'retry')}
            </button>
          </StatusView>
        )}
        {view.kind === 'ready' && view.result.article && (
          <ArticleView article={view.result.article} url={view.result.url} removals={view.result.removals} lang={lang} sanitize={sanitize} />
        )}
      </main>
    </div>
  );
}
