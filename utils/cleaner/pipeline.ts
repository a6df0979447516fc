/**
 * The cleaning core: DOM in, JSON out. It runs in the popup on a parsed snapshot of the
 * page, in Node under linkedom or jsdom for the CLI, tests and benchmarks, and never
 * touches the document it is given: detection reads it, and everything that changes works
 * on a copy made without the clutter (extract/copy.ts).
 */
import { Readability } from '@mozilla/readability';
import { FILTERS } from './detect/filters/index.ts';
import { annotateArticle, pageLines } from './annotate/banned-orgs.ts';
import { detectIn, pageContext, type DetectedClutter } from './detect/detect.ts';
import { looksLikeListing } from './detect/listing.ts';
import { noProseOnPage, tooLittleProse } from './detect/prose.ts';
import { postprocess } from './postprocess/index.ts';
import { foldSpaces, visibleText } from './page/visible-text.ts';
import { pageStats } from './page/walk.ts';
import { absolutizeUrls } from './page/urls.ts';
import { copyWithout, neverShown } from './extract/copy.ts';
import { machineMetadata } from './extract/microdata.ts';
import { noteLeadFigures, restoreLeadFigures } from './extract/lead-figure.ts';
import { fillPictureSources } from './extract/picture-sources.ts';
import { paragraphsFromLongHeadings } from './extract/lead-heading.ts';
import { shieldPictureCredits, unshieldPictureCredits } from './extract/caption-byline.ts';
import { unwrapEmbeddedPosts } from './extract/embedded-posts.ts';
import { declaredTitles, fullHeadline, headingOf, visibleHeadlines } from './extract/title.ts';
import { publicationDate } from './extract/dates.ts';
import { cleanByline } from './extract/byline.ts';
import { withRegions } from './extract/region.ts';
import { articleText, countWords, readingMinutes } from './page/article-text.ts';
import type { Article, CleanResult, ClutterFilter, Removal } from './types.ts';

export interface CleanOptions {
  /** The page's address; relative links and images are resolved against it. */
  url: string;
  /** Filters to run. Defaults to every filter that is on by default. */
  filters?: readonly ClutterFilter[];
  /** Extract even what is clearly no article (a listing, a few words): the popup's "Show anyway". */
  force?: boolean;
  /** Turn banned-organization marks into annotations (on by default). */
  annotate?: boolean;
  /** Clock for the timings; injected so tests can make them deterministic. */
  now?: () => number;
}

/** Longest preview of a removed element kept in the removal log. */
const PREVIEW_CHARS = 600;

export function defaultFilters(): ClutterFilter[] {
  return FILTERS.filter((f) => f.defaultEnabled);
}

