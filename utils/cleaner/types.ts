/**
 * The shapes shared by the cleaning core, the CLI, the popup and the tests.
 * Everything a result holds is JSON-safe: it crosses extension messaging and is
 * written to golden files as it is.
 */

export type Lang = 'en' | 'ru';

/** A UI string in every language the extension speaks. */
export type Localized = Readonly<Record<Lang, string>>;

/** Plural forms of the noun a filter counts its items with ("1 cookie notice", "2 cookie notices"). */
export interface CountNoun {
  readonly en: { readonly one: string; readonly other: string };
  readonly ru: { readonly one: string; readonly few: string; readonly many: string };
}

export interface FilterContext {
  /** The page's address: filters may look at it, for example to tell own links from foreign ones. */
  readonly url: URL;
  readonly doc: Document;
  /** The page's <body>, found without making one (`bodyOf`); null when the page has none. */
  readonly body: HTMLElement | null;
  /** Language of the page, from `<html lang>`, lower-cased; '' when the page says nothing. */
  readonly lang: string;
}

/** One element a filter wants gone, and why, in words a tester can read in the removal log. */
export interface FilterMatch {
  readonly element: Element;
  readonly reason: string;
}

export interface ClutterFilter {
  /** kebab-case; equals the file name, the settings key and the CLI flag `--no-<id>`. */
  readonly id: string;
  readonly label: Localized;
  readonly description: Localized;
  readonly noun: CountNoun;
  readonly defaultEnabled: boolean;
  /**
   * Pure detection: reads the DOM, never changes it. It runs on an inert parsed snapshot in
   * the popup and the CLI, and on the live page for live cleaning, so it may not rely on layout.
   */
  detect(ctx: FilterContext): FilterMatch[];
}

/**
 * Where a removal stood relative to the article (extract/region.ts): inside the part of the
 * page it was taken from, beside it, or in the site's chrome no reader mode shows.
 */
export type RemovalRegion = 'article' | 'near' | 'page';

export interface Removal {
  readonly filter: string;
  readonly reason: string;
  /** The removed element's visible text, whitespace folded, cut to a preview length. */
  readonly text: string;
  readonly links: number;
  /** Known once an article was extracted; absent when there is none. */
  readonly region?: RemovalRegion;
}

/** A ban (terrorist, extremist, undesirable) or the foreign-agent register: never mixed up. */
export type AnnotationKind = 'banned' | 'foreign-agent';

/** What a designation says; 'banned' is a page that says "запрещена" without saying which list. */
/**
 * What an annotation says an organisation is. 'banned' when the page says only «запрещена»;
 * 'suspended' when the ban was suspended or lifted on or before the page's date (the Taliban
 * since 2025-04-17): never the ban it was.
 */
export type OrgCategory = 'terrorist' | 'extremist' | 'undesirable' | 'banned' | 'suspended' | 'foreign-agent';

/** The categories of the official lists. */
export type ListCategory = Exclude<OrgCategory, 'banned' | 'suspended'>;

/**
 * Why a mention is annotated: the page's own mark (a symbol with or without a legend, a
 * parenthetical, a participle before the name, a footnote naming it, a foreign-agent notice),
 * a later unmarked mention of an organisation the page marks elsewhere, or a name the
 * registry knows to be unambiguous.
 */
export type AnnotationEvidence = 'symbol' | 'parenthetical' | 'prefix' | 'footnote' | 'notice' | 'linked' | 'registry';

export interface RegistryDesignation {
  readonly category: ListCategory;
  readonly authority: Localized;
  /** ISO date, or year-month when the day is not known; empty when the list gives none. */
  readonly date: string;
  /** Which date it is: the decision, its entry into force, or the inclusion in the list. */
  readonly dateKind: 'decision' | 'in-force' | 'listed';
  readonly source: string;
  readonly note?: string;
}

/** What Declutter's registry (assets/data/banned-orgs.json) says about an organisation. */
export interface RegistryFacts {
  readonly id: string;
  readonly name: Localized;
  readonly officialName: string;
  readonly category: ListCategory;
  readonly designations: readonly RegistryDesignation[];
  /** 'suspended' and 'lifted' designations are shown as such, never as a ban in force. */
  readonly status: 'listed' | 'suspended' | 'lifted';
  readonly statusDate: string | null;
  readonly statusNote: Localized | null;
  readonly sources: readonly string[];
  /** The date the registry was checked against the lists. */
  readonly asOf: string;
}

export interface AnnotationMention {
  /** The name as the page wrote it, without the mark. */
  readonly text: string;
  readonly evidence: AnnotationEvidence;
  /** The mark as the page wrote it (symbol, parenthetical, prefix), when there is one. */
  readonly mark: string | null;
  readonly inTitle: boolean;
}

/** A mention in the article title: the title is a string, so it is marked by offsets into `Article.title`. */
export interface TitleSpan {
  readonly start: number;
  readonly end: number;
}

export interface Annotation {
  /** The registry id, or `page-N` for an organisation or person only the page marks. */
  readonly id: string;
  readonly kind: AnnotationKind;
  /** The name to show: the registry's, else the page's own wording. */
  readonly label: string;
  /** The most specific category the page states, else the registry's as of the page's date. */
  readonly category: OrgCategory;
  /** A person (a foreign agent is often one), not an organisation. */
  readonly person: boolean;
  readonly mentions: readonly AnnotationMention[];
  /** The page's own footnotes, legends and disclaimers about it, verbatim, whitespace folded. */
  readonly pageNotes: readonly string[];
  readonly registry: RegistryFacts | null;
  /** Its mentions in the title, which has its marks taken out like the body. */
  readonly titleSpans: readonly TitleSpan[];
}

export interface Article {
  readonly title: string;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly lang: string | null;
  readonly dir: string | null;
  readonly excerpt: string | null;
  /** Readability's HTML. Untrusted: it reaches a DOM only through the sanitizer. */
  readonly html: string;
  /** The article's plain text as the reader sees it, title excluded. */
  readonly text: string;
  readonly words: number;
  readonly readingMinutes: number;
}

/** Where cleanDocument spent its time, in milliseconds, in the order it runs. */
export interface Timings {
  /** The page walk, every filter's detection and the removal log. */
  readonly filters: number;
  /** The copy of the page without its clutter, and its URLs made absolute. */
  readonly clone: number;
  /** The check for prose on the page, the annotator's page lines, the visible headlines and Readability. */
  readonly readability: number;
  /** The listing check, the title, post-processing and the annotator. */
  readonly annotate: number;
  readonly total: number;
}

export type CleanStatus = 'ok' | 'not-readerable' | 'no-article';

export interface CleanResult {
  readonly status: CleanStatus;
  readonly url: string;
  readonly article: Article | null;
  readonly removals: Removal[];
  readonly annotations: Annotation[];
  readonly timingsMs: Timings;
}
