import type { Lang, Removal } from '../utils/cleaner/types.ts';
import { FILTERS } from '../utils/cleaner/detect/filters/index.ts';
import { NOUNS, countOf, t } from '../utils/i18n.ts';

/**
 * What a reader would otherwise have seen: removals in or beside the article. Page chrome
 * far from it (the site's header, menus and footer) is left out of the count, because no
 * reader mode shows it either; the core says which is which (`Removal.region`).
 */
export function readerRemovals(removals: readonly Removal[]): Removal[] {
  return removals.filter((r) => r.region !== 'page');
}

/**
 * "Removed: 1 cookie notice, 2 promo links, 1 sidebar (20 links)". The link count is
 * added only where a removal held more links than items, because that is when it tells
 * the reader something (a sidebar of twenty headlines, not one promo link).
 */
export function summarizeRemovals(lang: Lang, removals: readonly Removal[]): string {
  if (!removals.length) return t(lang, 'removedNothing');
  const parts: string[] = [];
  for (const filter of FILTERS) {
    const own = removals.filter((r) => r.filter === filter.id);
    if (!own.length) continue;
    const links = own.reduce((sum, r) => sum + r.links, 0);
    const count = countOf(lang, filter.noun, own.length);
    parts.push(links > own.length ? `${count} (${countOf(lang, NOUNS.link, links)})` : count);
  }
  return t(lang, 'removed', { items: parts.join(', ') });
}

function labelOf(lang: Lang, filterId: string): string {
  return FILTERS.find((f) => f.id === filterId)?.label[lang] ?? filterId;
}

/** The summary line under the title, expandable to the text of every removed item. */
export function RemovalSummary({ lang, removals: all }: { lang: Lang; removals: readonly Removal[] }) {
  const removals = readerRemovals(all);
  const summary = summarizeRemovals(lang, removals);
  if (!removals.length) return <p class="removals removals-empty">{summary}</p>;
  return (
    <details class="removals">
      <summary>
        <span class="removals-line">{summary}</span>
      </summary>
      <ol class="removal-list">
        {removals.map((r, i) => (
          <li key={i} data-filter={r.filter}>
            <span class="removal-filter">{labelOf(lang, r.filter)}</span>
            <span class="removal-text">{r.text || '—'}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
