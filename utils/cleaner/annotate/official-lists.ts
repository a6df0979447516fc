/**
 * The whole official lists (assets/data/banned-orgs-lists.json: every terrorist, extremist and
 * undesirable organisation and the foreign-agent register, persons included), for names the
 * page marks and the curated registry does not know: the page's mark says that it is
 * designated, the list says where and since when. Only marked names are looked up, by their
 * exact wording (quoted names of the lists, «Фамилия Имя» of persons), never to find a name
 * in text; a list entry is never found by a bare town name (local branches named after their
 * town: «Местная религиозная организация … «Абинск»»).
 *
 * The file is a third of a megabyte, so the popup loads it on its own after its code
 * (`loadOfficialLists`), while the page is being read; until it has arrived, and where no
 * caller loads it, the lookup finds nothing.
 */
import type { ListedCategory } from './registry.ts';
import { REGISTRY } from './registry.ts';
import type { RegistryFacts } from '../types.ts';
import type { PageName } from './page-names.ts';

type Row = [string, (string | null)?, (string | null)?, (0 | 1)?, string?];

export interface OfficialListsData {
  readonly as_of: string;
  readonly lists: Readonly<Record<string, { readonly entries: readonly Row[] }>>;
}

export interface ListedEntry {
  readonly list: ListedCategory;
  readonly row: number;
  readonly name: string;
  readonly dateIn: string | null;
  readonly dateOut: string | null;
  readonly person: boolean;
}

let data: OfficialListsData | null = null;
let index: Map<string, ListedEntry> | null = null;
let loading: Promise<void> | null = null;

/** Loads the lists once; later calls wait for the same load. */
export function loadOfficialLists(): Promise<void> {
  loading ??= import('../../../assets/data/banned-orgs-lists.json').then((module) => {
    provideOfficialLists((module as unknown as { default: OfficialListsData }).default);
  });
  return loading;
}

export function provideOfficialLists(lists: OfficialListsData): void {
  data = lists;
  index = null;
}

const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»„“”"'‹›]/gu, '')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();

/** An entry named after a place: its one-word quoted name is a town, never a key. */
const LOCAL = /местн|отделени|ячейк|филиал|\bг\.|город|район|област|кра[йя]|республик|посел|\bп\.|\bс\.|свидетел/iu;

function keysOf(name: string, person: boolean): string[] {
  if (person) {
    // «Дубнов Аркадий Юрьевич "псевдоним"» → «аркадий дубнов», «дубнов аркадий».
    const [surname, given] = name.replace(/["«].*$/u, '').trim().split(/\s+/u);
    return surname && given ? [fold(`${given} ${surname}`), fold(`${surname} ${given}`)] : [];
  }
  const keys = [fold(name)];
  const local = LOCAL.test(name);
  // «American Coalition for Ukraine (ACU, «…»), США»: the name before its brackets or country.
  const head = name.split(/\s*[(,]/u)[0]!.trim();
  if (!local && head !== name && /\s/u.test(head)) keys.push(fold(head));
  for (const m of name.matchAll(/[«"“]([^«»"“”]{2,80})[»"”]/gu)) {
    const quoted = m[1]!.trim();
    if (local && !/\s/u.test(quoted)) continue;
    keys.push(fold(quoted));
  }
  return keys;
}

function buildIndex(lists: OfficialListsData): Map<string, ListedEntry> {
  const out = new Map<string, ListedEntry>();
  for (const [list, { entries }] of Object.entries(lists.lists)) {
    entries.forEach((row, i) => {
      const entry: ListedEntry = { list: list as ListedCategory, row: i + 1, name: row[0], dateIn: row[1] ?? null, dateOut: row[2] ?? null, person: row[3] === 1 };
      for (const key of keysOf(row[0], entry.person)) if (key.length >= 3 && !out.has(key)) out.set(key, entry);
    });
  }
  return out;
}

/** The list entry a marked name is, by its wording, or null (also before the lists are loaded). */
export function listedEntry(name: PageName): ListedEntry | null {
  if (!data) return null;
  index ??= buildIndex(data);
  return index.get(fold(name.text)) ?? null;
}

/** The facts an annotation shows for a list entry: the list, its authority and address, the dates the list gives. */
export function listedFacts(entry: ListedEntry): RegistryFacts {
  const list = REGISTRY.lists.find((l) => l.category === entry.list) as (typeof REGISTRY.lists)[number] & { name_en?: string };
  const authority = { ru: list.name, en: list.name_en ?? list.name };
  return {
    id: `list-${entry.list}-${entry.row}`,
    name: { ru: entry.name, en: entry.name },
    officialName: entry.name,
    category: entry.list,
    designations: [{ category: entry.list, authority, date: entry.dateIn ?? '', dateKind: 'listed', source: list.url }],
    status: entry.dateOut ? 'lifted' : 'listed',
    statusDate: entry.dateOut,
    statusNote: null,
    sources: [list.url],
    asOf: data?.as_of ?? REGISTRY.as_of,
  };
}
