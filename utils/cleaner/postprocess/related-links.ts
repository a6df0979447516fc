import { linkDensity, visibleText } from '../dom.ts';
import { countWords } from '../text.ts';
import { definePostStep, type PostMatch } from './define.ts';
import { isProse } from './story.ts';

/**
 * Class and id names of boxes of other stories: "related-articles", "more-stories",
 * "read-next", "recirc", "trending", "most-popular", widget networks. Matched on the raw
 * attribute because sites join the words every way ("relatedLinks", "read_more").
 */
const RELATED_NAME =
  /related|recommend|recirc|trending|popular|most-?(read|viewed|shared)|read-?(more|next|also)|more-?(stories|news|articles|from|on|in)|also-?(read|like)|see-?also|you-?may|outbrain|taboola|zergnet|(^|[\s_-])rail([\s_-]|$)|(^|\s)rail__/i;

/** A heading that introduces other stories rather than a part of this one. */
const RELATED_HEADING =
  /^(related( (stories|articles|content|coverage|news|posts|links|reading|topics|videos?))?( from [\w .]+)?|more (stories|news|articles|coverage|from [\w .'’]+|on (this|[\w .'’]+))|(you )?(may|might) (also )?(like|enjoy|be interested in)|recommended( for you| stories| reading)?|read (more|next|also)|also (read|see|on [\w .]+)|see (also|more)|don'?t miss|trending( now)?|most (popular|read|viewed|shared)|popular( (stories|now|on [\w .]+))?|latest( (news|stories|headlines))?|top stories|what to read next|further reading|читайте также|смотрите также|по теме|ещё по теме|еще по теме|новости по теме|похожие (новости|статьи|материалы)|материалы по теме|лучшее за (день|неделю)|популярное|leia também|veja também|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|lee también)\s*:?$/i;

export const relatedLinks = definePostStep({
  id: 'related-links',
  why:
    'News sites put boxes of their other stories inside the article container — "Related", "You may also ' +
    'like", "Most read", a rail of headlines, a widget network. Readability keeps them when they are ' +
    'short. They are advertising for other pages; a reader of this story does not read them as part of it.',
  detect({ root }) {
    const found: PostMatch[] = [];
    for (const el of root.querySelectorAll('*')) {
      const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (name.trim() && RELATED_NAME.test(name) && isLinkBox(el)) {
        found.push({ element: el, reason: 'named as related stories' });
        continue;
      }
      if (/^H[1-6]$/.test(el.tagName) || isShortLabel(el)) {
        const heading = visibleText(el);
        if (!RELATED_HEADING.test(heading)) continue;
        const list = linksAfter(el);
        if (!list.length) continue;
        found.push({ element: el, reason: `heading "${heading}" over other stories` }, ...list.map((element) => ({ element, reason: `listed under "${heading}"` })));
      }
    }
    return found;
  },
});

/** Mostly links, and no paragraph of the story inside. */
function isLinkBox(el: Element): boolean {
  const text = visibleText(el);
  if (!text) return false;
  for (const p of el.querySelectorAll('p')) if (isProse(p)) return false;
  return linkDensity(el, text) >= 0.5 || countWords(text) <= 3;
}

/** A one-line label that is not a heading element: a <p><strong>Related</strong></p>, a <div>. */
function isShortLabel(el: Element): boolean {
  if (!['P', 'DIV', 'SPAN', 'STRONG', 'B', 'DT'].includes(el.tagName)) return false;
  return el.children.length <= 1 && countWords(visibleText(el)) <= 6;
}

/**
 * The siblings right after a related heading that are lists of links: the heading's own
 * list. Stops at the first element that reads as the story again.
 */
function linksAfter(heading: Element): Element[] {
  const out: Element[] = [];
  let anchor: Element | null = heading;
  // A label wrapped in <p><strong> is the child of the element whose siblings are the links.
  while (anchor && !anchor.nextElementSibling && anchor.parentElement && countWords(visibleText(anchor.parentElement)) === countWords(visibleText(anchor))) {
    anchor = anchor.parentElement;
  }
  for (let next = anchor?.nextElementSibling ?? null; next; next = next.nextElementSibling) {
    const text = visibleText(next);
    if (!text) {
      if (next.querySelector('a[href]')) out.push(next);
      continue;
    }
    if (linkDensity(next, text) < 0.6) break;
    out.push(next);
  }
  return out;
}
