export function FilterToggle(props: { id: string; label: string; description: string; on: boolean; onChange: (on: boolean) => void }) {
  const inputId = `filter-${props.id}`;
  return (
    <div class="filter-toggle">
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        checked={props.on}
        data-filter={props.id}
        aria-describedby={`${inputId}-desc`}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={inputId}>{props.label}</label>
      <p id={`${inputId}-desc`} class="filter-description">
        {props.description}
      </p>
    </div>
  );
}
