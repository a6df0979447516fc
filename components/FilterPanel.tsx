import type { ReadonlySignal } from '@preact/signals';
import type { ClutterFilter, Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import { FilterSwitches } from './FilterSwitches.tsx';
import { FilterToggle } from './FilterToggle.tsx';
import { summaryWords } from '../utils/cleaner/annotate/describe.ts';

/** «Данные реестра на 16.07.2026.»: the lists change every few weeks, so the switch says how fresh its data is. */
const registryDate = (lang: Lang): string => {
  const asOf = summaryWords(lang).asOf;
  return `${asOf.charAt(0).toUpperCase()}${asOf.slice(1)}.`;
};

/** Every clutter filter as a switch, plus the annotations switch, in one settings sheet. */
export function FilterPanel(props: {
  id: string;
  lang: Lang;
  states: ReadonlySignal<{ filter: ClutterFilter; on: boolean }[]>;
  annotationsOn: ReadonlySignal<boolean>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAnnotations: (on: boolean) => void;
  /** Escape closes the panel, as it closes any sheet. */
  onClose?: () => void;
}) {
  const { lang } = props;
  return (
    <section
      id={props.id}
      class="filter-panel"
      aria-labelledby={`${props.id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && props.onClose) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <h2 id={`${props.id}-title`} class="panel-title">
        {t(lang, 'filtersTitle')}
      </h2>
      <p class="panel-hint">{t(lang, 'filtersHint')}</p>
      <div class="filter-list">
        <FilterSwitches lang={lang} states={props.states.value} onToggle={(filter, on) => props.onToggle(filter.id, on)} />
        <FilterToggle
          id="annotations"
          label={t(lang, 'annotations')}
          description={`${t(lang, 'annotationsDescription')} ${registryDate(lang)}`}
          on={props.annotationsOn.value}
          onChange={props.onToggleAnnotations}
        />
      </div>
    </section>
  );
}
