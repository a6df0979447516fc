/**
 * The article's outline while the page is read: the popup keeps its size and place, so
 * nothing jumps when the text arrives. Screen readers hear the label, not the bars.
 */
export function LoadingView({ label }: { label: string }) {
  return (
    <section class="loading" data-state="loading" role="status" aria-live="polite">
      <p class="loading-label">{label}</p>
      <div class="skeleton" aria-hidden="true">
        <span class="bone bone-kicker" />
        <span class="bone bone-title" />
        <span class="bone bone-title bone-short" />
        <span class="bone bone-meta" />
        <span class="bone bone-line" />
        <span class="bone bone-line" />
        <span class="bone bone-line" />
        <span class="bone bone-line bone-short" />
      </div>
    </section>
  );
}
