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
   * Pure detection: reads the DOM, never changes it. It runs on a detached clone in the
   * popup and the CLI, and on the live page for live cleaning, so it may not rely on layout.
   */
  detect(ctx: FilterContext): FilterMatch[];
}

export interface Removal {
  readonly filter: string;
  readonly reason: string;
  /** The removed element's visible text, whitespace folded, cut to a preview length. */
  readonly text: string;
  readonly links: number;
}

export type AnnotationKind = 'banned' | 'foreign-agent';

export interface RegistryFacts {
  readonly id: string;
  readonly name: Localized;
  readonly category: string;
  readonly authority: string;
  readonly date: string;
  readonly lifted?: string;
  readonly source: string;
}

export interface Annotation {
  readonly id: string;
  readonly kind: AnnotationKind;
  /** The mention as the page wrote it, mark included. */
  readonly text: string;
  /** The page's own footnote or parenthetical, when it has one. */
  readonly pageNote: string | null;
  readonly registry: RegistryFacts | null;
  readonly mentions: number;
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

export interface Timings {
  readonly clone: number;
  readonly filters: number;
  readonly readability: number;
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
