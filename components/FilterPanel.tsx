import type { ReadonlySignal } from '@preact/signals';
import type { ClutterFilter, Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import { FilterToggle } from './FilterToggle.tsx';

export function FilterPanel(props: {
  lang: Lang;
  states: ReadonlySignal<{ filter: ClutterFilter; on: boolean }[]>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const { lang } = props;
  return (
    <details class="filter-panel">
      <summary>{t(lang, 'filters')}</summary>
      <p class="hint">{t(lang, 'filtersHint')}</p>
      {props.states.value.map(({ filter, on }) => (
        <FilterToggle
          key={filter.id}
          id={filter.id}
          label={filter.label[lang]}
          description={filter.description[lang]}
          on={on}
          onChange={(next) => props.onToggle(filter.id, next)}
        />
      ))}
    </details>
  );
}
