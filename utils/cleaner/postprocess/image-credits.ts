import { countWords } from '../page/article-text.ts';
import type { ArticleMeasure } from './measure.ts';
import { classWords, hasClassWord } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words for the credit line under a picture. */
const CREDIT = new Set(['credit', 'credits', 'copyright', 'photographer', 'attribution', 'courtesy', 'imagecredit', 'photocredit']);

/**
 * A credit line on its own: a label, then the agency or photographer. BBC-style
 * "Image copyright Getty Images", "Photo by Jane Doe", "Courtesy of NASA" carry their own
 * wording; bare nouns ("Photo", "Source", "Фото") count only with a colon or bar after
 * them, so "Picture the scene…" in a caption is left alone.
 */
const CREDIT_LINE =
  /^((image copyright|image source|image credit|photo credit|picture credit|copyright|(photo(graph)?|picture|image|illustration|video) by|courtesy( of)?)\s*[:|–—-]?|(photos?|photograph|pictures?|images?|illustration|video|credits?|source|фото(графия)?|источник|иллюстрация|foto|bild|imagem)\s*[:|])\s*/i;

/** Picture agencies whose bare name under a picture is a credit, not a caption. */
const AGENCY = /^(getty( images)?|ap( photo)?|reuters|afp( via getty( images)?)?|epa|shutterstock|istock(photo)?|alamy|pa( wire)?|tass|тасс|риа новости|reuters\/\w+)$/i;

export const imageCredits = definePostStep({
  id: 'image-credits',
  why:
    'Credit lines name who took a picture ("Photo: AP", "Image copyright Getty Images"). They are a legal ' +
    'courtesy that belongs to the picture on the page, and read as noise in the text of the story; the ' +
    'caption itself stays.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const words = measure.words(el);
      // The credit goes, the picture it is written on stays.
      if (words > 15 || measure.hasMedia(el)) continue;
      const text = measure.text(el);
      if (!text) continue;
      // A site may put its credit class on a whole caption ("Neil Gaiman in 2002. Photo by
      // …"): only a line that reads as a credit goes, a described picture stays.
      if (hasClassWord(el, CREDIT) && (words <= 6 || (words <= 15 && (CREDIT_LINE.test(text) || /^[(©]/.test(text))))) {
        found.push({ element: el, reason: 'named as a picture credit' });
        continue;
      }
      if (words > 12 || el.children.length > 3) continue;
      const inFigure = measure.within(el, FIGURE);
      const rest = text.replace(CREDIT_LINE, '');
      if (/^image caption$/i.test(text)) {
        found.push({ element: el, reason: 'screen-reader label "Image caption"' });
      } else if (rest !== text && countWords(rest) <= 8 && (inFigure || isLabelled(text))) {
        found.push({ element: el, reason: `credit line "${text}"` });
      } else if (AGENCY.test(text) && (inFigure || hasCaptionWord(el))) {
        // Under a picture: in a <figure>, or in a block named for its caption or picture
        // (`span.caption-source` holding "Reuters").
        found.push({ element: el, reason: `picture agency "${text}"` });
      }
    }
    found.push(...captionTails(measure));
    return found;
  },
});

/**
 * A credit written into the caption's own text: "… in Hialeah, Fla. (AP Photo/Alan Diaz,
 * File)", "… in size (Image: GETTY)". Parenthesised and labelled, it is a credit wherever it
 * ends a line.
 */
const CREDIT_PARENS =
  // eslint-disable-next-line redos/no-vulnerable, regexp/no-super-linear-backtracking -- creditAtEnd reads the last 2 × TAIL (320) characters of a line only
  /\s*\(\s*((image|photo|photograph|picture|pic|credit|foto|фото)s?( credit)?\s*[:|/]\s*[^()]{1,80}|(getty images|shutterstock|istock|alamy)([^()]{0,60}))\s*\)\s*$/i;
/**
 * Wire agencies, case kept: "(AP Photo/…)", "(Reuters/…)" credit a picture, while a bare
 * "(AP)" after a place name is the story's dateline and "(ePA)" an abbreviation.
 */
// eslint-disable-next-line redos/no-vulnerable -- creditAtEnd reads the last 2 × TAIL (320) characters of a line only
const AGENCY_PARENS = /\s*\(\s*(AP|AFP|EPA|PA|Reuters|REUTERS|TASS|ТАСС)( Photo|\s*\/)[^()]{0,60}\)\s*$/;
/**
 * A bare "(AP)" ends a caption line as its credit ("… on Aug. 31, 2019. (AP)"): a dateline
 * opens a story's first paragraph, and a caption has none, so under a picture it is the credit.
 */
