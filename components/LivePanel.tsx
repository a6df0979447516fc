import type { Lang } from '../utils/cleaner/types.ts';
import { countOf, NOUNS, t } from '../utils/i18n.ts';
import type { LiveModel, LiveView } from '../entrypoints/popup/live-model.ts';
import { FilterToggle } from './FilterToggle.tsx';
import { closeOnEscape } from './sheet.ts';

function statusText(view: LiveView, lang: Lang): string {
  switch (view.kind) {
    case 'on':
      return view.hidden ? t(lang, 'liveHidden', { count: countOf(lang, NOUNS.element, view.hidden) }) : t(lang, 'liveNothing');
    case 'off':
      return t(lang, 'liveOff');
    case 'unavailable':
      return t(lang, 'liveUnavailable');
    case 'none':
      return '';
  }
}

/**
 * The page in the tab, as a sheet under the toolbar's "Page" button: how much is hidden on
 * it, one button to clean it or show it whole again, and the site's "clean automatically"
 * switch. Only in the popup, whose tab is the one the reader is looking at: the reader tab
 * holds its own copy and has no page controls.
 */
export function LivePanel(props: { id: string; lang: Lang; live: LiveModel; onClose: () => void }) {
  const { lang, live } = props;
  const view = live.view.value;
  const site = live.site.value;
  const busy = live.busy.value;
  return (
    <section id={props.id} class="live-panel sheet" aria-labelledby={`${props.id}-title`} data-live={view.kind} onKeyDown={closeOnEscape(props.onClose)}>
      <h2 id={`${props.id}-title`} class="panel-title">
        {t(lang, 'liveTitle')}
      </h2>
      <div class="live-row">
        {/* A polite live region, not role=status: the popup's loading state is its one status. */}
        <p class="live-status" aria-live="polite">
          {view.kind !== 'none' && <span class="live-dot" data-live={view.kind} aria-hidden="true" />}
          {statusText(view, lang)}
        </p>
        {view.kind === 'on' && (
          <button type="button" class="button live-action" onClick={() => void live.actions.showAll()}>
            {t(lang, 'showAll')}
          </button>
        )}
        {view.kind === 'off' && (
          <button type="button" class="button primary live-action" disabled={busy} onClick={() => void live.actions.cleanPage()}>
            {t(lang, 'cleanPage')}
          </button>
        )}
      </div>
      {view.kind !== 'none' && (
        <div class="live-site">
          <FilterToggle
            id="live-auto"
            label={t(lang, 'autoSite')}
            description={t(lang, 'autoSiteDescription', { site })}
            on={live.optedIn.value}
            onChange={(on) => void live.actions.toggleSite(on)}
          />
          {live.denied.value && (
            <p class="live-note" role="alert">
              {t(lang, 'autoSiteDenied', { site: live.denied.value })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
