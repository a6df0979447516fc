import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
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

/** A date in the reader's language; a value that is not a date is shown as the page wrote it. */
export function formatDate(value: string | null, lang: Lang): { text: string; iso: string | undefined } | null {
  if (!value) return null;
  const date = new Date(value);
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
  return (
    <article ref={root} class="article" lang={article.lang ?? undefined} dir={dir}>
      <header class="article-header">
        {site && <p class="article-site">{site}</p>}
        <h1 class="article-title">{article.title ? <AnnotationTitle title={bindShortWords(article.title)} annotations={annotations} /> : t(lang, 'noTitle')}</h1>
        <p class="article-meta" lang={lang}>
          <span class="meta-items">
            {byline && <span class="article-byline">{byline}</span>}
            {date && (
              <time class="article-date" dateTime={date.iso}>
                {date.text}
              </time>
            )}
            <span class="article-reading-time">{t(lang, 'minutes', { count: article.readingMinutes })}</span>
          </span>
        </p>
        <div lang={lang}>
          <RemovalSummary lang={lang} removals={props.removals} />
        </div>
        <AnnotationList annotations={annotations} lang={lang} />
      </header>
      <SafeHtml class="article-body" html={article.html} sanitize={props.sanitize} typeset={typesetFragment} />
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
