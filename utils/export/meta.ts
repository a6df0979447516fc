/**
 * What an exported or printed article says about itself beside its body: the site, the
 * byline (unless it only repeats the site), the published date, and the source address.
 * Pure: plain values in, plain values out.
 */
import type { Annotation, Article, Lang } from '../cleaner/types.ts';
import { formatLongDate } from '../locale-format.ts';

/** What every exporter is given: the clean result and the sanitized body it will write. */
export interface ExportInput {
  readonly article: Article;
  /** The page's address. */
  readonly url: string;
  readonly annotations: readonly Annotation[];
  /** The UI's language: the words Declutter adds (notes, "Source") are written in it. */
  readonly lang: Lang;
  /** The article body as the sanitizer returned it. Never page HTML that skipped the sanitizer. */
  readonly body: DocumentFragment | Element;
}

export interface ArticleMeta {
  readonly site: string | null;
  readonly byline: string | null;
  /** The date as the page gave it (ISO when it parses), for front matter. */
  readonly date: string | null;
  /** The same date in the reader's words. */
  readonly dateText: string | null;
  /** The address, only when it is a web address. */
  readonly source: string | null;
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

export function articleMeta(article: Article, url: string, lang: Lang): ArticleMeta {
  let source: string | null = null;
  let host = '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      source = parsed.href;
      host = parsed.hostname.replace(/^www\./, '');
    }
  } catch {
    // Not an address: exported without one.
  }
  const site = article.siteName?.trim() || host || null;
  // Sites often put their own name in the author field; once is enough (as the reader shows it).
  const byline = article.byline?.trim() && !(site && fold(article.byline) === fold(site)) ? article.byline.trim() : null;
  const raw = article.publishedTime?.trim() || null;
  const parsed = raw ? new Date(raw) : null;
  const valid = parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
  return {
    site,
    byline,
    date: valid ? valid.toISOString() : raw,
    dateText: valid ? formatLongDate(lang, valid) : raw,
    source,
  };
}

/** A file name for the article: its title without the characters file systems refuse, cut short. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFC')
    // Control characters, path separators and the characters Windows refuses in names.
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  const cut = [...base].slice(0, 80).join('').trim();
  return `${cut || 'article'}.${extension}`;
}
