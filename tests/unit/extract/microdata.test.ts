/**
 * Microdata written for machines (hidden by the site's style sheet, which a saved page does
 * not carry) never reaches the reader as paragraphs; microdata a reader sees stays.
 */
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../utils/cleaner/pipeline.ts';
import { machineMetadata } from '../../../utils/cleaner/extract/microdata.ts';
import { bodyOf } from '../../../utils/cleaner/page/elements.ts';
import { pageStats } from '../../../utils/cleaner/page/walk.ts';
import { DOMS, parseDocument } from '../../dom.ts';

const URL_ = 'https://news.example.ru/20200303/1565668443.html';
const machineValues = (doc: Document): Element[] => machineMetadata(pageStats({ doc, body: bodyOf(doc), url: new URL(URL_) }));
const PARAGRAPHS = [
  'Депутаты Государственной думы в среду приняли во втором чтении законопроект о новых правилах продажи лекарств через интернет-аптеки.',
  'Как рассказал один из авторов документа, аптеки смогут доставлять покупателям безрецептурные препараты уже с осени, а рецептурные позже.',
  'По его словам, закон защитит покупателей от подделок: продавать лекарства в сети смогут только аптеки с лицензией и собственными складами.',
  'В правительстве законопроект поддержали, но предложили отложить вступление в силу части норм до тех пор, пока не заработает электронный рецепт.',
];

/** The shape of ria.ru's article: a hidden block of the article's microdata, then the story. */
function page(meta: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Дума приняла закон об онлайн-продаже лекарств</title></head><body>
<div class="article" itemscope itemtype="http://schema.org/Article">
<div class="article__meta" itemscope itemtype="https://schema.org/Article">
${meta}
</div>
<div class="article__header"><h1 class="article__title">Дума приняла закон об онлайн-продаже лекарств</h1>
<div class="article__info"><span class="article__info-date">18:35 03.03.2020</span>
<span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Иван Петров</span></span></div></div>
<div class="article__body">${PARAGRAPHS.map((p) => `<div class="article__block"><div class="article__text">${p}</div></div>`).join('\n')}</div>
</div></body></html>`;
}

const RIA_META = `<div itemprop="mainEntityOfPage">${URL_}</div>
<a itemprop="url" href="${URL_}"></a>
<div itemprop="headline">Дума приняла закон об онлайн-продаже лекарств</div>
<div itemprop="name">Дума приняла закон об онлайн-продаже лекарств</div>
<div itemprop="description">Госдума приняла во втором чтении закон о продаже лекарств через интернет.</div>
<div itemprop="datePublished">20200303T1835+0300</div>
<div itemprop="dateModified">20200303T1835+0300</div>
<div itemprop="associatedMedia" itemscope itemtype="http://schema.org/ImageObject"><div itemprop="url">https://cdn.example.ru/images/155156/97/1551569763.jpg</div><div itemprop="width">1920</div></div>
<div itemprop="author" itemscope itemtype="http://schema.org/Organization"><div itemprop="name">РИА Новости</div></div>`;

describe.each(DOMS)('microdata under %s', (dom) => {
  it('a block of itemprop values with URLs and timestamps never becomes the article\'s first paragraphs', () => {
    const result = cleanDocument(parseDocument(page(RIA_META), URL_, dom), { url: URL_, force: true });
    const text = result.article?.text ?? '';
    expect(text.startsWith(PARAGRAPHS[0]!)).toBe(true);
    for (const leak of ['20200303T1835', 'https://', 'cdn.example.ru', 'РИА Новости', 'во втором чтении закон о продаже']) expect(text).not.toContain(leak);
    for (const p of PARAGRAPHS) expect(text).toContain(p);
  });

  it('machine values alone go (a URL, a timestamp with its time); microdata in words stays', () => {
    const doc = parseDocument(
      `<html><body><article itemscope><h1 itemprop="headline">Заголовок статьи</h1>
<span itemprop="author" itemscope><span itemprop="name">Иван Петров</span></span>
<time itemprop="datePublished" datetime="2020-03-03T18:35">3 марта 2020</time>
<span itemprop="dateModified">2020-03-03T19:00:00+03:00</span><div itemprop="image">https://cdn.example.ru/1.jpg</div>
<div itemprop="articleBody"><p>${PARAGRAPHS[0]}</p></div></article>
<div itemscope itemtype="http://schema.org/Person"><span itemprop="name">Анна Смирнова</span>, <span itemprop="jobTitle">корреспондент</span></div></body></html>`,
      URL_,
      dom,
    );
    expect(machineValues(doc).map((el) => el.textContent?.trim())).toEqual(['2020-03-03T19:00:00+03:00', 'https://cdn.example.ru/1.jpg']);
  });

  it('a block of words only, or one with text outside its itemprop elements, is not data', () => {
    const doc = parseDocument(
      `<html><body><div itemscope><span itemprop="name">Анна Смирнова</span><span itemprop="jobTitle">корреспондент</span></div>
<div itemscope>Опубликовано <span itemprop="datePublished">2020-03-03</span></div></body></html>`,
      URL_,
      dom,
    );
    expect(machineValues(doc)).toEqual([]);
  });
});
