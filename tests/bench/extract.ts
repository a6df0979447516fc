/**
 * The two extractors the benchmark compares, run on the same parsed DOM:
 * - bare `@mozilla/readability` with its default options, on a clone;
 * - the Declutter core (`cleanDocument`, every default-on filter, post-processing).
 * Both texts come from the same `articleText()` so that only extraction differs, not how
 * block boundaries turn into spaces.
 */
import { Readability } from '@mozilla/readability';
import { cleanDocument } from '../../utils/cleaner/pipeline.ts';
import { articleText } from '../../utils/cleaner/page/article-text.ts';
import { postprocess, type PostRemoval } from '../../utils/cleaner/postprocess/index.ts';
import type { CleanStatus } from '../../utils/cleaner/types.ts';

export interface Extraction {
  readonly text: string;
  readonly title: string;
  readonly ms: number;
  /** The fastest of the page's runs (equal to `ms` for one run). */
  readonly fastestMs?: number;
  /** Declutter only: cleanDocument's own parts (clone, filters, readability, annotate, total). */
  readonly parts?: Readonly<Record<string, number>>;
  /** Declutter only: 'not-readerable' pages are re-run with force, as the popup's button does. */
  readonly status: CleanStatus | 'ok' | 'error';
  /** Why the extractor threw, when it did. */
  readonly error?: string;
}

export function runReadability(doc: Document): Extraction {
  const t0 = performance.now();
  const clone = doc.cloneNode(true) as Document;
  let content: Element | null = null;
  // The default serializer is `el => el.innerHTML`; this one pays the same cost and keeps
  // the element, so the text is read from the same DOM a default caller gets as HTML.
  const parsed = new Readability(clone, {
    serializer: (el) => {
      content = el as Element;
      return (el as Element).innerHTML;
    },
  }).parse();
  const ms = performance.now() - t0;
  const el = content as Element | null;
  return { text: parsed && el ? articleText(el) : '', title: parsed?.title ?? '', ms, status: 'ok' };
}

export function runDeclutter(doc: Document, url: string): Extraction {
  const t0 = performance.now();
  let result = cleanDocument(doc, { url });
  const status = result.status;
  // The popup offers "show anyway" on pages it turns away (a listing, too little prose); a reader who asked for
  // the article gets it, so the score counts that article and the timing counts both runs.
  if (status === 'not-readerable') result = cleanDocument(doc, { url, force: true });
  const ms = performance.now() - t0;
  return { text: result.article?.text ?? '', title: result.article?.title ?? '', ms, status, parts: result.timingsMs as unknown as Record<string, number> };
}

/**
 * Post-processing's own cost on this DOM: Readability (classes kept) on a clone, then the
 * steps, timed apart, so the core's budget can be split between its parts; and the text
 * that gives, which is Declutter without its pre-filters.
 */
export function timePostprocess(doc: Document, url: string): { readability: number; post: number; text: string } {
  const clone = doc.cloneNode(true) as Document;
  const t0 = performance.now();
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse();
  const t1 = performance.now();
  if (parsed?.content) postprocess({ root: parsed.content, title: parsed.title ?? '', byline: parsed.byline ?? null, url: new URL(url), lang: '' });
  const t2 = performance.now();
  // The text Declutter would show without its pre-filters: what they change shows against it.
  return { readability: t1 - t0, post: t2 - t1, text: parsed?.content ? articleText(parsed.content) : '' };
}

/**
 * What post-processing alone removes from Readability's article on this DOM, step by step,
 * for `--explain`: the same steps the core runs, without the pre-filters in front of them.
 */
export function explainPostprocess(doc: Document, url: string): PostRemoval[] {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, keepClasses: true }).parse();
  if (!parsed?.content) return [];
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    base = new URL('about:blank');
  }
  return postprocess({
    root: parsed.content,
    title: (parsed.title ?? '').replace(/\s+/g, ' ').trim(),
    byline: parsed.byline ?? null,
    url: base,
    lang: (parsed.lang ?? '').toLowerCase(),
  });
}
