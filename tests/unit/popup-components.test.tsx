// @vitest-environment jsdom
/**
 * The popup's components as a reader meets them: what the article view shows, how the
 * removal line reads in English and Russian, and the states that replace a blank popup.
 * Components get plain props and signals; no browser API is involved.
 */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ArticleView } from '../../components/ArticleView.tsx';
import { FilterPanel } from '../../components/FilterPanel.tsx';
import { LoadingView } from '../../components/LoadingView.tsx';
import { RemovalSummary, summarizeRemovals } from '../../components/RemovalSummary.tsx';
import { StatusView } from '../../components/StatusView.tsx';
import { Toolbar } from '../../components/Toolbar.tsx';
import { bindShortWords } from '../../components/typography.ts';
import { hideFailedPictures, markLoneCaptions } from '../../components/figures.ts';
import { restoredBlocks } from '../../entrypoints/popup/restored.ts';
import { FILTERS } from '../../utils/cleaner/detect/filters/index.ts';
import { createArticleSanitizer } from '../../utils/cleaner/sanitize.ts';
import type { Article, ClutterFilter, Removal } from '../../utils/cleaner/types.ts';
import { countOf, t } from '../../utils/i18n.ts';

afterEach(cleanup);

const sanitize = createArticleSanitizer(window);

function article(overrides: Partial<Article> = {}): Article {
  return {
    title: 'The old harbour gets its tide back',
    byline: 'Maria Lindqvist',
    siteName: 'The Coastline Courier',
    publishedTime: '2024-05-14T08:30:00Z',
    lang: 'en',
    dir: null,
    excerpt: null,
    html: '<p>Engineers removed the dam.</p><h2>What changes</h2><ul><li>Moorings rise</li></ul><blockquote><p>Tidal water is the cheapest cleaner.</p></blockquote><figure><img src="https://news.example/a.jpg" alt="Harbour"><figcaption>The basin</figcaption></figure><p><a href="https://news.example/report">the report</a></p>',
    text: 'Engineers removed the dam.',
    words: 460,
    readingMinutes: 2,
    ...overrides,
  };
}

function renderArticle(a: Article, lang: 'en' | 'ru' = 'en', removals: Removal[] = []) {
  return render(<ArticleView article={a} url="https://www.news.example/2024/harbour" removals={removals} lang={lang} sanitize={sanitize} />);
}

const removal = (filter: string, links: number, text = 'x'): Removal => ({ filter, reason: 'test', text, links });

