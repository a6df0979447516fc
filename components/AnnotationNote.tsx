import type { Annotation, Lang } from '../utils/cleaner/types.ts';
import { describeAnnotation } from '../utils/cleaner/annotate/describe.ts';

/**
 * One annotation's note, as text: what the organisation is and in which list, why the page
 * marked it, the page's own footnote, and Declutter's registry entry with its sources. The
 * compact form (the popover) leaves out the registry's detail and the links.
 */
export function AnnotationNote(props: { annotation: Annotation; lang: Lang; compact?: boolean; mention?: number; showAsOf?: boolean }) {
  const { annotation, lang, compact = false, showAsOf = true } = props;
  const note = describeAnnotation(annotation, lang, props.mention);
  const pageNotes = compact ? note.pageNotes.slice(0, 2) : note.pageNotes;
  return (
    <div class="annotation-note" data-kind={annotation.kind}>
      <p class="annotation-note-heading">{note.heading}</p>
      <p class="annotation-note-status">{note.status}</p>
      <p class="annotation-note-why">{note.why}</p>
      {pageNotes.length > 0 && (
        <div class="annotation-note-page">
          <p class="annotation-note-label">{note.pageNotesHeading}</p>
          {pageNotes.map((text, i) => (
            <blockquote key={i} lang="ru">
              {text}
            </blockquote>
          ))}
        </div>
      )}
      {note.registry.length > 0 && (
        <div class="annotation-note-registry">
          <p class="annotation-note-label">{note.registryHeading}</p>
          {/* Compact: the designations only; the official name with all its variants is for the full card. */}
          {(compact ? note.registry.slice(1, 3) : note.registry).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
          {!compact && note.sources.length > 0 && (
            <p class="annotation-note-sources">
              {note.sources.map((source, i) => (
                <>
                  {i > 0 && ' · '}
                  <a key={source.url} href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.label}
                  </a>
                </>
              ))}
            </p>
          )}
        </div>
      )}
      {showAsOf && note.asOf && <p class="annotation-note-asof">{note.asOf}</p>}
    </div>
  );
}
