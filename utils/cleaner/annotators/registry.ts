/**
 * Declutter's registry of designated organisations (assets/data/banned-orgs.json): the stored
 * shape, its facts as annotations show them, and the name patterns compiled once.
 * The data is versioned (`$schema_version`) and dated (`as_of`); tests/unit/banned-orgs.test.ts
 * checks every entry against the schema and that every entry names its sources.
 */
import data from '../../../assets/data/banned-orgs.json' with { type: 'json' };
import type { Localized, OrgCategory, RegistryDesignation, RegistryFacts } from '../types.ts';
import { compileAbbreviation, compileNamePattern, leadingChars, leadingPairs } from './patterns.ts';

export type ListedCategory = Exclude<OrgCategory, 'banned'>;

export interface StoredDesignation {
  readonly category: ListedCategory;
  readonly authority: Localized;
  readonly date: string;
  readonly date_kind: 'decision' | 'in-force' | 'listed';
  readonly source: string;
  readonly in_force?: string;
  readonly decision_date?: string;
  readonly note?: string;
}

export interface StoredMatch {
  /** Unambiguous anywhere: may be annotated from the registry alone. */
  readonly names: readonly string[];
  /** Unambiguous inside quotation marks; elsewhere only on a page that marks the organisation. */
  readonly quoted: readonly string[];
  /** Ordinary words or brands: only where marked, or quoted (or Latin) on a page that marks the organisation. */
  readonly marked: readonly string[];
  /** Exact tokens, only where marked or on a page that names or marks the organisation. */
  readonly abbr: readonly string[];
}

export interface StoredOrganization {
  readonly id: string;
  readonly category: ListedCategory;
  readonly name: Localized;
  readonly name_en_is_translation: boolean;
  readonly official_name: string;
  readonly aliases: readonly string[];
  readonly match: StoredMatch;
  readonly designations: readonly StoredDesignation[];
  readonly status: {
    readonly state: 'listed' | 'suspended' | 'lifted';
    readonly date?: string;
    readonly authority?: Localized;
    readonly source?: string;
    readonly checked?: string;
    readonly note?: Localized;
  };
  readonly sources: readonly string[];
  readonly list_ref?: string;
  readonly notes?: string;
}

export interface StoredRegistry {
  readonly $schema_version: 1;
  readonly as_of: string;
  readonly title: string;
  readonly lists: readonly { category: ListedCategory; name: string; url: string; snapshot: string }[];
  readonly match_syntax: string;
  readonly organizations: readonly StoredOrganization[];
}

export const REGISTRY = data as unknown as StoredRegistry;

/** How a name pattern may be used; see StoredMatch. */
export type PatternKind = 'names' | 'quoted' | 'marked' | 'abbr';

export interface CompiledPattern {
  readonly org: StoredOrganization;
  readonly kind: PatternKind;
  readonly source: string;
  readonly regex: RegExp;
  /** The characters a match starts with (`leadingChars`), or null when any may. */
  readonly leading: readonly string[] | null;
  /** The two characters a match starts with (`leadingPairs`), or null when the source does not tell. */
  readonly pairs: readonly string[] | null;
}

let compiled: CompiledPattern[] | null = null;

/** Every name pattern of every organisation, compiled on first use. */
export function compiledPatterns(): readonly CompiledPattern[] {
  if (compiled) return compiled;
  compiled = [];
  for (const org of REGISTRY.organizations) {
    for (const kind of ['names', 'quoted', 'marked', 'abbr'] as const) {
      for (const source of org.match[kind]) {
        const regex = kind === 'abbr' ? compileAbbreviation(source) : compileNamePattern(source);
        compiled.push({ org, kind, source, regex, leading: leadingChars(regex), pairs: leadingPairs(regex) });
      }
    }
  }
  return compiled;
}

export function organizationById(id: string): StoredOrganization | undefined {
  return REGISTRY.organizations.find((org) => org.id === id);
}

/** The facts an annotation carries, in the JSON-safe shape of `RegistryFacts`. */
export function registryFacts(org: StoredOrganization): RegistryFacts {
  const designations: RegistryDesignation[] = org.designations.map((d) => ({
    category: d.category,
    authority: d.authority,
    date: d.date,
    dateKind: d.date_kind,
    source: d.source,
    ...(d.note ? { note: d.note } : {}),
  }));
  return {
    id: org.id,
    name: org.name,
    officialName: org.official_name,
    category: org.category,
    designations,
    status: org.status.state,
    statusDate: org.status.date ?? null,
    statusNote: org.status.note ?? org.status.authority ?? null,
    sources: org.sources,
    asOf: REGISTRY.as_of,
  };
}
