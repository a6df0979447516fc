/**
 * Each post-processing step on small articles shaped like real ones: the clutter it exists
 * for goes, and the look-alike story text next to it stays.
 */
import { describe, expect, it } from 'vitest';
import { postprocess } from '../../../utils/cleaner/postprocess/index.ts';
import type { PostStep } from '../../../utils/cleaner/postprocess/define.ts';
import { hiddenText } from '../../../utils/cleaner/postprocess/hidden-text.ts';
import { pageChrome } from '../../../utils/cleaner/postprocess/page-chrome.ts';
import { shareBars } from '../../../utils/cleaner/postprocess/share-bars.ts';
import { imageCredits } from '../../../utils/cleaner/postprocess/image-credits.ts';
import { galleryControls } from '../../../utils/cleaner/postprocess/gallery-controls.ts';
import { relatedLinks } from '../../../utils/cleaner/postprocess/related-links.ts';
import { linkInserts } from '../../../utils/cleaner/postprocess/link-inserts.ts';
import { newsletterPromos } from '../../../utils/cleaner/postprocess/newsletter-promos.ts';
import { authorBio } from '../../../utils/cleaner/postprocess/author-bio.ts';
import { articleMetadata } from '../../../utils/cleaner/postprocess/article-metadata.ts';
import { titleDuplicate } from '../../../utils/cleaner/postprocess/title-duplicate.ts';
import { adLabels } from '../../../utils/cleaner/postprocess/ad-labels.ts';
import { affiliateDisclosures } from '../../../utils/cleaner/postprocess/affiliate-disclosures.ts';
import { unrenderedMarkup } from '../../../utils/cleaner/postprocess/unrendered-markup.ts';
import { articleText } from '../../../utils/cleaner/page/article-text.ts';
import { DOMS, parseDocument, type DomName } from '../../dom.ts';

const P1 = 'The council voted on Wednesday night to buy the disused freight corridor that runs along the creek.';
const P2 = 'The purchase will be paid for largely with a state grant, and the rest will come from the parks budget.';
const P3 = 'Residents who spoke at the meeting were divided, though most said they would use a trail if it were built.';
const STORY = `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`;
const URL_ = 'https://news.example/local/2024/03/14/greenway-vote/';

function clean(dom: DomName, step: PostStep, body: string, meta: { title?: string; byline?: string } = {}): string {
  const doc = parseDocument(`<html><body><div id="root">${body}</div></body></html>`, URL_, dom);
  const root = doc.getElementById('root')!;
  postprocess({ root, title: meta.title ?? 'Council backs plan for a greenway', byline: meta.byline ?? null, url: new URL(URL_), lang: 'en' }, [step]);
  return articleText(root);
}

