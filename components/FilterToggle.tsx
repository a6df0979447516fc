/**
 * One switch: a native checkbox with the switch role, so keyboard and screen readers get it
 * for free. What it did on this page (`count`) and a site's own rule (`mark`) are part of
 * its description, so a screen reader hears them with the switch.
 */
export function FilterToggle(props: { id: string; label: string; description: string; count?: string; mark?: string; on: boolean; onChange: (on: boolean) => void }) {
  const inputId = `filter-${props.id}`;
  return (
    <div class="filter-toggle">
      <input
        id={inputId}
        class="switch"
        type="checkbox"
        role="switch"
        checked={props.on}
        data-filter={props.id}
        aria-describedby={`${inputId}-desc`}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={inputId} class="filter-label">
        {props.label}
        {props.mark && <span class="differs-mark">{props.mark}</span>}
      </label>
      <p id={`${inputId}-desc`} class="filter-description">
        {props.count && (
          <span class="filter-count" data-count-for={props.id}>
            {props.count}.{' '}
          </span>
        )}
        {props.description}
      </p>
    </div>
  );
}
