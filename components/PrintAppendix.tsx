import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Article, Lang } from '../utils/cleaner/types.ts';
import { numberFootnotes, type Footnote } from '../utils/export/footnotes.ts';
import { articleMeta } from '../utils/export/meta.ts';
import { t } from '../utils/i18n.ts';
import { formatLongDate } from '../utils/locale-format.ts';

/**
 * What only paper shows, at the end of the article: the annotation notes as numbered
 * footnotes (each mark in the article gets its number, shown by the print stylesheet), the
 * full source address, the published date and the day it was read. Hidden on screen, where
 * the notes open from their marks and the source is a link.
 */
export function PrintAppendix({ article, url, annotations, lang }: { article: Article; url: string; annotations: readonly Annotation[]; lang: Lang }) {
  const own = useRef<HTMLDivElement>(null);
  const [notes, setNotes] = useState<Footnote[]>([]);
  const meta = articleMeta(article, url, lang);

  // The marks are in the rendered article (title and body alike), in the order they are read.
  useEffect(() => {
    const root = own.current?.closest('.article');
    if (!root) return;
    const { footnotes, numberOf } = numberFootnotes(annotations, lang, { roots: [root], titleFirst: false });
    const marks = [...root.querySelectorAll<HTMLElement>('[data-annotation]')];
    for (const mark of marks) {
      const n = numberOf.get(mark.dataset.annotation ?? '');
      if (n) mark.dataset.note = String(n);
    }
    setNotes(footnotes);
    return () => marks.forEach((mark) => delete mark.dataset.note);
  }, [annotations, lang, article.html]);

  return (
    <div ref={own} class="print-appendix" lang={lang}>
      {notes.length > 0 && (
        <section class="print-notes" aria-label={t(lang, 'exportNotes')}>
          <h2>{t(lang, 'exportNotes')}</h2>
          <ol>
            {notes.map((note) => (
              <li key={note.id} value={note.number}>
                {note.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      <p class="print-source">
        {meta.source && (
          <>
            {t(lang, 'exportSource')}: <span class="print-url">{meta.source}</span>
            <br />
          </>
        )}
        {meta.dateText && (
          <>
            {t(lang, 'exportPublished')}: {meta.dateText}
            <br />
          </>
        )}
        {t(lang, 'printRead', { date: formatLongDate(lang, new Date()) })}
      </p>
    </div>
  );
}
