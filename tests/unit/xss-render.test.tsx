// @vitest-environment jsdom
/**
 * Everything page-derived that the popup shows besides the article body (title, byline,
 * site name, address, annotations, removal previews) is rendered as text: markup in those
 * strings shows literally and never becomes an element. And the sink copes with a null
 * from the sanitizer (a page that parses into a frameset) by showing an empty article.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { ArticleView } from '../../components/ArticleView.tsx';
import { SafeHtml } from '../../components/SafeHtml.tsx';
import { createArticleSanitizer, DECLUTTER_DATA_ATTRIBUTES } from '../../utils/cleaner/sanitize.ts';
import type { Annotation, Article, Removal } from '../../utils/cleaner/types.ts';
import { auditDom } from '../fixtures/xss/audit.ts';
import { XSS_VECTORS } from '../fixtures/xss/vectors.ts';

afterEach(cleanup);

const sanitize = createArticleSanitizer(window);
const HOSTILE = {
  title: 'Title <img src=x onerror=alert(1)> end',
  byline: '<script>alert(2)</script> Reporter',
  siteName: '<svg onload=alert(3)> News',
  removal: '<img src=x onerror=alert(4)> promo',
  label: '<b onclick=alert(5)>Org</b>',
  note: '<iframe src="javascript:alert(6)"></iframe> note',
  mention: '<a href="javascript:alert(7)">Org</a>',
};

function hostileArticle(html: string): Article {
  return {
    title: HOSTILE.title,
    byline: HOSTILE.byline,
    siteName: HOSTILE.siteName,
    publishedTime: '<img src=x onerror=alert(8)>',
    lang: 'en" onmouseover="alert(9)',
    dir: 'rtl" onclick="alert(10)',
    excerpt: null,
    html,
    text: 'text',
    words: 300,
    readingMinutes: 2,
  };
}

const removals: Removal[] = [{ filter: 'promo-links', reason: '<b>reason</b>', text: HOSTILE.removal, links: 1 } as unknown as Removal];

const annotations: Annotation[] = [
  {
    id: 'page-1',
    kind: 'banned',
    label: HOSTILE.label,
    category: 'extremist',
    person: false,
    mentions: [{ text: HOSTILE.mention, evidence: 'symbol', mark: '*<img src=x onerror=alert(11)>', inTitle: false }],
    pageNotes: [HOSTILE.note],
    registry: null,
    titleSpans: [],
  },
];

/** Elements outside the sanitized body that page strings could have smuggled in. */
function smuggled(container: Element): string[] {
  const body = container.querySelector('.article-body');
  return [...container.querySelectorAll('script, iframe, img, object, embed, svg, b, a')]
    .filter((el) => !body?.contains(el))
    // Our own icons and our own link to the original page.
    .filter((el) => !(el.localName === 'svg' && el.getAttribute('aria-hidden') === 'true') && !el.closest('svg[aria-hidden="true"]'))
    .filter((el) => !(el.localName === 'a' && el.classList.contains('article-source')))
    .map((el) => el.outerHTML);
}

function handlerAttributes(container: Element): string[] {
  return [...container.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`));
}

describe('page strings outside the body', () => {
  test('title, byline, site name, removal previews and annotations show their markup as text', () => {
    const { container } = render(
      <ArticleView article={hostileArticle('<p>Body.</p>')} url="https://news.example/a?<img src=x onerror=alert(12)>" removals={removals} annotations={annotations} lang="en" sanitize={sanitize} />,
    );
    const text = container.textContent ?? '';
    for (const literal of [HOSTILE.title, HOSTILE.byline, HOSTILE.siteName, HOSTILE.removal]) expect(text).toContain(literal.replace(/\s+/g, ' ').trim());
    expect(smuggled(container)).toEqual([]);
    expect(handlerAttributes(container)).toEqual([]);
  });

  test('attribute-bound page strings (lang, dir) cannot break out of their attribute', () => {
    const { container } = render(<ArticleView article={hostileArticle('<p>Body.</p>')} url="https://news.example/" removals={[]} lang="en" sanitize={sanitize} />);
    const article = container.querySelector('article')!;
    expect(article.getAttribute('lang')).toBe('en" onmouseover="alert(9)');
    expect(article.hasAttribute('dir')).toBe(false);
    expect(handlerAttributes(container)).toEqual([]);
  });

  test('a page address that is not http(s) gives no link back to it', () => {
    const { container } = render(<ArticleView article={hostileArticle('<p>Body.</p>')} url="javascript:alert(13)//https://news.example/" removals={[]} lang="en" sanitize={sanitize} />);
    expect([...container.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).toEqual([]);
  });

  test('the whole vector corpus as an article body renders through the sink with nothing executable', () => {
    const html = XSS_VECTORS.map((v) => `<p>${v.payload}</p>`).join('\n');
    const { container } = render(<ArticleView article={hostileArticle(html)} url="https://news.example/" removals={removals} annotations={annotations} lang="en" sanitize={sanitize} />);
    expect(auditDom(container.querySelector('.article-body')!, DECLUTTER_DATA_ATTRIBUTES)).toEqual([]);
    expect(handlerAttributes(container)).toEqual([]);
    expect(smuggled(container)).toEqual([]);
  });
});

describe('the sink', () => {
  test('a null from the sanitizer renders as an empty article, not a crash', () => {
    const { container } = render(<SafeHtml class="article-body" html="<frameset><frame></frameset>" sanitize={sanitize} />);
    expect(sanitize('<frameset><frame></frameset>')).toBeNull();
    const body = container.querySelector('.article-body')!;
    expect(body.children).toHaveLength(0);
    expect(body.textContent).toBe('');
  });

  test('the article view around a null body still shows its header', () => {
    const { container } = render(<ArticleView article={hostileArticle('<div id="31"><frameset onload=alert(31)>')} url="https://news.example/" removals={[]} lang="en" sanitize={sanitize} />);
    expect(container.querySelector('.article-title')!.textContent).toContain('Title');
    expect(container.querySelector('.article-body')!.textContent).toBe('');
  });

  test('switching from an article to a page the sanitizer rejects empties the body', () => {
    const { container, rerender } = render(<SafeHtml class="article-body" html="<p>First article.</p>" sanitize={sanitize} />);
    expect(container.textContent).toBe('First article.');
    rerender(<SafeHtml class="article-body" html="<frameset></frameset>" sanitize={sanitize} />);
    expect(container.querySelector('.article-body')!.children).toHaveLength(0);
    expect(container.textContent).toBe('');
  });
});
