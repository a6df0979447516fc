import { definePostStep, type PostMatch } from './define.ts';
import type { ArticleMeasure } from './measure.ts';

/**
 * Class and id names of boxes of other stories: "related-articles", "more-stories",
 * "read-next", "recirc", "trending", "most-popular", widget networks. Matched on the raw
 * attribute because sites join the words every way ("relatedLinks", "read_more").
 */
const RELATED_NAME =
  /related|recommend|recirc|trending|popular|most-?(read|viewed|shared)|read-?(more|next|also)|more-?(stories|news|articles|from|on|in)|also-?(read|like)|see-?also|you-?may|outbrain|taboola|zergnet|(^|[\s_-])rail([\s_-]|$)|(^|\s)rail__/i;

/** A heading that introduces other stories rather than a part of this one. */
const RELATED_HEADING = new RegExp(
  '^(' +
    [
      'related( (stories|articles|content|coverage|news|posts|links|reading|topics|videos?))?( from .{1,60})?',
      'more( (stories|news|articles|coverage|videos?|from .{1,40}|on .{1,40}|in .{1,40}))?',
      '(you )?(may|might) (also )?(like|enjoy|be interested in)',
      'recommended( for you| stories| reading| articles)?',
      'read (more|next|also)',
      'also (read|see|on .{1,40})',
      'see (also|more)',
      "don'?t miss",
      'trending( now| stories)?',
      'most (popular|read|viewed|shared)',
      'popular( (stories|now|on .{1,40}))?',
      'latest( (news|stories|headlines|videos?))?',
      'top stories',
      'what to read next',
      'further reading',
      'читайте также',
      'смотрите также',
      'по теме',
      'е[щш]ё по теме',
      'еще по теме',
      'новости по теме',
      'похожие (новости|статьи|материалы)',
      'материалы по теме',
      'лучшее за (день|неделю)',
      'популярное',
      'leia também',
      'veja também',
      'lesen sie auch',
      'mehr zum thema',
      'à lire aussi',
      'lire aussi',
      'lee también',
    ].join('|') +
    ')[\\s.:…!]*$',
  'i',
);

export const relatedLinks = definePostStep({
  id: 'related-links',
  filter: 'clickbait-sidebars',
  why:
    'News sites put boxes of their other stories inside the article container — "Related", "You may also ' +
    'like", "Most read", a rail of headlines, a widget network. Readability keeps them when they are ' +
    'short. They are advertising for other pages; a reader of this story does not read them as part of it.',
  detect({ measure: m }) {
    const found: PostMatch[] = [];
    for (const el of m.elements) {
      const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (name.trim() && RELATED_NAME.test(name) && isLinkBox(el, m)) {
        found.push({ element: el, reason: 'named as related stories' });
        continue;
      }
      if ((el.tagName === 'UL' || el.tagName === 'OL') && m.story.after(el) && isHeadlineList(el, m)) {
        found.push({ element: el, reason: 'a list of headline links after the story' });
        continue;
      }
      if (/^H[1-6]$/.test(el.tagName) || isShortLabel(el, m)) {
        const heading = m.text(el);
        if (!RELATED_HEADING.test(heading)) continue;
        const list = linksAfter(el, m);
        // After the story a heading like "You may also like" is clutter even when the
        // widget under it loads by script and left nothing behind.
        if (!list.length && !m.story.after(el)) continue;
        found.push({ element: el, reason: `heading "${heading}" over other stories` }, ...list.map((element) => ({ element, reason: `listed under "${heading}"` })));
      }
    }
    return found;
  },
});

/**
 * Mostly links, or a teaser card: a link (often only around its picture) with a headline
 * of a few words. Never a box holding a paragraph of the story.
 */
function isLinkBox(el: Element, m: ArticleMeasure): boolean {
  if (!m.text(el) || m.proseParagraphs(el) > (el.tagName === 'P' && m.isProse(el) ? 1 : 0)) return false;
  const words = m.words(el);
  return m.linkDensity(el) >= 0.5 || words <= 3 || (words <= 30 && el.querySelector('a[href]') !== null);
}

/**
 * Three or more items, each entirely a link of several words: headlines of other stories.
 * A list of sources is introduced as such, and the heading check leaves it alone.
 */
function isHeadlineList(list: Element, m: ArticleMeasure): boolean {
  const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
  if (items.length < 3) return false;
  const heading = list.previousElementSibling;
  if (heading && /\b(sources?|references?|links|further|bibliography|источники|литература)\b/i.test(m.text(heading))) return false;
  return items.every((li) => m.words(li) >= 3 && m.words(li) <= 20 && m.linkDensity(li) >= 0.9);
}

/** A one-line label that is not a heading element: a <p><strong>Related</strong></p>, a <div>. */
function isShortLabel(el: Element, m: ArticleMeasure): boolean {
  if (!['P', 'DIV', 'SPAN', 'STRONG', 'B', 'DT'].includes(el.tagName)) return false;
  // The count of words is remembered; the list of children is built afresh by some DOMs.
  return m.words(el) <= 6 && el.children.length <= 1;
}

/**
 * The siblings right after a related heading that are lists of links: the heading's own
 * list. Stops at the first element that reads as the story again.
 */
function linksAfter(heading: Element, m: ArticleMeasure): Element[] {
  const out: Element[] = [];
  let anchor: Element | null = heading;
  // A label wrapped in <p><strong> is the child of the element whose siblings are the links.
  while (anchor && !anchor.nextElementSibling && anchor.parentElement && m.words(anchor.parentElement) === m.words(anchor)) {
    anchor = anchor.parentElement;
  }
  for (let next = anchor?.nextElementSibling ?? null; next; next = next.nextElementSibling) {
    if (!m.text(next)) {
      if (next.querySelector('a[href]')) out.push(next);
      continue;
    }
    if (m.linkDensity(next) < 0.6) break;
    out.push(next);
  }
  return out;
}
