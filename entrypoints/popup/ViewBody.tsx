import { LoadingView } from '../../components/LoadingView.tsx';
import { StatusView } from '../../components/StatusView.tsx';
import { NOUNS, countOf, t } from '../../utils/i18n.ts';
import type { Lang } from '../../utils/cleaner/types.ts';
import type { PopupModel, ViewState } from './model.ts';

/** Every state of the view but the article: what happened, why, and what the reader can do. */
export function ViewBody({ view, lang, actions }: { view: Exclude<ViewState, { kind: 'ready' }>; lang: Lang; actions: PopupModel['actions'] }) {
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
  }
}
