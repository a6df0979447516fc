/**
 * From mentions to annotations: one group per organisation (or per name only the page marks),
 * its notes and meanings, and what it is called and classified as, as of the page's date.
 */
import { foldSpaces } from '../page/visible-text.ts';
import type { Annotation, AnnotationKind, OrgCategory, RegistryFacts } from '../types.ts';
import { moreSpecific, type NoteMeaning } from './marks.ts';
import { registryFacts, type StoredOrganization } from './registry.ts';
import type { Notice } from './notices.ts';
import type { FoundMention, PageName } from './marked.ts';
import { listedEntry, listedFacts, type ListedEntry } from './official-lists.ts';
import { categoryAsOf, statusAsOf } from './page-facts.ts';
import { looksLikePerson } from './page-names.ts';
import { isLatin } from './patterns.ts';
import type { LegendEntry } from './legend.ts';

export interface Group {
  readonly key: string;
  readonly org: StoredOrganization | null;
  readonly pageName: PageName | null;
  readonly notice: Notice | null;
  readonly mentions: { found: FoundMention; inTitle: boolean; text: string }[];
  readonly notes: string[];
  readonly noteSet: Set<string>;
  readonly meanings: NoteMeaning[];
}

export function newGroup(key: string, org: StoredOrganization | null, pageName: PageName | null, notice: Notice | null = null): Group {
  return { key, org, pageName, notice, mentions: [], notes: [], noteSet: new Set(), meanings: [] };
}

export function addNote(group: Group, text: string, meaning: NoteMeaning | null): void {
  const folded = foldSpaces(text);
  if (folded && !group.noteSet.has(folded)) {
    group.noteSet.add(folded);
    group.notes.push(folded);
  }
  if (meaning) group.meanings.push(meaning);
}

/**
 * Keys of page-only names. A person named in full once and by surname later («Петр Голубев✱» …
 * «Голубев✱») is one annotation: a one-word page name joins the earlier name it ends.
 */
export class PageKeys {
  private readonly byLastWord = new Map<string, string>();
  private readonly known = new Set<string>();

  keyOf(name: PageName): string {
    const own = `page:${name.text}`;
    if (this.known.has(own)) return own;
    if (!/\s/u.test(name.text)) {
      const full = this.byLastWord.get(name.text);
      if (full) return full;
    }
    this.known.add(own);
    const last = /(\S+)$/u.exec(name.text)?.[1];
    if (last && last !== name.text && !this.byLastWord.has(last)) this.byLastWord.set(last, own);
    return own;
  }
}

/**
 * The page decides what its marks mean; the registry fills in what the page leaves open, as of
 * the page's date. A page that says only «запрещена» about an organisation the registry lists
 * as terrorist gets «terrorist»; a page whose legend says «иноагент» gets a foreign-agent note,
 * whatever the registry adds; a ban suspended on or before the page's date is «suspended»,
 * never the ban it was.
 */
export function classify(group: Group, date: string | null, listed: ListedEntry | null): { kind: AnnotationKind; category: OrgCategory } {
  const org = group.org;
  const registryCategory = org ? categoryAsOf(org, date) ?? org.category : listed?.list ?? null;
  const kind: AnnotationKind = group.meanings.length
    ? group.meanings.some((m) => m.kind === 'banned')
      ? 'banned'
      : 'foreign-agent'
    : registryCategory === 'foreign-agent'
      ? 'foreign-agent'
      : 'banned';
  if (kind === 'foreign-agent') return { kind, category: 'foreign-agent' };
  if (org && statusAsOf(org, date) !== 'listed') return { kind, category: 'suspended' };
  let category: OrgCategory | null = null;
  for (const m of group.meanings) if (m.kind === 'banned') category = moreSpecific(category, m.category);
  if ((!category || category === 'banned') && registryCategory && registryCategory !== 'foreign-agent') category = registryCategory;
  if ((!category || category === 'banned') && org && org.category === 'foreign-agent') {
    category = org.designations.find((d) => d.category !== 'foreign-agent')?.category ?? category;
  }
  return { kind, category: category ?? 'banned' };
}

export function labelOf(group: Group): string {
  if (group.org) return group.org.name.ru;
  if (group.notice) return group.notice.agent ?? '';
  const name = group.pageName!;
  return name.quoted ? `«${name.text}»` : name.text;
}

/** What the annotation shows of the registry: the curated entry as of the page's date, else the official list entry of a marked name. */
export function factsOf(group: Group, date: string | null, listed: ListedEntry | null): RegistryFacts | null {
  if (group.org) {
    const facts = registryFacts(group.org);
    const state = statusAsOf(group.org, date);
    return state === facts.status ? facts : { ...facts, status: state, statusDate: null, statusNote: null };
  }
  return listed ? listedFacts(listed) : null;
}

/** The list entry of a page-only name, when the lists are loaded and the name is one. */
export function listedFor(group: Group): ListedEntry | null {
  return group.pageName && !group.notice ? listedEntry(group.pageName) : null;
}

/** Whether the annotation is about a person: the register says so, or the page's words and the name's shape do. */
export function isPerson(group: Group, listed: ListedEntry | null): boolean {
  if (group.org || group.notice) return false;
  if (listed) return listed.person;
  return looksLikePerson(group.pageName!, group.notes.join(' ') || null);
}

/** Words in a legend or disclaimer that tie a marked product to the organisation they name («принадлежит Meta»). */
const OWNED_BY = /принадлеж|владе|продукт|входит|компани\p{L}*\s+Meta|корпораци/iu;

/**
 * A name only the page marks, whose note names one organisation as its owner («Quest*» with
 * «*принадлежит Meta, которая признана экстремистской»), is that organisation's product: it is
 * annotated with the organisation's record. A Latin brand under a note naming one organisation
 * is one too («WhatsApp1» with «1. Деятельность компании Meta … запрещена»); a person is not.
 */
export function ownerOf(m: FoundMention, legend: ReadonlyMap<number, LegendEntry>, orgsIn: (text: string) => StoredOrganization[]): StoredOrganization | null {
  if (m.org || !m.pageName || m.pageName.quoted) return null;
  const entry = m.key !== null ? legend.get(m.key) : undefined;
  const note = m.note ?? entry?.text ?? '';
  const orgs = m.note ? orgsIn(m.note) : (entry?.orgs ?? []);
  const owners = [...new Set(orgs)];
  if (owners.length !== 1) return null;
  return OWNED_BY.test(note) || isLatin(m.pageName.text) ? owners[0]! : null;
}

export type { Annotation };