export function cleanDocument(doc: Document, options: CleanOptions): CleanResult {
  const now = options.now ?? (() => performance.now());
  const filters = options.filters ?? defaultFilters();
  const t0 = now();

  const ctx = pageContext(doc, options.url);
  const base = ctx.url;
  const chosen = detectIn(ctx, filters);
  const removals = logRemovals(chosen);
  const t1 = now();

  let t2 = t1;
  const empty = (status: CleanResult['status'], t3 = now()): CleanResult => ({
    status,
    url: options.url,
    article: null,
    removals,
    annotations: [],
    timingsMs: { filters: t1 - t0, clone: t2 - t1, readability: t3 - t2, annotate: 0, total: t3 - t0 },
  });

  // A click is answered with the article unless it is clearly none (detect/prose.ts; a
  // listing, below): here, no block of the page holds a sentence, and nothing is copied.
  if (!options.force && noProseOnPage(pageStats(ctx), doc)) return empty('not-readerable');

  // Microdata hidden by the site's style sheet is not clutter the reader could switch back on:
  // it never showed, so it leaves the copy like scripts do, unlogged (extract/microdata.ts).
  const copy = copyWithout(doc, [...chosen.map((m) => m.element), ...neverShown(pageStats(ctx)), ...machineMetadata(pageStats(ctx))]);
  absolutizeUrls(copy, base);
  t2 = now();

  // The footnotes that explain a page's marks often sit outside the element Readability
  // picks, so the annotator gets the whole page's lines before Readability prunes it.
  const annotate = options.annotate ?? true;
  const pageForNotes = annotate ? pageLines(copy.body) : null;

  const headlines = visibleHeadlines(copy);
  const declared = declaredTitles(copy);
  // After the headlines are read: a lead set as a heading is text for Readability, not a title.
  paragraphsFromLongHeadings(copy, pageStats(ctx));
  // Readability's blind spots around pictures (extract/lead-figure.ts, extract/caption-byline.ts) and quoted
  // posts (extract/embedded-posts.ts); the lead figures are copied before the credits' names are
  // shielded, so they keep the page's names.
  const leadFigures = noteLeadFigures(copy);
  shieldPictureCredits(copy);
  unwrapEmbeddedPosts(copy);
  let parsed = parseArticle(copy);
  // Never less than bare Readability: where the copy prepared for it yields no prose (a page
  // whose pre-steps led Readability to another block), Readability reads the page as it is,
  // and its answer stands when that one has prose. Only such pages pay for the second run.
  if (!parsed?.content || tooLittleProse(parsed.content)) {
    const plain = copyWithout(doc, []);
    absolutizeUrls(plain, base);
    const again = parseArticle(plain);
    if (again?.content && !tooLittleProse(again.content)) parsed = again;
  }
  const content = parsed?.content;
  const t3 = now();
  if (!parsed || !content) return empty('no-article', t3);
  restoreLeadFigures(leadFigures, content, copy);
  fillPictureSources(content, base);
  unshieldPictureCredits(content);
  // Clearly no article: a front or section page of teasers (detect/listing.ts), or too little
  // prose to read. The reader can still ask for it ("Show anyway", --force).
  if (!options.force && (tooLittleProse(content) || looksLikeListing(content, base))) return empty('not-readerable', t3);
  const title = fullHeadline(parsed.title ?? '', headlines, declared, base.hostname);
  // Before post-processing changes its paragraphs: where on the page the article was, and so
  // which removals were in or beside it (what the removal line counts) and which were chrome.
  const located = withRegions(removals, chosen, pageStats(ctx), content);

  const tidied = postprocess({
    root: content,
    title,
    byline: cleanMeta(parsed.byline),
    url: base,
    lang: (parsed.lang || doc.documentElement?.getAttribute('lang') || '').toLowerCase(),
    filters: new Set(filters.map((f) => f.id)),
  });
  // What a filter's own in-body step removed is listed under that filter, like the rest of
  // its removals; pure tidying (credits, a repeated title) is not clutter the reader toggles.
  for (const r of tidied) {
    if (r.filter) located.push({ filter: r.filter, reason: `${r.step}: ${r.reason}`, text: r.text, links: r.links, region: 'article' });
  }
  // The page's date decides what the registry may name unmarked; its own name is never a mention.
  // (The <title> is read by query: linkedom's `document.title` adds a <head> to a page without one.)
  const facts = { publishedTime: cleanMeta(parsed.publishedTime), siteName: cleanMeta(parsed.siteName), byline: cleanMeta(parsed.byline) };
  const annotated = pageForNotes
    ? annotateArticle(content, pageForNotes, title, { ...facts, pageTitle: doc.querySelector('title')?.textContent ?? null })
    : null;
  const annotations = annotated?.annotations ?? [];
  const t4 = now();

  const text = articleText(content);
  const lang = parsed.lang || doc.documentElement?.getAttribute('lang') || null;
  const words = countWords(text);
  const article: Article = {
    // The annotator takes the marks out of the title too («ИГ*» reads «ИГ», the note keeps the mark).
    title: annotated?.readingTitle ?? title,
    byline: cleanByline(parsed.byline),
    siteName: cleanMeta(parsed.siteName),
    publishedTime: publicationDate(parsed.publishedTime, headingOf(title, headlines)?.date ?? null),
    lang,
    dir: cleanMeta(parsed.dir),
    excerpt: cleanMeta(parsed.excerpt),
    html: content.innerHTML,
    text,
    words,
    readingMinutes: readingMinutes(words, lang),
  };
  return {
    status: 'ok',
    url: options.url,
    article,
    removals: located,
    annotations,
    timingsMs: { filters: t1 - t0, clone: t2 - t1, readability: t3 - t2, annotate: t4 - t3, total: now() - t0 },
  };
}

function cleanMeta(value: string | null | undefined): string | null {
  const folded = foldSpaces(value ?? '');
  return folded || null;
}

/** What detection found, as the reader sees it listed: each element with its reason, read before the copy leaves it out. */
function logRemovals(chosen: readonly DetectedClutter[]): Removal[] {
  return chosen.map((m): Removal => {
    const text = visibleText(m.element, PREVIEW_CHARS);
    return {
      filter: m.filter,
      reason: m.reason,
      text: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text,
      links: m.links,
    };
  });
}

/**
 * Readability assumes a well-formed tree: on documents whose content is not under <body>
 * (which linkedom builds from malformed markup, and the CLI reads such files) it walks past
 * the root and throws. A page it cannot read has no article; that is an answer, not an error.
 */
function parseArticle(doc: Document): ReturnType<Readability<Element>['parse']> {
  try {
    // keepClasses: post-processing reads the page's class names inside the article (credits,
    // share bars), then strips them exactly as Readability would have.
    return new Readability<Element>(doc, { serializer: (node) => node as Element, keepClasses: true }).parse();
  } catch {
    return null;
  }
}
