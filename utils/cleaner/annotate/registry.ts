/**
 * Declutter's registry of designated organisations (assets/data/banned-orgs.json): the stored
 * shape, its facts as annotations show them, and the name patterns compiled once.
 * The data is versioned (`$schema_version`) and dated (`as_of`); tests/unit/annotate/banned-orgs.test.ts
 * checks every entry against the schema and that every entry names its sources.
 */
import data from '../../../assets/data/banned-orgs.json' with { type: 'json' };
import type { ListCategory, Localized, RegistryDesignation, RegistryFacts } from '../types.ts';
import { alphabetFor, type Alphabet } from './alphabet.ts';
import { PATTERN_FLAGS, abbreviationSource, namePatternSource, openings, type WordClasses } from './patterns.ts';

export type ListedCategory = ListCategory;

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
  /** The name as a regular expression, compiled on first read (see `NamePattern`). */
  readonly regex: RegExp;
  /** The same name over plain classes, for text mapped by `registryAlphabet()` (alphabet.ts); compiled on first read. */
  readonly plainRegex: RegExp;
  /** The characters a match starts with (`openings`), or null when any may. */
  readonly leading: readonly string[] | null;
  /** The two characters a match starts with (`openings`), or null when the source does not tell. */
  readonly pairs: readonly string[] | null;
}

/**
 * A name pattern whose regular expressions are built when a line first needs them. Building
 * one costs a browser some 0.3 ms (its Unicode property classes), 60 ms for the registry; the
 * popup is a fresh page each time the reader opens it, and a page holds the openings of only
 * 15-30 of the ~200 names (the index in mentions.ts picks them from the source alone).
 */
class NamePattern implements CompiledPattern {
  readonly leading: readonly string[] | null;
  readonly pairs: readonly string[] | null;
  private built: RegExp | null = null;
  private builtPlain: RegExp | null = null;

  constructor(
    readonly org: StoredOrganization,
    readonly kind: PatternKind,
    readonly source: string,
    readonly regexSource: string,
  ) {
    ({ leading: this.leading, pairs: this.pairs } = openings({ source: regexSource, flags: PATTERN_FLAGS }));
  }

  get regex(): RegExp {
    return (this.built ??= new RegExp(this.regexSource, PATTERN_FLAGS));
  }

  get plainRegex(): RegExp {
    const classes = registryAlphabet()?.classes;
    if (!classes) return this.regex;
    return (this.builtPlain ??= new RegExp(compileSource(this.kind, this.source, classes), PATTERN_FLAGS));
  }
}

function compileSource(kind: PatternKind, source: string, classes?: WordClasses): string {
  return kind === 'abbr' ? abbreviationSource(source, classes) : namePatternSource(source, classes);
}

let compiled: NamePattern[] | null = null;
let alphabet: Alphabet | null | undefined;

/** Every name pattern of every organisation, read on first use; each is compiled when first run. */
export function compiledPatterns(): readonly CompiledPattern[] {
  if (compiled) return compiled;
  compiled = [];
  for (const org of REGISTRY.organizations) {
    for (const kind of ['names', 'quoted', 'marked', 'abbr'] as const) {
      for (const source of org.match[kind]) compiled.push(new NamePattern(org, kind, source, compileSource(kind, source)));
    }
  }
  return compiled;
}

/** How to map a line for the names' `plainRegex`; null when they cannot use one (then `plainRegex` is `regex`). */
export function registryAlphabet(): Alphabet | null {
  if (alphabet === undefined) {
    const patterns = compiledPatterns() as readonly NamePattern[];
    alphabet = alphabetFor(patterns.map((p) => p.regexSource));
  }
  return alphabet;
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
