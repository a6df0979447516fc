import type { Article, Lang, Removal } from '../utils/cleaner/types.ts';
import type { ArticleSanitizer } from '../utils/cleaner/sanitize.ts';
import { t } from '../utils/i18n.ts';
import { RemovalSummary } from './RemovalSummary.tsx';
import { SafeHtml } from './SafeHtml.tsx';

function formatDate(value: string | null, lang: Lang): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export function ArticleView(props: { article: Article; url: string; removals: readonly Removal[]; lang: Lang; sanitize: ArticleSanitizer }) {
  const { article, lang } = props;
  const date = formatDate(article.publishedTime, lang);
  const meta = [article.siteName ?? hostOf(props.url), article.byline, date, t(lang, 'minutes', { count: article.readingMinutes })].filter(
    (part): part is string => Boolean(part),
  );
  return (
    <article class="article" lang={article.lang ?? undefined} dir={article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : undefined}>
      <header>
        <h1 class="article-title">{article.title || t(lang, 'noTitle')}</h1>
        <p class="article-meta">{meta.join(' · ')}</p>
        <RemovalSummary lang={lang} removals={props.removals} />
      </header>
      <SafeHtml class="article-body" html={article.html} sanitize={props.sanitize} />
    </article>
  );
}
