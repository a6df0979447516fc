/**
 * The word count the reading time and post-processing rely on: counted by a loop, it must
 * give exactly what the Unicode-class expression it stands in for gives, in every script.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../utils/cleaner/page/words.ts';

const UNICODE_WORDS = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const byExpression = (text: string): number => text.match(UNICODE_WORDS)?.length ?? 0;

describe('countWords', () => {
  it('counts joined words once and stray joiners not at all', () => {
    expect(countWords('Северо-запад и юго-восток')).toBe(3);
    expect(countWords("don't stop — it’s 2024")).toBe(4);
    expect(countWords('a--b -c- ’')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('counts letters and digits of any script, and what lies beyond 16 bits, as the expression does', () => {
    for (const text of ['Ⅻ ٣٤ x² ½', 'é ß-ö', '𝐀𝐁 c', 'a\u0301b', '\ud835 lone', '中文 字', 'ﬁne']) {
      expect(countWords(text), text).toBe(byExpression(text));
    }
  });

  it('agrees with the expression on any text', () => {
    const unit = fc.constantFrom('a', 'Я', 'ё', '7', '-', "'", '’', ' ', 'é', '²', '½', '\u0301', '𝐀', '\ud835', '\udc00', '٣', 'Ⅻ', '—', '.', '中');
    fc.assert(fc.property(fc.array(unit, { maxLength: 30 }).map((parts) => parts.join('')), (text) => countWords(text) === byExpression(text)), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => countWords(text) === byExpression(text)), { numRuns: 5000 });
  });
});
