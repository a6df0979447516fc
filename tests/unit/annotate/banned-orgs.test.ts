/**
 * The registry (assets/data/banned-orgs.json) against its schema: versioned, dated, every
 * entry sourced, every date a real date no later than `as_of`, every pattern compiling and
 * finding the organisation's own name; and the fast search (names over plain classes on a
 * mapped line) finding exactly what the names as written find.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { registryCandidates } from '../../../utils/cleaner/annotate/candidates.ts';
import { REGISTRY, compiledPatterns, registryAlphabet, type StoredOrganization } from '../../../utils/cleaner/annotate/registry.ts';
import { compileAbbreviation, compileNamePattern } from '../../../utils/cleaner/annotate/patterns.ts';
import { alphabetFor } from '../../../utils/cleaner/annotate/alphabet.ts';

// Heavy: every registry name against every neighbour. Time limits sized for a loaded 2-core machine
// (one of these tests took 55 s there; vitest's 5 s default failed them under load).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const CATEGORIES = ['terrorist', 'extremist', 'undesirable', 'foreign-agent'];
const DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const URL_IN = /https?:\/\/\S+/;

function realDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() === (m ?? 1) - 1 && (d === undefined || date.getUTCDate() === d);
}

const orgs = REGISTRY.organizations;

test('the registry is versioned and dated', () => {
  expect(REGISTRY.$schema_version).toBe(1);
  expect(realDate(REGISTRY.as_of) && REGISTRY.as_of.length === 10).toBe(true);
  expect(REGISTRY.lists.map((l) => l.category).sort()).toEqual([...CATEGORIES].sort());
  for (const list of REGISTRY.lists) expect(list.url).toMatch(/^https?:\/\//);
});

test('it holds at least 60 organisations with unique kebab-case ids', () => {
  expect(orgs.length).toBeGreaterThanOrEqual(60);
  const ids = orgs.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});

test('the organisations Russian news names most often are in it', () => {
  const ids = new Set(orgs.map((o) => o.id));
  for (const id of [
    'islamic-state', 'al-qaeda', 'jabhat-al-nusra', 'hayat-tahrir-al-sham', 'muslim-brotherhood', 'hizb-ut-tahrir', 'azov',
    'right-sector', 'mejlis', 'jehovahs-witnesses', 'meta', 'fbk', 'navalny-hq', 'aue', 'columbine', 'lgbt-movement',
    'russian-volunteer-corps', 'freedom-of-russia-legion', 'taliban',
  ]) {
    expect(ids.has(id), id).toBe(true);
  }
});

test('the Taliban ban is recorded as suspended on 2025-04-17, with its source', () => {
  const taliban = orgs.find((o) => o.id === 'taliban')!;
  expect(taliban.status.state).toBe('suspended');
  expect(taliban.status.date).toBe('2025-04-17');
  expect(taliban.status.source).toMatch(URL_IN);
});

describe.each(orgs.map((o) => [o.id, o] as const))('%s', (_id, org: StoredOrganization) => {
  test('names, category and aliases are well formed', () => {
    expect(CATEGORIES).toContain(org.category);
    expect(org.name.ru.trim()).not.toBe('');
    expect(org.name.en.trim()).not.toBe('');
    expect(typeof org.name_en_is_translation).toBe('boolean');
    expect(org.official_name.trim()).not.toBe('');
    expect(Array.isArray(org.aliases)).toBe(true);
  });

  test('every designation has a category, an authority, a real date no later than as_of, and a source', () => {
    expect(org.designations.length).toBeGreaterThan(0);
    for (const d of org.designations) {
      expect(CATEGORIES).toContain(d.category);
      expect(d.authority.ru.trim()).not.toBe('');
      expect(d.authority.en.trim()).not.toBe('');
      expect(realDate(d.date), d.date).toBe(true);
      expect(d.date <= REGISTRY.as_of, d.date).toBe(true);
      expect(['decision', 'in-force', 'listed']).toContain(d.date_kind);
      expect(d.source.trim()).not.toBe('');
      if (d.in_force) expect(realDate(d.in_force)).toBe(true);
    }
    // The primary category is one the organisation is actually designated under.
    expect(org.designations.map((d) => d.category)).toContain(org.category);
  });

  test('it is sourced: at least one public page or official list address', () => {
    const addresses = [...org.sources, ...org.designations.map((d) => d.source)].filter((s) => URL_IN.test(s));
    expect(addresses.length).toBeGreaterThan(0);
  });

  test('its status is listed, or suspended/lifted with a date and a source', () => {
    expect(['listed', 'suspended', 'lifted']).toContain(org.status.state);
    if (org.status.state !== 'listed') {
      expect(realDate(org.status.date ?? '')).toBe(true);
      expect(org.status.source ?? '').toMatch(URL_IN);
    }
  });

  test('every pattern compiles, and the registry finds the organisation in its own name', () => {
    const { names, quoted, marked, abbr } = org.match;
    expect(names.length + quoted.length + marked.length + abbr.length).toBeGreaterThan(0);
    for (const p of [...names, ...quoted, ...marked]) expect(() => compileNamePattern(p)).not.toThrow();
    for (const a of abbr) expect(compileAbbreviation(a).test(a)).toBe(true);
    const ownName = org.name.ru.replace(/\s*\([^)]*\)\s*$/, '');
    const found = registryCandidates(`Об этом сообщила ${ownName}*.`).filter((c) => c.org.id === org.id);
    expect(found.length, `${org.id} not found in «${ownName}»`).toBeGreaterThan(0);
  });
});

/**
 * The search runs each name over plain classes on the mapped line (alphabet.ts) instead of
 * the Unicode-class name on the line itself. Next to a name, and in its endings, stand the
 * characters where the two could part: letters and digits of other scripts, the stand-ins
 * themselves, a combining accent, letters and symbols outside the BMP, lone surrogates.
 */
