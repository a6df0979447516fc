/**
 * What the page says about itself, and what that allows. Status is judged at publication: an
 * unmarked name is annotated from the registry only when the page's date is on or after the
 * organisation's designation, never on a page without a date (a page's mark is always
 * evidence, whatever its date). A site never names itself as a banned organisation: names in
 * its site name, byline and title suffix («… — Meduza») are not annotated from the registry.
 */
import type { OrgCategory } from '../types.ts';
import type { ListedCategory, StoredOrganization } from './registry.ts';
import { registryCandidates } from './candidates.ts';
import type { Range } from './coverage.ts';

/** The page's own facts as the pipeline reads them (Readability's metadata). */
export interface PageFacts {
  readonly publishedTime?: string | null;
  readonly siteName?: string | null;
  readonly byline?: string | null;
  /** The document's <title>, which carries the site's name after the headline more often than the headline does. */
  readonly pageTitle?: string | null;
}

/** The page's publication date, YYYY-MM-DD, or null. */
export function pageDate(facts: PageFacts | undefined): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(facts?.publishedTime ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A title's site suffix: «Заголовок — Meduza», «Заголовок | Лента.ру»: the part after the last separator, when short. */
export function titleSuffix(title: string): Range | null {
  const m = /\s[—–|:-]\s([^—–|]{2,40})$/u.exec(title);
  return m ? { start: title.length - m[1]!.length, end: title.length } : null;
}

/** The organisations the site names itself by. */
export function ownOrganizations(facts: PageFacts | undefined, title: string): Set<string> {
  const own = new Set<string>();
  const suffixes = [title, facts?.pageTitle ?? ''].map((t) => {
    const suffix = titleSuffix(t);
    return suffix ? t.slice(suffix.start, suffix.end) : null;
  });
  for (const text of [facts?.siteName, facts?.byline, ...suffixes]) {
    if (text) for (const c of registryCandidates(text)) own.add(c.org.id);
  }
  return own;
}

/** A designation counts on a page dated on or after it («2023-11» counts from the month's end). */
function designatedBy(date: string, designation: string): boolean {
  return designation.length === 10 ? designation <= date : `${designation}-31` <= date;
}

/** The designations in force on `date` (all of them when the page has no date). */
export function designationsAsOf(org: StoredOrganization, date: string | null): ListedCategory[] {
  return org.designations.filter((d) => date === null || designatedBy(date, d.date)).map((d) => d.category);
}

/** The registry's state for the organisation on the page's date: a ban suspended after the page was written was in force then. */
export function statusAsOf(org: StoredOrganization, date: string | null): 'listed' | 'suspended' | 'lifted' {
  const { state, date: since } = org.status;
  if (state === 'listed' || !since) return state;
  return date === null || date >= since ? state : 'listed';
}

/** Most specific first; a foreign-agent listing counts only when there is no ban. */
const ORDER: readonly ListedCategory[] = ['terrorist', 'extremist', 'undesirable', 'foreign-agent'];

/** The organisation's category on the page's date, or null when it was not designated yet. */
export function categoryAsOf(org: StoredOrganization, date: string | null): OrgCategory | null {
  const held = designationsAsOf(org, date);
  if (!held.length) return null;
  if (date === null && held.includes(org.category)) return org.category;
  return ORDER.find((c) => held.includes(c)) ?? null;
}

/** Whether the registry alone may name `org` on this page. */
export function registryMayName(org: StoredOrganization, date: string | null, own: ReadonlySet<string>): boolean {
  if (date === null || own.has(org.id)) return false;
  return designationsAsOf(org, date).length > 0 && statusAsOf(org, date) === 'listed';
}