describe.each(DOMS)('post-processing steps under %s', (dom) => {
  describe('hidden-text', () => {
    it('drops screen-reader labels and the hover card after a linked name, keeping the name', () => {
      const text = clean(
        dom,
        hiddenText,
        `<p>Rep. <span><a href="/people/jane">Jane Roe</a><span class="rollover-people-block"><img src="j.jpg"><a href="/a">Her other story</a> <a href="/b">Another one</a></span></span> said the vote was close, and the council will meet again next month to settle it.</p>
         <p><span class="sr-only">Share on Facebook</span>${P1}</p>${STORY}`,
      );
      expect(text).toContain('Rep. Jane Roe said the vote was close');
      expect(text).not.toContain('Her other story');
      expect(text).not.toContain('Share on Facebook');
    });

    it('drops print-only citations and headers, however long', () => {
      const citation = `Citation: ${P1} ${P2} This document is subject to copyright.`;
      const text = clean(dom, hiddenText, `<div class="print-header">https://news.example/x</div>${STORY}<div class="d-none d-print-block"><p>${citation}</p></div>`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps text hidden only on some screens, and long collapsed story text', () => {
      const long = `${P2} ${P3}`;
      const text = clean(dom, hiddenText, `${STORY}<p class="hidden-xs">Shown on desktops</p><div class="hidden"><p>${long}</p></div>`);
      expect(text).toContain('Shown on desktops');
      expect(text).toContain(long);
    });
  });

  describe('page-chrome', () => {
    it('drops the site header, menus, breadcrumbs and copyright line Readability brought along', () => {
      const text = clean(
        dom,
        pageChrome,
        `<header><a href="/login">Sign In</a><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>
         <ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ol>${STORY}
         <p>The contents of this site are ©2024 Example Publishing Corp.</p>`,
      );
      expect(text.startsWith(P1)).toBe(true);
      expect(text).not.toContain('Sign In');
      expect(text).not.toContain('©2024');
    });

    it('drops the page\'s own address printed on its own line, not an address in a sentence', () => {
      const text = clean(dom, pageChrome, `<div><span>${URL_}</span></div>${STORY}<p>The plan is at <span>${URL_}</span> for all to read.</p>`);
      expect(text.startsWith(P1)).toBe(true);
      expect(text).toContain(`The plan is at ${URL_} for all to read.`);
    });

    it('drops the site\'s legal block named as such, though its lines are long', () => {
      const text = clean(dom, pageChrome, `${STORY}<div class="copyright-wrp"><p>The Courier, 1625 K Street NW, Suite 900, Washington DC 20006 | 202-628-8500 tel | 202-628-8503 fax</p><p>The contents of this site are ©2024 Courier Publishing Corp.</p></div>`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps a story sentence about copyright and a list of linked sources', () => {
      const copyright = 'The copyright case was settled out of court.';
      const sources = '<ul><li><a href="/a">The council minutes from the January meeting</a></li><li><a href="/b">The state grant application and budget</a></li><li><a href="/c">The engineering survey of the old trestle</a></li></ul>';
      const text = clean(dom, pageChrome, `${STORY}<p>${copyright}</p>${sources}`);
      expect(text).toContain(copyright);
      expect(text).toContain('The engineering survey of the old trestle');
    });
  });

  describe('share-bars', () => {
    it('drops share buttons and the "Click To Tweet" label, keeping the quote', () => {
      const text = clean(
        dom,
        shareBars,
        `<div class="social-share"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>${STORY}<blockquote>Build the trail now. <a href="https://twitter.com/intent">Click To Tweet</a></blockquote>`,
      );
      expect(text).not.toMatch(/Facebook|Click To Tweet/);
      expect(text).toContain('Build the trail now.');
    });

    it('keeps an embedded post inside a "social" wrapper', () => {
      const text = clean(dom, shareBars, `${STORY}<div class="social-embed"><blockquote class="twitter-tweet">We did it!</blockquote></div>`);
      expect(text).toContain('We did it!');
    });
  });

  describe('image-credits', () => {
    it('drops credit lines and keeps the caption and the picture', () => {
      const doc = parseDocument(
        `<html><body><div id="root">${STORY}<figure><img src="t.jpg"><figcaption><span>The old trestle over the creek.</span><span class="article__credit">Credit: EPA</span></figcaption></figure><figure><img src="u.jpg"><figcaption>Photo: Hau Dinh, AP</figcaption></figure><p>Image copyright Getty Images</p></div></body></html>`,
        URL_,
        dom,
      );
      const root = doc.getElementById('root')!;
      postprocess({ root, title: 't', byline: null, url: new URL(URL_), lang: 'en' }, [imageCredits]);
      const text = articleText(root);
      expect(text).toContain('The old trestle over the creek.');
      expect(text).not.toMatch(/EPA|Hau Dinh|Getty/);
      expect(root.querySelectorAll('img')).toHaveLength(2);
    });

    it('drops a bare agency name in a block named for the caption, outside any <figure>', () => {
      const caption = 'The WeWork logo is displayed outside of a co-working space in New York.';
      const text = clean(
        dom,
        imageCredits,
        `<p><span class="image-container"><img src="w.jpg" alt=""><span class="caption-source"><span class="caption">${caption}</span><span class="source">Reuters</span></span></span></p>${STORY}<p>Reuters</p>`,
      );
      expect(text).toContain(caption);
      expect(text).not.toMatch(/New York\.\s*Reuters/);
      // Alone among the story's paragraphs, the same word is left to the story.
      expect(text.endsWith('Reuters')).toBe(true);
    });

    it('cuts a credit written at the end of a caption, across nodes, keeping the caption', () => {
      const text = clean(
        dom,
        imageCredits,
        `${STORY}<figure><img src="a.jpg"><figcaption>A worker loads trims into his truck. (AP Photo/Alan Diaz, File)</figcaption></figure>
         <div class="photo"><p>The protests grew in size (Image: <b>GETTY</b> )</p></div>
         <figure><img src="b.jpg"><figcaption>The sheikh in Dubai on Nov. 13, 2017. Natalie Naccache | Bloomberg | Getty Images</figcaption></figure>`,
      );
      expect(text).toContain('A worker loads trims into his truck.');
      expect(text).toContain('The protests grew in size');
      expect(text).toContain('The sheikh in Dubai on Nov. 13, 2017.');
      expect(text).not.toMatch(/AP Photo|GETTY|Naccache|Getty Images/);
    });

    it('keeps a wire dateline and an abbreviation in brackets', () => {
      const text = clean(dom, imageCredits, `<p>HANOI, Vietnam (AP)</p>${STORY}<p>The patient record (ePA)</p>`);
      expect(text).toContain('HANOI, Vietnam (AP)');
      expect(text).toContain('The patient record (ePA)');
    });

    it('cuts a bare "(AP)" ending a caption, but not one ending a line of the story', () => {
      const text = clean(
        dom,
        imageCredits,
        `${STORY}<figure><img src="a.jpg"><figcaption>An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)</figcaption></figure><p>The figures came from the port authority. (AP)</p>`,
      );
      expect(text).toContain('An MSC cargo ship leaves PortMiami, on Aug. 31, 2019.');
      expect(text).not.toContain('2019. (AP)');
      expect(text).toContain('The figures came from the port authority. (AP)');
    });

    it('keeps a caption that merely starts with a credit-like word, and a sentence about sources', () => {
      const text = clean(dom, imageCredits, `${STORY}<figure><img src="t.jpg"><figcaption>Picture the trail in ten years</figcaption></figure><p>Source code for the city app is public.</p>`);
      expect(text).toContain('Picture the trail in ten years');
      expect(text).toContain('Source code for the city app is public.');
    });
  });

  describe('gallery-controls', () => {
    it('drops slideshow counters and buttons', () => {
      const text = clean(dom, galleryControls, `<div><span>Image 1 of 8</span><p>Caption</p><p>Close</p><a href="#">Enlarge Image</a></div>${STORY}`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps a story sentence with numbers', () => {
      const text = clean(dom, galleryControls, `${STORY}<p>1 of 6 residents opposed it.</p>`);
      expect(text).toContain('1 of 6 residents opposed it.');
    });
  });

  describe('related-links', () => {
    it('drops a "Related" heading with its links and a box named as related stories', () => {
      const text = clean(
        dom,
        relatedLinks,
        `${STORY}<h3>Related coverage</h3><ul><li><a href="/x">Survey splits residents</a></li><li><a href="/y">Editorial: worth the wait</a></li></ul>
         <div class="related-articles"><a href="/z">Trail opens in the next county</a></div><p>${P3} Again.</p>`,
      );
      expect(text).not.toMatch(/Related coverage|Survey splits|worth the wait|next county/);
      expect(text).toContain(`${P3} Again.`);
    });

    it('drops a list of headline links after the story, but not a list of sources', () => {
      const list = '<ul><li><a href="/a">15 Amazing Images of Stars</a></li><li><a href="/b">11 Fascinating Facts About Our Galaxy</a></li><li><a href="/c">The Biggest Unanswered Questions</a></li></ul>';
      expect(clean(dom, relatedLinks, `${STORY}${list}`)).toBe([P1, P2, P3].join('\n\n'));
      expect(clean(dom, relatedLinks, `${STORY}<h4>Sources</h4>${list}`)).toContain('15 Amazing Images of Stars');
    });

    it('drops a "You may also like" heading left alone after the story by a scripted widget', () => {
      expect(clean(dom, relatedLinks, `${STORY}<h3>You may also like</h3><div class="widget"></div>`)).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps a heading of the story and the paragraphs under it', () => {
      const text = clean(dom, relatedLinks, `${STORY}<h3>More trails</h3><p>${P2}</p>`);
      expect(text).toContain('More trails');
    });
  });

  describe('link-inserts', () => {
    it('drops "READ MORE:" inserts and capitalised headline links between paragraphs', () => {
      const text = clean(
        dom,
        linkInserts,
        `<p>${P1}</p><p>READ MORE: <a href="/x">Residents split over the corridor</a></p><p><a href="/y">CLICK HERE TO GET THE NEWS APP</a></p><p>${P2}</p>`,
      );
      expect(text).toBe([P1, P2].join('\n\n'));
    });

    it('keeps a paragraph that links inside a sentence', () => {
      const para = 'Read more about the plan in <a href="/plan">the council report</a>, which the city published last week.';
      expect(clean(dom, linkInserts, `${STORY}<p>${para}</p>`)).toContain('which the city published last week');
    });
  });

  describe('newsletter-promos', () => {
    it('drops sign-up pitches and follow-us lines', () => {
      const text = clean(
        dom,
        newsletterPromos,
        `${STORY}<p>Get the latest updates right in your inbox. <a href="/nl">Subscribe to our newsletters.</a></p><p>Follow Newsbeat on <a href="https://instagram.com/x">Instagram</a> and <a href="https://twitter.com/x">Twitter</a>.</p><p>Follow AP's full coverage of the vote at <a href="https://apnews.com/x">https://apnews.com/x</a></p><div class="newsletter-signup"><h4>Morning Briefing</h4><button>Sign up</button></div>`,
      );
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps a story sentence about a newsletter', () => {
      const para = 'The mayor said residents who <a href="/nl">subscribe to the city newsletter</a> will hear about the workshops first.';
      expect(clean(dom, newsletterPromos, `${STORY}<p>${para}</p>`)).toContain('will hear about the workshops first');
    });
  });

  describe('author-bio', () => {
    it('drops the bio box and the contact line under the story', () => {
      const text = clean(
        dom,
        authorBio,
        `${STORY}<p>Have a tip? Jane Roe may be reached at <a href="mailto:j@x">j@x</a>.</p><div class="author-bio"><h4>About the Author</h4><p>Jane covers city hall and has written about parks since 2014.</p></div>`,
      );
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('drops a press release\'s "About <Company>" boilerplate, keeping the story before it', () => {
      const text = clean(dom, authorBio, `${STORY}<h3>About Acme</h3><p>Acme is a global solutions provider focused on healthcare communication, listed on the exchange.</p>`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });
  });

  describe('article-metadata', () => {
    it('drops bylines, dates, labels, reading time and tags around the story', () => {
      const text = clean(
        dom,
        articleMetadata,
        `<div><a href="/entertainment">Entertainment</a></div><p>Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM</p><p>By Jane Roe</p><p>5 min read</p>${STORY}<p>Filed under: Parks | Council</p><p>Nov. 20, 2019 6:02 AM EST</p>`,
        { byline: 'Jane Roe' },
      );
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('a lead photo’s caption is not the start of the story: the agency and date line under it goes, the caption stays', () => {
      const caption =
        'In this Dec. 12, 2006, file photo, made available by NASA, astronauts participate in a space walk during construction of the station. (NASA via AP, File)';
      const text = clean(
        dom,
        articleMetadata,
        `<div><p><img src="/a.jpg" alt=""></p><p>${caption}</p></div><div><p>The Associated Press <br><span>Published Monday, November 18, 2019 8:22AM EST</span></p></div>${STORY}`,
        { byline: 'The Associated Press' },
      );
      expect(text).toBe([caption, P1, P2, P3].join('\n\n'));
    });

    it('a picture beside a paragraph of its own block is not a caption when the block holds more of the story', () => {
      const dated = 'Published Monday, November 18, 2019 8:22AM EST';
      const text = clean(dom, articleMetadata, `<div><p><img src="/a.jpg" alt=""></p><p>${P1}</p><p>${dated}</p></div><p>${P2}</p><p>${P3}</p>`);
      expect(text).toContain(dated);
    });

    it('drops a bare counter by the headline and a "Via" source line under the story', () => {
      const text = clean(dom, articleMetadata, `<div><span>11 480</span></div>${STORY}<p>Via SyndiGate.info</p>`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps the dates an exhibition or festival runs, under the story or above it', () => {
      const spans = ['29 November 2018 | 20 January 2019', '15 мая — 20 июня 2024 года', '12/03/2024 to 15/03/2024'];
      const text = clean(dom, articleMetadata, `<p>${spans[1]}</p>${STORY}<p><strong>7th Amsterdam Light Festival</strong><br><strong>${spans[0]}</strong></p><p>${spans[2]}</p><p>Nov. 20, 2019 6:02 AM EST</p>`);
      for (const span of spans) expect(text).toContain(span);
      expect(text).not.toContain('6:02 AM');
      const stamps = clean(dom, articleMetadata, `<p>November 18, 2019 | Updated November 19, 2019</p>${STORY}`);
      expect(stamps).not.toContain('November 18, 2019');
    });

    it('keeps short story lines in the middle of the story, even with dates', () => {
      const mid = 'On March 14, 2024, it passed.';
      const text = clean(dom, articleMetadata, `<p>${P1}</p><p>${mid}</p><p>By then, the grant was secured.</p><p>${P2}</p>`);
      expect(text).toContain(mid);
      expect(text).toContain('By then, the grant was secured.');
    });
  });

  describe('title-duplicate', () => {
    it('drops a leading heading that repeats the title', () => {
      const text = clean(dom, titleDuplicate, `<h2>Council backs plan for a greenway</h2>${STORY}`, { title: 'Council backs plan for a greenway | The Courier' });
      expect(text.startsWith(P1)).toBe(true);
    });

    it('keeps a different first heading and a later repeat inside the story', () => {
      const text = clean(dom, titleDuplicate, `<h2>The vote</h2>${STORY}<h2>Council backs plan for a greenway</h2>`);
      expect(text).toContain('The vote');
      expect(text).toContain('Council backs plan for a greenway');
    });
  });

  describe('ad-labels', () => {
    it('drops labels of empty ad slots', () => {
      const text = clean(dom, adLabels, `<p>${P1}</p><div class="ad-slot">Advertisement</div><p>Story continues below advertisement</p><p>${P2}</p><p>Реклама</p><p><span class="text70">スポンサードリンク</span></p><div>광고</div>`);
      expect(text).toBe([P1, P2].join('\n\n'));
    });

    it('keeps a story sentence about advertising', () => {
      expect(clean(dom, adLabels, `${STORY}<p>Advertisement spending fell.</p>`)).toContain('Advertisement spending fell.');
    });
  });

  describe('unrendered-markup', () => {
    it('drops a shortcode no plugin rendered and the notices shown only without JavaScript', () => {
      const text = clean(
        dom,
        unrenderedMarkup,
        `${STORY}<p>[button link=”http://www.morebikes.co.uk/submit-kit-review/” type=”big” newwindow=”yes”] Send us YOUR kit review[/button]</p>` +
          '<p class="jetpack-slideshow-noscript">This slideshow requires JavaScript.</p><div>[gallery ids="41,42,43" columns="3"]</div>' +
          '<p>Please enable JavaScript to view the comments powered by Disqus.</p><p>Для просмотра видео включите JavaScript в браузере.</p>',
      );
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps an editor’s brackets and a story sentence about JavaScript', () => {
      const lines = [
        'He called the plan “a disgrace [sic]” and left.',
        '[Updated 3:40 pm] The vote was postponed.',
        '[1]',
        'The new editor requires JavaScript, which the agency’s old computers block.',
        'JavaScript remains the most used language on GitHub, the survey found.',
      ];
      const text = clean(dom, unrenderedMarkup, `${STORY}${lines.map((l) => `<p>${l}</p>`).join('')}`);
      for (const line of lines) expect(text).toContain(line);
    });
  });

  describe('affiliate-disclosures', () => {
    it('drops the site\'s own affiliate notice', () => {
      const text = clean(dom, affiliateDisclosures, `<p><em>This post may contain affiliate and/or referral links. Please see my disclosure page.</em></p>${STORY}<p>As an Amazon Associate I earn from qualifying purchases.</p>`);
      expect(text).toBe([P1, P2, P3].join('\n\n'));
    });

    it('keeps a story about affiliate marketing', () => {
      const para = 'Publishers that use affiliate links earn a commission on each sale, the report found.';
      expect(clean(dom, affiliateDisclosures, `${STORY}<p>${para}</p>`)).toContain(para);
    });
  });
});
