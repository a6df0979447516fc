/**
 * npm run registry -- <official-lists.json>
 *
 * Builds Declutter's registry from the four official lists (terrorist, extremist, undesirable,
 * foreign agents; the file ../shared/registry-sources/official-lists.json holds them as
 * published) and the curation in scripts/registry/curated-orgs.json (short names, aliases,
 * inflections, match policies and sourced designations of the organisations news names often).
 *
 * Writes two files, both generated, never edited by hand:
 * - assets/data/banned-orgs.json: the curated organisations (what the annotator matches in
 *   text), each with the rows of the official lists it stands for (`official`), and the lists'
 *   authority, address, date and counts. The popup imports it with its code.
 * - assets/data/banned-orgs-lists.json: every entry of every list, one compact row each (name,
 *   date in, date out, person flag, curated id), under its list's authority and address. It is
 *   a third of a megabyte, so the popup loads it on its own, after its code (see
 *   annotate/official-lists.ts), and only what a page marks is looked up in it.
 *
 * A curated organisation is tied to list rows by the row numbers its sources cite («entry 22»),
 * checked against the row's name; a reference that no longer fits is reported and dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LISTS = ['terrorist', 'extremist', 'undesirable', 'foreign-agent'] as const;
type ListId = (typeof LISTS)[number];

interface OfficialEntry {
  readonly name: string;
  readonly date_in?: string;
  readonly date_out?: string;
  readonly person?: boolean;
}

interface OfficialLists {
  readonly as_of: string;
  readonly lists: Record<ListId, { authority: string; url: string; count: number; entries: OfficialEntry[] }>;
}

interface CuratedOrg {
  readonly id: string;
  readonly official_name: string;
  readonly list_ref?: string;
  readonly designations: readonly { category: string; source: string }[];
  readonly [key: string]: unknown;
}

interface Curated {
  readonly $schema_version: number;
  readonly checked: string;
  readonly title: string;
  readonly match_syntax: string;
  readonly organizations: readonly CuratedOrg[];
}

/** A row of the compact lists file: name, date in (or null), date out (or null), 1 for a person, curated id. */
export type ListRow = [string, (string | null)?, (string | null)?, (0 | 1)?, string?];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CURATED = join(ROOT, 'scripts/registry/curated-orgs.json');
const OUT = join(ROOT, 'assets/data/banned-orgs.json');
const OUT_LISTS = join(ROOT, 'assets/data/banned-orgs-lists.json');

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** English names of the lists' authorities, for the English UI. */
const AUTHORITY_EN: Record<ListId, string> = {
  terrorist: 'FSB / National Anti-Terrorism Committee: unified federal list of organisations recognised as terrorist by Russian courts',
  extremist: 'Ministry of Justice: list of non-profit organisations liquidated or banned by a court under the law on countering extremist activity (114-FZ)',
  undesirable: 'Ministry of Justice: list of foreign and international organisations whose activity is undesirable in Russia',
  'foreign-agent': 'Ministry of Justice: register of foreign agents',
};

/** The list rows a curated organisation's sources cite: «data/terrorist-orgs.json … entry 22». */
function citedRows(org: CuratedOrg): [ListId, number][] {
  const texts = [org.list_ref ?? '', ...org.designations.map((d) => d.source)];
  const rows = new Map<string, [ListId, number]>();
  for (const text of texts) {
    for (const m of text.matchAll(/data\/(terrorist|extremist|undesirable)-orgs\.json[^;]*?entr(?:y|ies) (\d+)/g)) {
      const row: [ListId, number] = [m[1] as ListId, Number(m[2]) - 1];
      rows.set(row.join(':'), row);
    }
  }
  return [...rows.values()];
}

/** Words every kind of entry uses, which say nothing about which organisation a row is. */
const GENERIC = /^(?:организац|объединени|общественн|международн|межрегиональн|украинск|движени|сообществ|террористическ|религиозн|некоммерческ|другие|иные|используем|наименовани|названи|структурн|подразделени|республик|федераци|территори)/u;

/** Distinctive words of a name, folded, for checking a cited row against the curated official name. */
function words(text: string): Set<string> {
  const all = text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  return new Set(all.filter((w) => !GENERIC.test(w)));
}

function fits(row: string, official: string): boolean {
  const a = words(row);
  let shared = 0;
  for (const w of words(official)) if (a.has(w)) shared++;
  return shared >= 1;
}