describe('ArticleView', () => {
  test('shows site, title, byline, date and reading time', () => {
    const { container } = renderArticle(article());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The old harbour gets its tide back');
    expect(container.querySelector('.article-site')?.textContent).toBe('The Coastline Courier');
    const meta = container.querySelector('.article-meta')!;
    expect(meta.textContent).toContain('Maria Lindqvist');
    expect(meta.textContent).toContain('May 14, 2024');
    expect(meta.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-14T08:30:00.000Z');
    expect(meta.textContent).toContain('2 min read');
  });

  test('speaks the reader’s language in the meta line and keeps the page’s in the article', () => {
    const { container } = renderArticle(article({ lang: 'en' }), 'ru');
    expect(container.querySelector('.article-meta')?.textContent).toContain('14 мая 2024');
    expect(container.querySelector('.article-meta')?.textContent).toContain('2 мин чтения');
    expect(container.querySelector('.article-meta')?.getAttribute('lang')).toBe('ru');
    expect(container.querySelector('article')?.getAttribute('lang')).toBe('en');
  });

  test('keeps a right-to-left article right to left', () => {
    const { container } = renderArticle(article({ lang: 'he', dir: 'rtl' }));
    expect(container.querySelector('article')?.getAttribute('dir')).toBe('rtl');
    expect(container.querySelector('article')?.getAttribute('lang')).toBe('he');
  });

  test('ignores a direction that is neither ltr nor rtl', () => {
    const { container } = renderArticle(article({ dir: 'sideways' }));
    expect(container.querySelector('article')?.hasAttribute('dir')).toBe(false);
  });

  test('renders the body through the sanitizer: structure kept, links open in a new tab', () => {
    const { container } = renderArticle(article());
    const body = container.querySelector('.article-body')!;
    expect(body.querySelector('h2')?.textContent).toBe('What changes');
    expect(body.querySelector('ul li')?.textContent).toBe('Moorings rise');
    expect(body.querySelector('blockquote')?.textContent).toBe('Tidal water is the cheapest cleaner.');
    expect(body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example/a.jpg');
    expect(body.querySelector('figcaption')?.textContent).toBe('The basin');
    const link = body.querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('hostile page HTML does not run: no scripts, handlers or javascript: links', () => {
    const { container } = renderArticle(
      article({ html: '<p>Text<img src="https://x.example/i.png" onerror="alert(1)"></p><script>alert(2)</script><a href="javascript:alert(3)">x</a><p onclick="alert(4)">y</p>' }),
    );
    const body = container.querySelector('.article-body')!;
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('[onerror], [onclick]')).toBeNull();
    expect(body.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(body.textContent).toContain('Text');
  });

  test('page metadata is shown as text, never as markup', () => {
    const { container } = renderArticle(article({ byline: '<img src=x onerror=alert(1)>', title: '<b>Bold</b> title' }));
    expect(container.querySelector('.article-byline')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('h1')?.textContent).toBe('<b>Bold</b> title');
    expect(container.querySelector('header img, h1 b')).toBeNull();
  });

  test('a byline that only repeats the site name is shown once', () => {
    const { container } = renderArticle(article({ siteName: 'Газета.Ru', byline: 'газета.ru' }), 'ru');
    expect(container.querySelector('.article-byline')).toBeNull();
    expect(container.querySelector('.article-site')?.textContent).toBe('Газета.Ru');
    const accented = renderArticle(article({ siteName: 'Le Café Économique', byline: 'le cafe economique' }));
    expect(accented.container.querySelector('.article-byline')).toBeNull();
    const other = renderArticle(article({ siteName: 'Le Café', byline: 'Léa Café' }));
    expect(other.container.querySelector('.article-byline')?.textContent).toBe('Léa Café');
  });

  test('without a site name the host stands in; without a title, a placeholder', () => {
    const { container } = renderArticle(article({ siteName: null, title: '' }));
    expect(container.querySelector('.article-site')?.textContent).toBe('news.example');
    expect(container.querySelector('h1')?.textContent).toBe(t('en', 'noTitle'));
  });

  test('an unparseable date is shown as the page wrote it, and no date at all is left out', () => {
    const odd = renderArticle(article({ publishedTime: 'вчера, 19:42' }));
    expect(odd.container.querySelector('time')?.textContent).toBe('вчера, 19:42');
    cleanup();
    const none = renderArticle(article({ publishedTime: null }));
    expect(none.container.querySelector('time')).toBeNull();
  });

  test('links to the original page, opening in a new tab', () => {
    renderArticle(article());
    const link = screen.getByRole('link', { name: /Original on news\.example/ });
    expect(link.getAttribute('href')).toBe('https://www.news.example/2024/harbour');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('RemovalSummary', () => {
  const [cookies, promos, , sidebars] = FILTERS;
  const removals = [
    removal(cookies.id, 0, 'We use cookies'),
    removal(promos.id, 1, 'Subscribe in Telegram'),
    removal(promos.id, 1, 'Follow us on MAX'),
    removal(sidebars.id, 20, 'Most read: twenty headlines'),
  ];

  test('one short line per filter, with the link count where it says more than the item count', () => {
    expect(summarizeRemovals('en', removals)).toBe(
      `Removed: ${countOf('en', cookies.noun, 1)}, ${countOf('en', promos.noun, 2)}, ${countOf('en', sidebars.noun, 1)} (20\u00a0links)`,
    );
  });

  test('reads as Russian in Russian, plural forms included', () => {
    expect(summarizeRemovals('ru', removals)).toBe(
      `Убрано: ${countOf('ru', cookies.noun, 1)}, ${countOf('ru', promos.noun, 2)}, ${countOf('ru', sidebars.noun, 1)} (20\u00a0ссылок)`,
    );
    expect(summarizeRemovals('ru', [removal(sidebars.id, 21)])).toBe(`Убрано: ${countOf('ru', sidebars.noun, 1)} (21\u00a0ссылка)`);
    expect(summarizeRemovals('ru', [removal(sidebars.id, 3)])).toBe(`Убрано: ${countOf('ru', sidebars.noun, 1)} (3\u00a0ссылки)`);
  });

  test('the cookie filter counts in words a reader uses', () => {
    expect(countOf('en', cookies.noun, 1)).toMatch(/^1\scookie/);
    expect(countOf('ru', cookies.noun, 1)).toMatch(/^1\sуведомлени/);
    expect(countOf('ru', cookies.noun, 2)).toMatch(/^2\sуведомлени/);
  });

  test('the site chrome far from the article (region "page") is not counted: no reader shows it', () => {
    const chrome = { ...removal(sidebars.id, 40, 'Site menu'), region: 'page' } as Removal;
    const near = { ...removal(promos.id, 1, 'Subscribe in Telegram'), region: 'near' } as Removal;
    render(<RemovalSummary lang="en" removals={[chrome, near]} />);
    expect(document.querySelector('summary')?.textContent).toBe(`Removed: ${countOf('en', promos.noun, 1)}`);
    cleanup();
    render(<RemovalSummary lang="en" removals={[chrome]} />);
    expect(screen.getByText(t('en', 'removedNothing'))).toBeTruthy();
  });

  test('nothing removed is said plainly, not as an empty list', () => {
    render(<RemovalSummary lang="ru" removals={[]} />);
    expect(screen.getByText(t('ru', 'removedNothing'))).toBeTruthy();
    expect(document.querySelector('details')).toBeNull();
  });

  test('expands to every removed item’s text, labelled with its filter', () => {
    const { container } = render(<RemovalSummary lang="en" removals={removals} />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    fireEvent.click(container.querySelector('summary')!);
    const items = [...container.querySelectorAll('.removal-list li')];
    expect(items.map((li) => li.querySelector('.removal-text')?.textContent)).toEqual([
      'We use cookies',
      'Subscribe in Telegram',
      'Follow us on MAX',
      'Most read: twenty headlines',
    ]);
    expect(items[0]!.querySelector('.removal-filter')?.textContent).toBe(cookies.label.en);
  });
});

describe('states', () => {
  test('loading says so to screen readers and shows the outline of an article', () => {
    const { container } = render(<LoadingView label={t('en', 'loading')} />);
    expect(screen.getByRole('status').textContent).toContain('Reading the page…');
    expect(container.querySelector('.skeleton')?.getAttribute('aria-hidden')).toBe('true');
  });

  test('a status has a title, an explanation, details and its action', () => {
    const retry = vi.fn();
    render(
      <StatusView state="error" icon="alert" title={t('ru', 'errorTitle')} body={t('ru', 'errorBody')} detail="TypeError: x is undefined">
        <button type="button" onClick={retry}>
          {t('ru', 'retry')}
        </button>
      </StatusView>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Что-то пошло не так');
    expect(screen.getByText(t('ru', 'errorBody'))).toBeTruthy();
    expect(screen.getByText('TypeError: x is undefined')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Попробовать снова' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('filters', () => {
  const states = signal(FILTERS.map((filter, i) => ({ filter: filter as ClutterFilter, on: i !== 1, site: null, fallback: i !== 1 })));
  const panel = (props: Partial<Parameters<typeof FilterPanel>[0]> = {}) => (
    <FilterPanel
      id="p"
      lang="en"
      site="news.example"
      states={states}
      removals={[]}
      annotationsOn={signal(true)}
      onToggle={() => {}}
      onToggleAnnotations={() => {}}
      onResetSite={() => {}}
      {...props}
    />
  );
  const descriptionOf = (name: string) => {
    const input = screen.getByRole('switch', { name }) as HTMLInputElement;
    return document.getElementById(input.getAttribute('aria-describedby')!)?.textContent ?? '';
  };

  test('one switch per filter plus annotations, each labelled and described', () => {
    render(panel({ lang: 'ru' }));
    const switches = screen.getAllByRole('switch');
    expect(switches).toHaveLength(FILTERS.length + 1);
    for (const filter of FILTERS) expect(descriptionOf(filter.label.ru)).toContain(filter.description.ru);
    expect((screen.getByRole('switch', { name: FILTERS[1].label.ru }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: t('ru', 'annotations') }) as HTMLInputElement).checked).toBe(true);
  });

  test('each filter says what it removed on this page, counting only what was in or beside the article', () => {
    const removals = [
      { filter: FILTERS[0].id, reason: 'r', text: 'a', links: 0, region: 'article' },
      { filter: FILTERS[0].id, reason: 'r', text: 'b', links: 0, region: 'near' },
      { filter: FILTERS[0].id, reason: 'r', text: 'c', links: 0, region: 'page' },
      { filter: FILTERS[2].id, reason: 'r', text: 'd', links: 9, region: 'page' },
    ] as Removal[];
    render(panel({ removals }));
    expect(descriptionOf(FILTERS[0].label.en)).toMatch(new RegExp(`^Removed here: 2\u00a0${FILTERS[0].noun.en.other}\.`));
    expect(descriptionOf(FILTERS[1].label.en)).toMatch(/^Off here\./);
    expect(descriptionOf(FILTERS[2].label.en)).toMatch(/^Here only the site’s own frame, nothing in or beside the article\./);
    expect(descriptionOf(FILTERS[3].label.en)).toMatch(/^Nothing here\./);
  });

  test('flipping a switch reports the filter, its new state and where it applies', () => {
    const onToggle = vi.fn();
    const onToggleAnnotations = vi.fn();
    render(panel({ onToggle, onToggleAnnotations }));
    fireEvent.click(screen.getByRole('switch', { name: FILTERS[0].label.en }));
    expect(onToggle).toHaveBeenCalledWith(FILTERS[0], false, 'everywhere');
    fireEvent.click(screen.getByRole('radio', { name: t('en', 'scopeSite', { site: 'news.example' }) }));
    fireEvent.click(screen.getByRole('switch', { name: FILTERS[1].label.en }));
    expect(onToggle).toHaveBeenLastCalledWith(FILTERS[1], true, 'site');
    fireEvent.click(screen.getByRole('switch', { name: t('en', 'annotations') }));
    expect(onToggleAnnotations).toHaveBeenCalledWith(false);
  });

  test('a site with rules of its own opens on its own scope, marks what differs, and resets in one click', () => {
    const onResetSite = vi.fn();
    const own = signal(FILTERS.map((filter, i) => ({ filter: filter as ClutterFilter, on: i !== 0, site: i === 0 ? false : null, fallback: true })));
    render(panel({ states: own, onResetSite }));
    expect((screen.getByRole('radio', { name: t('en', 'scopeSite', { site: 'news.example' }) }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(t('en', 'siteOwn'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('en', 'siteReset') }));
    expect(onResetSite).toHaveBeenCalledOnce();
  });

  const toolbar = (props: Partial<Parameters<typeof Toolbar>[0]> = {}) => (
    <Toolbar lang="en" open={null} onSheet={() => {}} buttons={{ filters: null, page: null, text: null }} filtersOn={FILTERS.length - 1} filtersTotal={FILTERS.length} {...props} />
  );

  test('the toolbar counts the filters that are on and says which sheet is open', () => {
    const onSheet = vi.fn();
    render(toolbar({ onSheet, onOpenInTab: () => {}, page: 'off' }));
    const button = screen.getByRole('button', { name: /Filters/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.textContent).toContain(`${FILTERS.length - 1}/${FILTERS.length}`);
    fireEvent.click(button);
    expect(onSheet).toHaveBeenCalledWith('filters');
    fireEvent.click(screen.getByRole('button', { name: t('en', 'pageMenu') }));
    expect(onSheet).toHaveBeenLastCalledWith('page');
    expect(screen.getByRole('button', { name: t('en', 'openInTab') })).toBeTruthy();
  });

  test('without an article to move (or already in a tab) there is no "open in a tab" button, and no page button in the reader tab', () => {
    render(toolbar({ open: 'filters' }));
    expect(screen.queryByRole('button', { name: t('en', 'openInTab') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('en', 'pageMenu') })).toBeNull();
    expect(screen.getByRole('button', { name: /Filters/ }).getAttribute('aria-expanded')).toBe('true');
  });
});

test('Escape inside the filter panel closes it', () => {
  const onClose = vi.fn();
  const states = signal(FILTERS.map((filter) => ({ filter: filter as ClutterFilter, on: true, site: null, fallback: true })));
  render(
    <FilterPanel id="p" lang="en" site="" states={states} removals={[]} annotationsOn={signal(true)} onToggle={() => {}} onToggleAnnotations={() => {}} onResetSite={() => {}} onClose={onClose} />,
  );
  fireEvent.keyDown(screen.getByRole('switch', { name: FILTERS[0].label.en }), { key: 'Escape' });
  expect(onClose).toHaveBeenCalledOnce();
});

describe('figures', () => {
  const fragment = (html: string) => document.createRange().createContextualFragment(html);
  test('a figure that is only a caption says its picture is missing; a quote with its attribution is left alone', () => {
    const shown = fragment('<figure id="lone"><figcaption>Photo: the harbour</figcaption></figure><figure id="quote"><blockquote>Kept text</blockquote><figcaption>A. Author</figcaption></figure><figure id="pic"><img src="a.jpg" alt=""><figcaption>With picture</figcaption></figure>');
    markLoneCaptions(shown, 'Picture not available');
    expect(shown.querySelector('#lone')!.getAttribute('data-missing-label')).toBe('Picture not available');
    expect(shown.querySelector('#quote')!.hasAttribute('data-missing')).toBe(false);
    expect(shown.querySelector('#pic')!.hasAttribute('data-missing')).toBe(false);
    expect(shown.querySelectorAll('figcaption')).toHaveLength(3);
  });

  test('a picture that fails to load: its caption shows under a "missing" frame, a figure without one goes, one picture of two keeps the figure', () => {
    const root = document.createElement('div');
    root.append(
      fragment('<figure id="one"><img id="a" src="a.jpg" alt=""><figcaption>Alone</figcaption></figure><figure id="two"><img id="b" src="b.jpg" alt=""><img id="c" src="c.jpg" alt=""><figcaption>Two</figcaption></figure><figure id="bare"><img id="d" src="d.jpg" alt=""></figure>'),
    );
    document.body.append(root);
    const stop = hideFailedPictures(root, () => 'Picture not available');
    for (const id of ['#a', '#b', '#d']) root.querySelector(id)!.dispatchEvent(new Event('error'));
    expect(root.querySelector('#a')!.hasAttribute('hidden')).toBe(true);
    expect(root.querySelector('#one')!.getAttribute('data-missing-label')).toBe('Picture not available');
    expect(root.querySelector('#two')!.hasAttribute('data-missing')).toBe(false);
    expect((root.querySelector('#bare') as HTMLElement).hidden).toBe(true);
    root.querySelector('#c')!.dispatchEvent(new Event('error'));
    expect(root.querySelector('#two')!.hasAttribute('data-missing')).toBe(true);
    stop();
    root.remove();
  });
});

describe('what a switch changed', () => {
  test('the blocks that came back are those the text did not have before, repeats counted', () => {
    expect(restoredBlocks('A\n\nB', 'A\n\nPromo\n\nB\n\nA')).toEqual(['Promo', 'A']);
    expect(restoredBlocks('A\n\nB', 'A\n\nB')).toEqual([]);
    expect(restoredBlocks('A\n\nPromo\n\nB', 'A\n\nB')).toEqual([]);
  });
});

describe('Russian typesetting', () => {
  test('a one- or two-letter word travels with the next one, and a dash never starts a line', () => {
    expect(bindShortWords('Путин и Олланд договорились о координации')).toBe('Путин и\u00a0Олланд договорились о\u00a0координации');
    expect(bindShortWords('говорится в сообщении — так')).toBe('говорится в\u00a0сообщении\u00a0— так');
    expect(bindShortWords('«В Москве')).toBe('«В\u00a0Москве');
  });

  test('strings keep their length, so title offsets stay valid', () => {
    const title = 'Путин и Олланд договорились о координации действий военных в борьбе с ИГ в Сирии';
    expect(bindShortWords(title)).toHaveLength(title.length);
  });

  test('English is left alone', () => {
    expect(bindShortWords('a cat is on a mat')).toBe('a cat is on a mat');
  });

  test('the article body gets it too, code excepted', () => {
    const { container } = renderArticle(article({ lang: 'ru', html: '<p>Встреча в Москве</p><pre><code>и в коде</code></pre>' }), 'ru');
    expect(container.querySelector('.article-body p')?.textContent).toBe('Встреча в\u00a0Москве');
    expect(container.querySelector('.article-body code')?.textContent).toBe('и в коде');
  });
});
