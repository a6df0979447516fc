import { classWords } from '../page/class-words.ts';
import { definePostStep, type PostMatch } from './define.ts';

/** The label an ad slot keeps when the ad itself did not load, in our users' languages and the benchmark's (Japanese, Chinese and Korean sites label AdSense slots the same way). */
const AD_LABEL =
  /^(advertisement|advert|ad|ads|sponsored|sponsored content|paid content|promoted|story continues below( advertisement)?|article continues below( advertisement)?|continue reading (below|the main story)|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|реклама|iklan|advertentie|スポンサードリンク|スポンサーリンク|広告|广告|廣告|광고)$/i;

const AD_WORDS = new Set(['ad', 'ads', 'advert', 'advertisement', 'adslot', 'adunit', 'dfp', 'gpt', 'sponsor', 'sponsored', 'outbrain', 'taboola']);

export const adLabels = definePostStep({
  id: 'ad-labels',
  why:
    'Ad slots inside a story keep their label ("Advertisement", "Story continues below", "Реклама") when ' +
    'the ad is blocked or loads by script. The label is all that reaches the reading view.',
  detect({ measure }) {
    const found: PostMatch[] = [];
    for (const el of measure.elements) {
      const words = measure.words(el);
      if (words > 12) continue;
      const text = words <= 6 ? measure.text(el) : '';
      if (text && AD_LABEL.test(text.replace(/(?<![\s:.·-])[\s:.·-]+$/, ''))) {
        found.push({ element: el, reason: `ad label "${text}"` });
      } else if (words <= 12 && [...classWords(el)].some((w) => AD_WORDS.has(w)) && !el.querySelector('p, h2, h3, blockquote')) {
        found.push({ element: el, reason: 'named as an ad slot' });
      }
    }
    return found;
  },
});
