import type { Lang, Removal } from '../utils/cleaner/types.ts';
import { FILTERS } from '../utils/cleaner/filters/index.ts';
import { countOf, t } from '../utils/i18n.ts';

/** "Removed: 1 cookie notice, 2 promo links, 1 sidebar (20 links)", expandable to every item's text. */
export function summarizeRemovals(lang: Lang, removals: readonly Removal[]): string {
  if (!removals.length) return t(lang, 'removedNothing');
  const parts: string[] = [];
  for (const filter of FILTERS) {
    const own = removals.filter((r) => r.filter === filter.id);
    if (!own.length) continue;
    const links = own.reduce((sum, r) => sum + r.links, 0);
    const count = countOf(lang, filter.noun, own.length);
    parts.push(links > own.length ? `${count} (${t(lang, 'links', { count: links })})` : count);
  }
  return t(lang, 'removed', { items: parts.join(', ') });
}

export function RemovalSummary({ lang, removals }: { lang: Lang; removals: readonly Removal[] }) {
  const summary = summarizeRemovals(lang, removals);
  if (!removals.length) return <p class="removals removals-empty">{summary}</p>;
  return (
    <details class="removals">
      <summary>{summary}</summary>
      <ol>
        {removals.map((r, i) => (
          <li key={i} data-filter={r.filter}>
            <span class="removal-filter">{FILTERS.find((f) => f.id === r.filter)?.label[lang] ?? r.filter}</span>
            <span class="removal-text">{r.text || '—'}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
