/**
 * Plain text of an article as a reader sees it: one paragraph a block, spaces folded.
 * The CLI prints it, the benchmark scores it and the golden files compare it.
 */

import { upperTag } from './elements.ts';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL', 'CAPTION',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export function articleText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = (): void => {
    const folded = line.replace(/[\s\u00a0\u2009\u202f\u200b\ufeff]+/g, ' ').trim();
    if (folded) blocks.push(folded);
    line = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        line += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const tag = upperTag(child as Element);
        if (SKIPPED_TAGS.has(tag)) continue;
        if (tag === 'BR') {
          line += ' ';
          continue;
        }
        const block = BLOCK_TAGS.has(tag) || tag === 'TD' || tag === 'TH';
        if (block) flush();
        walk(child);
        if (block) flush();
        else if (tag === 'IMG') line += ' ';
      }
    }
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

/** Words by Unicode letters and digits, so Russian and English count alike (words.ts). */
export { countWords } from './words.ts';

/**
 * Minutes at a calm silent-reading pace: about 230 words a minute in English and 180 in
 * Russian, whose words are longer. Never below one minute.
 */
export function readingMinutes(words: number, lang: string | null): number {
  const perMinute = lang?.toLowerCase().startsWith('ru') ? 180 : 230;
  return Math.max(1, Math.round(words / perMinute));
}
