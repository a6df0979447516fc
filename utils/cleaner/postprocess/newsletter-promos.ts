import { hasClassWord } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** Class words of sign-up boxes, paywall pitches and calls to action. */
const PROMO = new Set(['newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'optin', 'cta', 'promo', 'paywall', 'membership', 'donate', 'donation']);

/**
 * A call to action: a verb addressed to the reader at the start of a sentence, with what
 * it sells — a newsletter, an app, a channel, an account to follow.
 */
const CALL =
  /(^|[.!?»"]\s+)(subscribe|sign up|sign-up|register|follow|join|download|get|click|tap|listen|watch|like us|support|become|don'?t forget|подпишитесь|подписывайтесь|присоединяйтесь|следите|скачайте|читайте нас|assine|inscreva-se|abonnieren sie|abonnez-vous)\b/i;
const OFFER =
  /\b(newsletters?|inbox|e-?mail alerts?|alerts|app|podcasts?|youtube|channel|twitter|facebook|instagram|telegram|tiktok|linkedin|rss|forums?|subscribers?|subscriptions?|membership|magazine|free trial|coverage|рассылк\w*|канал\w*|телеграм\w*|дзен\w*|соцсет\w*)\b/i;

export const newsletterPromos = definePostStep({
  id: 'newsletter-promos',
  filter: 'promo-links',
  why:
    'Sites end or interrupt a story with their own pitch: sign up for the newsletter, follow us on a ' +
    'network, get the app, become a member. It is the same on every story of the site, so it is not ' +
    'this story\'s text; a sentence of the story that mentions a newsletter does not tell the reader to sign up.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const words = measure.words(el);
      if (words === 0 || words > 100) continue;
      // A pitch may run to a paragraph ("If you enjoyed this article, we have a proposition
      // for you…"); the runner's story guard keeps anything that holds the story itself.
      // A paragraph is the story's text whatever its class says: sites mark the paragraphs a
      // paywall holds back as class="paywall" (or "premium", "subscriber"), and the reader who
      // has them should read them. A box around a pitch is a <div> or an <aside>.
      if (el.tagName !== 'P' && hasClassWord(el, PROMO) && words <= 100 && el.querySelectorAll('p').length <= 4) {
        found.push({ element: el, reason: 'named as a sign-up or promotion box' });
        continue;
      }
      // One paragraph with a link or a button: the pitch itself.
      if (!['P', 'DIV', 'LI', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'EM', 'B', 'I', 'SECTION', 'ASIDE'].includes(el.tagName)) continue;
      if (words > 40) continue;
      const text = measure.text(el);
      if (!CALL.test(text) || !OFFER.test(text) || el.querySelectorAll('p').length > 2) continue;
      if (measure.linkDensity(el) > 0 || el.querySelector('a[href], button, input')) found.push({ element: el, reason: `call to action "${text.slice(0, 50)}"` });
    }
    return found;
  },
});
