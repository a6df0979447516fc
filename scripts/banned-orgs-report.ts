/**
 * npx tsx scripts/banned-orgs-report.ts [--list]
 *
 * What the registry (assets/data/banned-orgs.json) holds and how each entry is sourced, for
 * a data release: counts by category, designations whose date is only a list-inclusion date
 * or month, English names that are Declutter's translations, suspended designations, and
 * with --list one line per entry with the kinds of sources behind it.
 */
import { REGISTRY } from '../utils/cleaner/annotate/registry.ts';

const orgs = REGISTRY.organizations;
const count = (pred: (o: (typeof orgs)[number]) => boolean) => orgs.filter(pred).length;
const isUrl = (s: string) => /https?:\/\//.test(s);

/** The kind of source behind a designation: the official list (a snapshot of it), or news and court reports. */
function sourceKinds(o: (typeof orgs)[number]): string[] {
  const kinds = new Set<string>();
  for (const d of o.designations) {
    if (/snapshot/.test(d.source)) kinds.add('official list (snapshot)');
    if (d.source.split(/\s;\s|\s\(/).some((part) => isUrl(part) && !/minjust\.gov\.ru|fsb\.ru/.test(part))) kinds.add('news/court report');
  }
  return [...kinds];
}

const lines: string[] = [];
type ListMeta = { category: string; count?: number; persons?: number; dated?: number; url: string };
for (const list of REGISTRY.lists as readonly ListMeta[]) {
  lines.push(`official list ${list.category}: ${list.count} entries (${list.persons ?? 0} persons, ${list.dated ?? 0} dated) — ${list.url}`);
}
type Tied = (typeof orgs)[number] & { official?: { list: string; row: number }[] };
lines.push(`registry v${REGISTRY.$schema_version}, as of ${REGISTRY.as_of}: ${orgs.length} curated organisations (names, aliases, inflections), ` +
  `${count((o) => ((o as Tied).official ?? []).length > 0)} tied to official list rows; every other list entry is a record of its list only (assets/data/banned-orgs-lists.json)`);
for (const category of ['terrorist', 'extremist', 'undesirable', 'foreign-agent'] as const) {
  lines.push(`  primary ${category}: ${count((o) => o.category === category)}`);
}
lines.push(`  with more than one designation: ${count((o) => o.designations.length > 1)}`);
lines.push(`  sourced by news or court reports of the decision: ${count((o) => sourceKinds(o).includes('news/court report'))}`);
lines.push(`  sourced by the official list only (snapshot row): ${count((o) => sourceKinds(o).join() === 'official list (snapshot)')}`);
lines.push(`  designation dated to the month only: ${count((o) => o.designations.some((d) => d.date.length === 7))}`);
lines.push(`  English name is Declutter's translation: ${count((o) => o.name_en_is_translation)}`);
lines.push(`  suspended or lifted: ${orgs.filter((o) => o.status.state !== 'listed').map((o) => `${o.id} (${o.status.state} ${o.status.date})`).join(', ') || 'none'}`);
if (process.argv.includes('--list')) {
  for (const o of orgs) {
    const designations = o.designations.map((d) => `${d.category} ${d.date}`).join(', ');
    lines.push(`${o.id.padEnd(36)} ${designations.padEnd(60)} ${sourceKinds(o).join(' + ')}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
