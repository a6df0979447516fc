import { definePostStep, type PostMatch } from './define.ts';

/**
 * The site speaking about itself in the first person: "This post may contain affiliate
 * links", "We may earn a commission", "As an Amazon Associate I earn…". A story about
 * affiliate marketing talks about others and does not match.
 */
// eslint-disable-next-line redos/no-vulnerable -- the gaps are bounded (.{0,30}); polynomial, not exponential, in a block's text
const DISCLOSURE =
  /\b(this (post|article|page|review|guide|site|story) (may )?(contains?|includes?|uses?)\b.{0,30}\b(affiliate|referral|sponsored) (links?|content)|(we|i) (may )?(earn|receive|get) (a )?(small )?(share of sales|commission|compensation|fee)|as an amazon associate,? (we|i)|(we|i) (may )?(earn|receive) .{0,30}from (qualifying )?purchases)/i;

const BLOCKS = new Set(['P', 'DIV', 'EM', 'I', 'SMALL', 'SPAN', 'ASIDE', 'SECTION']);

/** One of these words must be there before the full pattern is worth trying. */
const KEYWORD = /affiliat|commission|associate|compensat|referral|purchases/i;

export const affiliateDisclosures = definePostStep({
  id: 'affiliate-disclosures',
  why:
    'Shopping and review sites open or close every post with the same legal notice about affiliate ' +
    'links and commissions. It is about the site\'s business, printed on every page, not about the story.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      if (!BLOCKS.has(el.tagName) || measure.words(el) > 60) continue;
      const text = measure.text(el);
      if (!KEYWORD.test(text) || !DISCLOSURE.test(text)) continue;
      // The innermost block that says it, not the container around the whole story.
      if (Array.from(el.children).some((child) => DISCLOSURE.test(measure.text(child)))) continue;
      found.push({ element: el, reason: 'the site\'s affiliate disclosure' });
    }
    return found;
  },
});