describe('names over plain classes on the mapped line', () => {
  const NEIGHBOURS = ['', ' ', '\u00a0', '*', '«', '»', '"', '-', '_', '5', 'ов', 'овцы', 'x', 'é', 'ö', 'і', 'ǅ', 'ß', '٣', 'Ⅻ', '²', '\u0301',
    '\u0000', '\u0001', '\u0002', '𝐀', '😀', '\ud800', '\udc00'];
  const namesOf = (o: StoredOrganization): string[] => [o.name.ru.replace(/\s*\([^)]*\)\s*$/, ''), o.name.en, ...o.aliases, ...o.match.abbr];
  const NAMES = orgs.flatMap(namesOf);

  /** Every pattern's matches, as `pattern@start:length`, the way the search runs them. */
  function everyMatch(text: string, plain: boolean, orgId?: string): string[] {
    const subject = plain ? registryAlphabet()!.map(text) : text;
    if (subject === null) return everyMatch(text, false, orgId);
    const out: string[] = [];
    compiledPatterns().forEach((pattern, i) => {
      if (orgId && pattern.org.id !== orgId) return;
      const regex = plain ? pattern.plainRegex : pattern.regex;
      regex.lastIndex = 0;
      for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
        out.push(`${i}@${m.index}:${m[0].length}`);
        if (m[0].length === 0) regex.lastIndex++;
      }
    });
    return out;
  }

  test('the registry has a plain alphabet, and mapping keeps every offset', () => {
    const alphabet = registryAlphabet();
    expect(alphabet).not.toBeNull();
    for (const ch of NEIGHBOURS) {
      const text = `ИГ${ch}ИГ`;
      const mapped = alphabet!.map(text);
      // Only a letter or digit outside the BMP leaves a line to the Unicode-class names.
      if (ch === '𝐀') expect(mapped).toBeNull();
      else expect(mapped?.length, JSON.stringify(ch)).toBe(text.length);
    }
  });

  test('every name next to every neighbour: its own patterns match the same at the same offsets', () => {
    let found = 0;
    for (const org of orgs) {
      for (const name of namesOf(org)) {
        for (const a of NEIGHBOURS) {
          for (const b of NEIGHBOURS) {
            const text = `${a}${name}${b} и ${name.slice(0, -1)}${b}${a}`;
            const exact = everyMatch(text, false, org.id);
            expect(everyMatch(text, true, org.id), JSON.stringify(text)).toEqual(exact);
            found += exact.length;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(10_000);
  }, 180_000);

  test('random lines of name fragments and neighbours: the same matches, and the search finds them', () => {
    const pieces = [...NEIGHBOURS, ...NAMES.flatMap((n) => [n, n.slice(0, 3), n.slice(2)]), 'государств', 'ами', 'ого'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const exact = everyMatch(text, false);
        expect(everyMatch(text, true)).toEqual(exact);
        const searched = registryCandidates(text).map((c) => c.org.id);
        const byPattern = exact.map((m) => compiledPatterns()[Number(m.split('@')[0])]!.org.id);
        expect(new Set(searched)).toEqual(new Set(byPattern));
      }),
      { numRuns: 2000, seed: 20260716 },
    );
  });

  test('a name spelled with a stand-in character gets no plain alphabet', () => {
    expect(alphabetFor(['(?<![\\p{L}])a\u0001b'])).toBeNull();
    expect(alphabetFor(['(?<![\\p{L}])Pöè'])?.classes.letter).toContain('\\u{f6}');
  });
});