function main(): void {
  const input = process.argv[2];
  if (!input) {
    process.stderr.write('usage: npm run registry -- <official-lists.json>\n');
    process.exit(2);
  }
  const official = JSON.parse(readFileSync(input, 'utf8')) as OfficialLists;
  const curated = JSON.parse(readFileSync(CURATED, 'utf8')) as Curated;
  if (!DATE.test(official.as_of)) throw new Error(`official lists: as_of ${official.as_of} is not a date`);
  for (const id of LISTS) {
    const list = official.lists[id];
    if (!list || list.entries.length !== list.count) throw new Error(`official lists: ${id} has ${list?.entries.length} entries, says ${list?.count}`);
    for (const e of list.entries) {
      for (const d of [e.date_in, e.date_out]) if (d !== undefined && !DATE.test(d)) throw new Error(`${id}: bad date ${d} for ${e.name}`);
    }
  }

  const curatedOf = new Map<string, string>();
  const organizations = curated.organizations.map((org) => {
    const rows: [ListId, number][] = [];
    for (const [list, cited] of citedRows(org)) {
      const entries = official.lists[list].entries;
      // A row cited from an older snapshot may have moved: the row whose name the curation quotes.
      const quoted = org.official_name.split(/;| \((?:FSB|extremist|undesirable)/u).map((part) => part.trim());
      const index = entries[cited] && fits(entries[cited]!.name, org.official_name) ? cited : entries.findIndex((e) => quoted.includes(e.name));
      if (index >= 0 && !curatedOf.has(`${list}:${index}`)) {
        rows.push([list, index]);
        curatedOf.set(`${list}:${index}`, org.id);
      } else {
        process.stderr.write(`${org.id}: cited ${list} row ${cited + 1} is «${entries[cited]?.name.slice(0, 60) ?? 'missing'}», dropped\n`);
      }
    }
    // The foreign-agent register is cited by date: the organisation's row of that date.
    for (const d of org.designations as readonly { category: string; date?: string }[]) {
      if (d.category !== 'foreign-agent' || !d.date) continue;
      const entries = official.lists['foreign-agent'].entries;
      const names = [org.official_name, ...((org.aliases as string[] | undefined) ?? []), ...(Object.values((org.name as Record<string, string> | undefined) ?? {}))].join(' ');
      const index = entries.findIndex((e, i) => !e.person && e.date_in === d.date && fits(e.name, names) && !curatedOf.has(`foreign-agent:${i}`));
      if (index >= 0) {
        rows.push(['foreign-agent', index]);
        curatedOf.set(`foreign-agent:${index}`, org.id);
      }
    }
    // The rows' dates, where the list gives one: the date each designation entered the list.
    const official_rows = rows.map(([list, index]) => {
      const e = official.lists[list].entries[index]!;
      return { list, row: index + 1, ...(e.date_in ? { date: e.date_in } : {}) };
    });
    return { ...org, official: official_rows };
  });

  const listsMeta = LISTS.map((id) => ({
    category: id,
    name: official.lists[id].authority,
    name_en: AUTHORITY_EN[id],
    url: official.lists[id].url,
    count: official.lists[id].count,
    persons: official.lists[id].entries.filter((e) => e.person).length,
    dated: official.lists[id].entries.filter((e) => e.date_in).length,
    snapshot: `official lists as published on ${official.as_of}`,
  }));

  const registry = {
    $schema_version: 1,
    as_of: official.as_of,
    curation_checked: curated.checked,
    title: curated.title,
    generated_by: 'npm run registry -- <official-lists.json> (scripts/registry.ts); curation in scripts/registry/curated-orgs.json',
    lists: listsMeta,
    match_syntax: curated.match_syntax,
    organizations,
  };

  const lists: Record<string, { entries: ListRow[] }> = {};
  for (const id of LISTS) {
    lists[id] = {
      entries: official.lists[id].entries.map((e, i) => {
        const row: ListRow = [e.name, e.date_in ?? null, e.date_out ?? null, e.person ? 1 : 0, curatedOf.get(`${id}:${i}`)];
        while (row.length > 1 && (row[row.length - 1] === null || row[row.length - 1] === undefined || row[row.length - 1] === 0)) row.pop();
        return row;
      }),
    };
  }
  const listsFile = { $schema_version: 1, as_of: official.as_of, rows: '[name, date in | null, date out | null, 1 if a person, curated id]', lists };

  writeFileSync(OUT, `${JSON.stringify(registry, null, 1)}\n`);
  // One row a line: diffs of a new snapshot show the rows that changed, at a third of the size of indented JSON.
  const body = LISTS.map((id) => `  ${JSON.stringify(id)}: {"entries": [\n${lists[id]!.entries.map((r) => `   ${JSON.stringify(r)}`).join(',\n')}\n  ]}`).join(',\n');
  writeFileSync(OUT_LISTS, `{"$schema_version": 1, "as_of": ${JSON.stringify(official.as_of)}, "rows": ${JSON.stringify(listsFile.rows)}, "lists": {\n${body}\n}}\n`);

  const linked = organizations.filter((o) => o.official.length).length;
  process.stdout.write(
    `registry as of ${official.as_of}: ${LISTS.map((id) => `${id} ${official.lists[id].count}`).join(', ')}; ` +
      `${organizations.length} curated organisations, ${linked} tied to list rows (${curatedOf.size} rows)\n`,
  );
}

main();
