import type { ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { ClutterFilter, Lang, Removal } from '../utils/cleaner/types.ts';
import { countOf, t } from '../utils/i18n.ts';
import { FilterToggle } from './FilterToggle.tsx';
import { Choice } from './ReaderSettings.tsx';
import { readerRemovals } from './RemovalSummary.tsx';
import { closeOnEscape } from './sheet.ts';
import { summaryWords } from '../utils/cleaner/annotate/describe.ts';
import type { SwitchScope } from '../entrypoints/popup/model.ts';

/** «Данные реестра на 16.07.2026.»: the lists change every few weeks, so the switch says how fresh its data is. */
const registryDate = (lang: Lang): string => {
  const asOf = summaryWords(lang).asOf;
  return `${asOf.charAt(0).toUpperCase()}${asOf.slice(1)}.`;
};

export interface FilterState {
  readonly filter: ClutterFilter;
  readonly on: boolean;
  /** The site's own value, or null when the site follows the default. */
  readonly site: boolean | null;
  readonly fallback: boolean;
}

/** What the filter did on this page, in the article's reach (not the site's chrome, which no reader shows). */
function countLine(lang: Lang, state: FilterState, removals: readonly Removal[]): string {
  if (!state.on) return t(lang, 'filterOffHere');
  const own = removals.filter((r) => r.filter === state.filter.id);
  const near = readerRemovals(own).length;
  if (near) return t(lang, 'filterCount', { count: countOf(lang, state.filter.noun, near) });
  return own.length ? t(lang, 'filterChromeOnly') : t(lang, 'filterNothing');
}

/**
 * The one place for what Declutter removes: each filter with what it removed on this page,
 * switched everywhere or on this site only (a rule of the site's own, reset in one click),
 * plus the annotations switch. A change closes the sheet (App), so that what came back is
 * seen in the article, not under the sheet.
 */
export function FilterPanel(props: {
  id: string;
  lang: Lang;
  site: string;
  states: ReadonlySignal<readonly FilterState[]>;
  removals: readonly Removal[];
  annotationsOn: ReadonlySignal<boolean>;
  onToggle: (filter: ClutterFilter, on: boolean, scope: SwitchScope) => void;
  onToggleAnnotations: (on: boolean) => void;
  onResetSite: () => void;
  onClose?: () => void;
}) {
  const { lang, site } = props;
  const states = props.states.value;
  const own = states.some((s) => s.site !== null);
  const [scope, setScope] = useState<SwitchScope>(own ? 'site' : 'everywhere');
  return (
    <section id={props.id} class="filter-panel sheet" aria-labelledby={`${props.id}-title`} onKeyDown={closeOnEscape(props.onClose)}>
      <h2 id={`${props.id}-title`} class="panel-title">
        {t(lang, 'filtersTitle')}
      </h2>
      {site && (
        <Choice<SwitchScope>
          name={`${props.id}-scope`}
          class="filter-scope"
          legend={t(lang, 'filterScope')}
          options={[
            { value: 'everywhere', label: t(lang, 'scopeEverywhere') },
            { value: 'site', label: t(lang, 'scopeSite', { site }) },
          ]}
          value={scope}
          onChange={setScope}
        />
      )}
      <p class="panel-hint">{scope === 'site' ? t(lang, 'filtersHintSite', { site }) : t(lang, 'filtersHint')}</p>
      <div class="filter-list">
        {states.map((state) => (
          <FilterToggle
            key={state.filter.id}
            id={state.filter.id}
            label={state.filter.label[lang]}
            count={countLine(lang, state, props.removals)}
            mark={state.site !== null && state.site !== state.fallback ? t(lang, 'siteOwn') : undefined}
            description={state.filter.description[lang]}
            on={state.on}
            onChange={(on) => props.onToggle(state.filter, on, scope)}
          />
        ))}
        <FilterToggle
          id="annotations"
          label={t(lang, 'annotations')}
          description={`${t(lang, 'annotationsDescription')} ${registryDate(lang)}`}
          on={props.annotationsOn.value}
          onChange={props.onToggleAnnotations}
        />
      </div>
      {own && (
        <button type="button" class="button site-reset" onClick={props.onResetSite}>
          {t(lang, 'siteReset')}
        </button>
      )}
    </section>
  );
}
