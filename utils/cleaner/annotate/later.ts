/**
 * Pass two: unmarked mentions. Names the registry knows to be unambiguous (`names`, and
 * `quoted` ones inside quotation marks), but only on a page published on or after the
 * organisation's designation and never on a page without a date (page-facts.ts decides);
 * then later mentions of what the page has established: organisations it marks or its notes
 * name, and names only the page marks. Linear: page-only names are found by their first word
 * in one walk over the line, not one search of the line per name.
 */
import { isLatin } from './patterns.ts';
import type { StoredOrganization } from './registry.ts';
import { registryCandidates } from './candidates.ts';
import { Coverage, type Range } from './coverage.ts';
import type { FoundMention, PageName } from './marked.ts';
import { isWordChar } from './tail.ts';
import { Budget, step } from './work.ts';

/** What the whole page has established before the second pass. */
export interface Established {
  /** Organisations the page marks, or names by an unambiguous name. */
  readonly orgs: ReadonlySet<string>;
  /** Wordings of names only the page marks, to link their later mentions; the organisation when the page ties the name to one (a product of Meta's). */
  readonly pageNames: ReadonlyMap<string, { readonly name: PageName; readonly org: StoredOrganization | null }>;
}

/** Whether the registry may name an organisation on this page without the page's mark. */
export type RegistryMayName = (org: StoredOrganization) => boolean;

/**
 * Names unambiguous by themselves. A designation that is suspended or lifted is never
 * annotated from the registry alone: only the page's own mark can say it still matters.
 */
export function findStandaloneMentions(text: string, taken: readonly Range[], mayName: RegistryMayName, budget: Budget = new Budget()): FoundMention[] {
  const out: FoundMention[] = [];
  const used = new Coverage(text.length, taken);
  for (const c of registryCandidates(text)) {
    step();
    if (c.org.status.state !== 'listed') continue;
    if (!(c.kind === 'names' || (c.kind === 'quoted' && c.quoted))) continue;
    if (!mayName(c.org) || used.overlaps(c)) continue;
    if (!budget.take()) break;
    out.push({ start: c.start, end: c.end, org: c.org, pageName: null, evidence: 'registry', mark: null, key: null, meaning: null, note: null });
    used.take(c);
  }
  return out;
}

/** Page-only names by their first word, so one walk over a line finds them all. */
export class PageNameIndex {
  private readonly byFirstWord = new Map<string, string[]>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const first = /^[^\s]+/u.exec(name)?.[0] ?? name;
      const list = this.byFirstWord.get(first);
      if (list) list.push(name);
      else this.byFirstWord.set(first, [name]);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.byFirstWord.size;
  }

  /** Every occurrence of a name in `text` at word boundaries, longest name first at each place. */
  *occurrences(text: string): Generator<Range & { readonly text: string }> {
    const word = /[^\s«»„“”"'‹›()]+/gu;
    for (let m = word.exec(text); m; m = word.exec(text)) {
      step();
      // «Данное сообщение»* is known by «Данное»; a word may carry punctuation after it.
      const bare = m[0].replace(/[.,;:!?…*✴✱]+$/u, '');
      const names = this.byFirstWord.get(bare) ?? this.byFirstWord.get(m[0]);
      if (!names) continue;
      for (const name of names) {
        step(name.length);
        if (!text.startsWith(name, m.index)) continue;
        const range = { start: m.index, end: m.index + name.length, text: name };
        if (isWordChar(text[range.start - 1]) || isWordChar(text[range.end])) continue;
        yield range;
        break;
      }
    }
  }
}

/**
 * Later unmarked mentions of what the page has established. Ordinary words need quotation
 * marks (or Latin script) even then: «Азов» after «Азов»* is the battalion, the bare word may
 * be the city.
 */
export function findLinkedMentions(text: string, taken: readonly Range[], established: Established, names: PageNameIndex, budget: Budget = new Budget()): FoundMention[] {
  const out: FoundMention[] = [];
  const used = new Coverage(text.length, taken);
  for (const c of registryCandidates(text)) {
    step();
    if (!established.orgs.has(c.org.id)) continue;
    const ok =
      c.kind === 'names' ||
      c.kind === 'quoted' ||
      c.kind === 'abbr' ||
      (c.kind === 'marked' && (c.quoted || isLatin(text.slice(c.start, c.end))));
    if (!ok || used.overlaps(c)) continue;
    if (!budget.take()) break;
    out.push({ start: c.start, end: c.end, org: c.org, pageName: null, evidence: 'linked', mark: null, key: null, meaning: null, note: null });
    used.take(c);
  }
  if (names.size && !budget.spent) {
    for (const range of names.occurrences(text)) {
      if (used.overlaps(range)) continue;
      if (!budget.take()) break;
      const known = established.pageNames.get(range.text)!;
      out.push({ start: range.start, end: range.end, org: known.org, pageName: known.org ? null : known.name, evidence: 'linked', mark: null, key: null, meaning: null, note: null });
      used.take(range);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