/**
 * The whole official lists (assets/data/banned-orgs-lists.json, written by `npm run registry`):
 * every entry of the four lists, dated where the list dates it, the curated organisations tied
 * to rows that exist and carry their names.
 */
describe('the official lists behind the registry', () => {
  const LISTS = JSON.parse(readFileSync(join(import.meta.dirname, '../../../assets/data/banned-orgs-lists.json'), 'utf8')) as {
    as_of: string;
    lists: Record<string, { entries: [string, (string | null)?, (string | null)?, (0 | 1)?, string?][] }>;
  };

  test('they hold every entry of the four lists as of the registry date', () => {
    expect(LISTS.as_of).toBe(REGISTRY.as_of);
    const counts = Object.fromEntries(Object.entries(LISTS.lists).map(([id, l]) => [id, l.entries.length]));
    expect(counts).toEqual({ terrorist: 74, extremist: 674, undesirable: 367, 'foreign-agent': 1226 });
    for (const list of REGISTRY.lists) expect((list as { count?: number }).count, list.category).toBe(counts[list.category]);
  });

  test('every row has a name, real dates, and an undesirable row always its date of inclusion', () => {
    for (const [id, list] of Object.entries(LISTS.lists)) {
      for (const [name, dateIn, dateOut] of list.entries) {
        expect(name.trim(), id).not.toBe('');
        for (const d of [dateIn, dateOut]) if (d) expect(realDate(d) && d <= LISTS.as_of, `${id}: ${name} ${d}`).toBe(true);
        if (id === 'undesirable') expect(dateIn, name).toBeTruthy();
      }
    }
    expect(LISTS.lists['foreign-agent']!.entries.filter((r) => r[3] === 1).length).toBe(781);
  });

  test('a curated organisation is tied to rows that exist and name it the same way', () => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    let tied = 0;
    for (const org of orgs) {
      for (const ref of (org as StoredOrganization & { official?: { list: string; row: number }[] }).official ?? []) {
        const row = LISTS.lists[ref.list]!.entries[ref.row - 1]!;
        expect(row[4], `${org.id} → ${ref.list} ${ref.row}`).toBe(org.id);
        tied++;
      }
    }
    expect(tied).toBeGreaterThanOrEqual(80);
    for (const list of Object.values(LISTS.lists)) for (const row of list.entries) if (row[4]) expect(byId.has(row[4])).toBe(true);
  });
});
