/** One switch: a native checkbox with the switch role, so keyboard and screen readers get it for free. */
export function FilterToggle(props: { id: string; label: string; description: string; on: boolean; onChange: (on: boolean) => void }) {
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
      </label>
      <p id={`${inputId}-desc`} class="filter-description">
        {props.description}
      </p>
    </div>
  );
}
