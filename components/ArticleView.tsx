import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Annotation, Article, Lang, Removal } from '../utils/cleaner/types.ts';
import type { ArticleSanitizer } from '../utils/cleaner/sanitize.ts';
import { t } from '../utils/i18n.ts';
import { formatLongDate } from '../utils/locale-format.ts';
import { AnnotationList } from './AnnotationList.tsx';
import { AnnotationNotes } from './AnnotationNotes.tsx';
import { AnnotationTitle } from './AnnotationTitle.tsx';
import { Icon } from './Icon.tsx';
import { RemovalSummary } from './RemovalSummary.tsx';
import { SafeHtml } from './SafeHtml.tsx';
import { bindShortWords, typesetFragment } from './typography.ts';
import { hideFailedPictures, markLoneCaptions } from './figures.ts';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, pre, td, th, dt, dd, div';
const fold = (text: string): string => text.replace(/[\s\u00a0\u2009\u202f\u200b\ufeff]+/g, ' ').trim();

/**
 * Marks the blocks whose text came back with the last switch (their text as the core's
 * articleText gives it) and brings the first into view, so the reader sees at once what the
 * filter had removed. Typesetting only swaps spaces for no-break spaces, which fold alike.
 */
function markRestored(body: Element, restored: readonly string[]): void {
  for (const old of body.querySelectorAll('[data-restored]')) old.removeAttribute('data-restored');
  if (!restored.length) return;
  const wanted = new Set(restored);
  let first: Element | null = null;
  for (const block of body.querySelectorAll(BLOCKS)) {
    if (block.querySelector(BLOCKS) || !wanted.has(fold(block.textContent ?? ''))) continue;
    block.setAttribute('data-restored', '');
    first ??= block;
  }
  first?.scrollIntoView({ block: 'center' });
}

/** A date in the reader's language; a value that is not a date is shown as the page wrote it. */
export function formatDate(value: string | null, lang: Lang): { text: string; iso: string | undefined } | null {
  if (!value) return null;
  // A date alone (a dateline without a time) is that day where the page was written: Date
  // would read "2018-08-27" as UTC midnight and show the 26th west of Greenwich.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return { text: value, iso: undefined };
  return { text: formatLongDate(lang, date), iso: date.toISOString() };
}

function httpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

// Case and accents aside, as a collator's 'base' strength compares, but without a collator:
// its first use in a fresh process costs 14-24 ms (see utils/locale-format.ts).
const baseLetters = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const sameWords = (a: string, b: string): boolean => baseLetters(a) === baseLetters(b);

/**
 * The clean article. Everything the page wrote is untrusted: metadata is rendered as text,
 * the body only through the sanitizer. The meta line is our own words, so it speaks the
 * UI's language while the article keeps the page's `lang` and direction.
 */
export function ArticleView(props: {
  article: Article;
  url: string;
  removals: readonly Removal[];
  annotations?: readonly Annotation[];
  lang: Lang;
  sanitize: ArticleSanitizer;
  /** Blocks that came back with the last filter switch, to be marked and brought into view. */
  restored?: readonly string[];
  children?: ComponentChildren;
}) {
  const { article, lang } = props;
  const annotations = props.annotations ?? [];
  const root = useRef<HTMLElement>(null);
  const page = httpUrl(props.url);
  const host = page?.hostname.replace(/^www\./, '') ?? '';
  const site = article.siteName ?? host;
  // Sites often put their own name in the author field; once is enough.
  const byline = article.byline && !(site && sameWords(article.byline, site)) ? article.byline : null;
  const date = formatDate(article.publishedTime, lang);
  const dir = article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : undefined;
  // The fragment as shown: a caption never alone (figures.ts), and Russian typesetting.
  const missing = t(lang, 'pictureMissing');
  const prepare = useMemo(
    () => (fragment: DocumentFragment) => {
      markLoneCaptions(fragment, missing);
      typesetFragment(fragment);
    },
    [missing],
  );
  const missingLabel = useRef(missing);
  missingLabel.current = missing;
  useEffect(() => (root.current ? hideFailedPictures(root.current, () => missingLabel.current) : undefined), []);
  // After SafeHtml's own layout effect (a child's runs first) has put the new body in place.
  useLayoutEffect(() => {
    const body = root.current?.querySelector('.article-body');
    if (body) markRestored(body, props.restored ?? []);
  }, [article.html, props.restored]);
  return (
    <article ref={root} class="article" lang={article.lang ?? undefined} dir={dir}>
      <header class="article-header">
        {site && <p class="article-site">{site}</p>}
        <h1 class="article-title">{article.title ? <AnnotationTitle title={bindShortWords(article.title)} annotations={annotations} /> : t(lang, 'noTitle')}</h1>
        {/* The meta line and what was removed share one row: the body starts a line higher. */}
        <div class="article-meta" lang={lang}>
          <p class="meta-items">
            {byline && <span class="article-byline">{byline}</span>}
            {date && (
              <time class="article-date" dateTime={date.iso}>
                {date.text}
              </time>
            )}
            <span class="article-reading-time">{t(lang, 'minutes', { count: article.readingMinutes })}</span>
          </p>
          <RemovalSummary lang={lang} removals={props.removals} />
        </div>
        <AnnotationList annotations={annotations} lang={lang} />
      </header>
      <SafeHtml class="article-body" html={article.html} sanitize={props.sanitize} typeset={prepare} />
      <AnnotationNotes root={root} annotations={annotations} lang={lang} />
      {props.children}
      {page && (
        <footer class="article-footer" lang={lang}>
          <a class="article-source" href={page.href} target="_blank" rel="noopener noreferrer">
            {t(lang, 'original', { host })}
            <Icon name="external" size={14} />
          </a>
        </footer>
      )}
    </article>
  );
}
