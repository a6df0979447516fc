import type { Annotation } from '../utils/cleaner/types.ts';
import { NOTE_ID_PREFIX } from '../utils/cleaner/annotate/banned-orgs.ts';

/**
 * The article title with its annotated mentions marked. The title is a string, so the core
 * gives offsets (`titleSpans`) instead of markup; the marks behave like the ones in the body.
 */
export function AnnotationTitle({ title, annotations }: { title: string; annotations: readonly Annotation[] }) {
  const spans = annotations
    .flatMap((a) => a.titleSpans.map((span) => ({ ...span, a })))
    .filter((s) => s.start >= 0 && s.end <= title.length && s.start < s.end)
    .sort((x, y) => x.start - y.start);
  if (!spans.length) return <>{title}</>;
  const parts = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) continue;
    if (s.start > cursor) parts.push(title.slice(cursor, s.start));
    parts.push(
      <span
        key={s.start}
        class="declutter-annotation"
        data-annotation={s.a.id}
        data-annotation-kind={s.a.kind}
        tabIndex={0}
        aria-describedby={`${NOTE_ID_PREFIX}${s.a.id}`}
      >
        {title.slice(s.start, s.end)}
      </span>,
    );
    cursor = s.end;
  }
  parts.push(title.slice(cursor));
  return <>{parts}</>;
}
