import { useRef, useState } from 'preact/hooks';
import type { FilterId } from '../utils/cleaner/detect/filters/index.ts';
import type { Lang } from '../utils/cleaner/types.ts';
import { countOf, NOUNS, t } from '../utils/i18n.ts';
import type { LiveModel, LiveView } from '../entrypoints/popup/live-model.ts';
import type { ReaderModel } from '../entrypoints/popup/reader-model.ts';
import { FilterToggle } from './FilterToggle.tsx';
import { Choice, ReaderSettings } from './ReaderSettings.tsx';

const SETTINGS_ID = 'reader-settings';

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
 * The page in the tab, under the popup's toolbar: how much is hidden on it, one button to
 * clean it or show it whole again, the site's "clean automatically" switch, the site's own
 * filter rules, and the text settings sheet.
 */
export function LivePanel(props: { lang: Lang; live: LiveModel; reader: ReaderModel }) {
  const { lang, live, reader } = props;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const view = live.view.value;
  const site = live.site.value;
  const busy = live.busy.value;
  const onPage = view.kind !== 'none';
  return (
    <>
      <section class="live-panel" aria-label={t(lang, 'liveTitle')} data-live={view.kind}>
        <div class="live-row">
          {/* A polite live region, not role=status: the popup's loading state is its one status. */}
          <p class="live-status" aria-live="polite">
            {onPage && <span class="live-dot" aria-hidden="true" />}
            {statusText(view, lang)}
          </p>
          <div class="live-actions">
            {view.kind === 'on' && (
              <button type="button" class="tool live-action" onClick={() => void live.actions.showAll()}>
                {t(lang, 'showAll')}
              </button>
            )}
            {view.kind === 'off' && (
              <button type="button" class="tool live-action" disabled={busy} onClick={() => void live.actions.cleanPage()}>
                {t(lang, 'cleanPage')}
              </button>
            )}
            <button
              ref={settingsButton}
              type="button"
              class="tool text-settings-button"
              aria-expanded={settingsOpen}
              aria-controls={SETTINGS_ID}
              onClick={() => setSettingsOpen(!settingsOpen)}
            >
              <span class="aa" aria-hidden="true">
                Aa
              </span>
              <span>{t(lang, 'textSettings')}</span>
            </button>
          </div>
        </div>
        {onPage && (
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
            <SiteRules lang={lang} live={live} />
          </div>
        )}
      </section>
      {settingsOpen && (
        <ReaderSettings
          id={SETTINGS_ID}
          lang={lang}
          prefs={reader.prefs}
          onChange={(patch) => void reader.actions.change(patch)}
          onClose={() => {
            setSettingsOpen(false);
            settingsButton.current?.focus();
          }}
        >
          <button type="button" class="link-button" onClick={() => void live.actions.openOptions()}>
            {t(lang, 'allSettings')}
          </button>
        </ReaderSettings>
      )}
    </>
  );
}

/** The site's own filter rules: each filter as elsewhere, on or off here; what differs is marked, and one button resets the site. */
function SiteRules({ lang, live }: { lang: Lang; live: LiveModel }) {
  const site = live.site.value;
  const differing = live.differing.value;
  const hasRules = live.siteRules.value.some((rule) => rule.site !== null);
  const onOff = (on: boolean) => (on ? t(lang, 'siteOn') : t(lang, 'siteOff')).toLowerCase();
  return (
    <details class="site-rules">
      <summary>
        <span>{t(lang, 'siteFilters', { site })}</span>
        {differing > 0 && <span class="differs-count">{t(lang, 'siteDiffers', { count: differing })}</span>}
      </summary>
      <p class="panel-hint">{t(lang, 'siteFiltersHint')}</p>
      {live.siteRules.value.map((rule) => {
        const differs = rule.site !== null && rule.site !== rule.fallback;
        return (
          <Choice<boolean | null>
            key={rule.filter.id}
            name={`site-rule-${rule.filter.id}`}
            class={differs ? 'site-rule differs' : 'site-rule'}
            legend={
              <>
                {rule.filter.label[lang]}
                {differs && <span class="differs-mark">{t(lang, 'siteDiffersOne')}</span>}
              </>
            }
            options={[
              { value: null, label: `${t(lang, 'siteDefault')} (${onOff(rule.fallback)})` },
              { value: true, label: t(lang, 'siteOn') },
              { value: false, label: t(lang, 'siteOff') },
            ]}
            value={rule.site}
            onChange={(value) => void live.actions.setSiteRule(rule.filter.id as FilterId, value)}
          />
        );
      })}
      {hasRules && (
        <button type="button" class="button site-reset" onClick={() => void live.actions.resetSite()}>
          {t(lang, 'siteReset')}
        </button>
      )}
    </details>
  );
}