// eslint-disable-next-line redos/no-vulnerable -- creditAtEnd reads the last 2 × TAIL (320) characters of a line only
const AGENCY_ALONE = /(?<=[.!?"”’»]\s*)\(\s*(AP|AFP|EPA|PA|Reuters|REUTERS|TASS|ТАСС|Getty Images)\s*\)\s*$/;
/** "… the crew quarters. Credit: ESA" at the end of a caption. */
// eslint-disable-next-line redos/no-vulnerable -- creditAtEnd reads the last 2 × TAIL (320) characters of a line only
const CREDIT_SUFFIX = /(?<=[.!?"”’»)]|^)\s*(credits?|photo|photograph|image|picture|фото|источник)\s*:\s*[^.:!?]{1,60}$/i;
/**
 * "… Nov. 13, 2017. Natalie Naccache | Bloomberg | Getty Images": photographer | agency.
 * A part starts and ends with a visible character, so the spaces around a bar belong to
 * `\s*` alone. Parts that could end with a space ([^.!?|]{2,40} before \s*\|) gave every
 * part two ways to match, and a caption of 24 "ab | " parts 2^24 tries: it froze Chromium.
 */
// eslint-disable-next-line redos/no-vulnerable -- creditAtEnd reads the last 2 × TAIL (320) characters of a line only
export const PIPED_CREDIT = /(?<=[.!?"”’»)]\s*)\s*[^.!?|\s][^.!?|]{0,38}[^.!?|\s](?:\s*\|\s*[^.!?|\s][^.!?|]{0,38}[^.!?|\s])+\s*$/;
const AGENCY_TAIL = /(getty( images)?|reuters|ap|afp|bloomberg|epa|shutterstock|alamy|istock(photo)?|tass|тасс)\s*$/i;

const CAPTION_WORDS = new Set(['caption', 'captions', 'cutline', 'figcaption', 'imagecaption', 'photo', 'image', 'media', 'figure', 'picture']);

const CAPTION_BLOCKS = new Set(['P', 'FIGCAPTION', 'DIV', 'LI', 'SPAN', 'CAPTION', 'TD']);
const CAPTION_TAGS = new Set(['FIGCAPTION', 'FIGURE', 'CAPTION']);
const FIGURE = new Set(['FIGURE', 'FIGCAPTION', 'PICTURE']);

function captionTails(measure: ArticleMeasure): PostMatch[] {
  const found: PostMatch[] = [];
  const cut = new Set<Text>();
  for (const block of measure.elements) {
    if (!CAPTION_BLOCKS.has(block.tagName) || measure.words(block) > 80) continue;
    const folded = measure.text(block);
    if (!mayEndWithCredit(folded.slice(-TAIL))) continue;
    const inCaption = measure.within(block, CAPTION_TAGS) || hasCaptionWord(block);
    if (!creditAtEnd(folded.slice(-TAIL), inCaption)) continue;
    const texts = textNodes(block);
    const value = texts.map((t) => t.nodeValue ?? '').join('');
    // Credits are short: only the end of the line is searched, and the offset kept.
    const start = Math.max(0, value.length - TAIL * 2);
    const tailMatch = creditAtEnd(value.slice(start), inCaption);
    if (!tailMatch) continue;
    const match = { index: start + tailMatch.index, text: tailMatch[0] };
    // A credit that is the whole line is removed as an element by the rules above.
    if (!value.slice(0, match.index).trim()) continue;
    // The credit may span nodes ("(Image: <span>GETTY</span> )"): cut the node it starts
    // in and empty the ones after it.
    let offset = 0;
    for (const text of texts) {
      const length = (text.nodeValue ?? '').length;
      if (offset + length > match.index && !cut.has(text)) {
        cut.add(text);
        const from = Math.max(0, match.index - offset);
        found.push({ text, from, reason: `credit at the end of a caption "${match.text.trim()}"` });
      }
      offset += length;
    }
  }
  return found;
}

/** How much of a line's end can hold a credit. */
const TAIL = 160;

function creditAtEnd(value: string, inCaption: boolean): RegExpExecArray | null {
  const parens = CREDIT_PARENS.exec(value) ?? AGENCY_PARENS.exec(value);
  if (parens || !inCaption) return parens;
  const agency = AGENCY_ALONE.exec(value);
  if (agency) return agency;
  const suffix = CREDIT_SUFFIX.exec(value);
  if (suffix) return suffix;
  const piped = value.includes('|') ? PIPED_CREDIT.exec(value) : null;
  return piped && AGENCY_TAIL.test(piped[0]) ? piped : null;
}

/** A cheap look at the line's end before the real regular expressions run. */
function mayEndWithCredit(text: string): boolean {
  return text.endsWith(')') || text.includes(':') || text.includes('|');
}

function hasCaptionWord(el: Element): boolean {
  for (let cur: Element | null = el; cur && cur.tagName !== 'BODY'; cur = cur.parentElement) {
    if ([...classWords(cur)].some((w) => CAPTION_WORDS.has(w))) return true;
    if (/^(P|DIV|LI|SECTION|ARTICLE)$/.test(cur.tagName) && cur.parentElement && /^(ARTICLE|SECTION|MAIN)$/.test(cur.parentElement.tagName)) break;
  }
  return false;
}

function textNodes(block: Element): Text[] {
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child as Text);
      else if (child.nodeType === 1 && !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test((child as Element).tagName)) walk(child);
    }
  };
  walk(block);
  return out;
}

/**
 * Outside a figure only an explicit label makes a credit ("Credit: EPA"), never a bare
 * "Source" or "Photo" opening a sentence of the story.
 */
function isLabelled(text: string): boolean {
  return /^(image copyright|image source|image caption|photo credit|credits?\s*:|photo\s*:|picture\s*:|фото\s*:|источник\s*:)/i.test(text);
}
