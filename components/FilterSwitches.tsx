import type { ClutterFilter, Lang } from '../utils/cleaner/types.ts';
import { FilterToggle } from './FilterToggle.tsx';

/** A switch for each clutter filter, named and described in the reader's language: the popup's sheet and the options page list them alike. */
export function FilterSwitches(props: {
  lang: Lang;
  states: readonly { filter: ClutterFilter; on: boolean }[];
  onToggle: (filter: ClutterFilter, on: boolean) => void;
}) {
  return (
    <>
      {props.states.map(({ filter, on }) => (
        <FilterToggle
          key={filter.id}
          id={filter.id}
          label={filter.label[props.lang]}
          description={filter.description[props.lang]}
          on={on}
          onChange={(next) => props.onToggle(filter, next)}
        />
      ))}
    </>
  );
}
