import { describe, expect, test } from 'vitest';
import { fullHeadline, visibleHeadlines } from '../../utils/cleaner/title.ts';
import { DOMS, parseDocument } from '../dom.ts';

describe('the headline the page shows', () => {
  test.each([
    ['a social card title cut short gives way to the full visible headline', 'Нюша поддержала Putin Team', ['Нюша поддержала Putin Team и поздравила больных детей с Новым годом. ФОТО'], 'Нюша поддержала Putin Team и поздравила больных детей с Новым годом. ФОТО'],
    ['an ellipsis at the cut does not hide the match', 'Council backs plan to turn old freight line…', ['Council backs plan to turn old freight line into a 9-mile greenway'], 'Council backs plan to turn old freight line into a 9-mile greenway'],
    ['the same headline stays as it is', 'Путин и Олланд договорились о координации', ['Путин и Олланд договорились о координации'], 'Путин и Олланд договорились о координации'],
    ['a different h1 (the site name) is not a headline of this story', 'Council backs plan for greenway', ['The Riverside Courier'], 'Council backs plan for greenway'],
    ['a longer heading that only starts with the same word is another text', 'Council backs plan', ['Council backs planning reform in a late-night vote'], 'Council backs plan'],
    ['a very short title is not evidence enough', 'News', ['News: the council voted'], 'News'],
  ])('%s', (_, metadata, headlines, expected) => {
    expect(fullHeadline(metadata, headlines)).toBe(expected);
  });

  test.each(DOMS)('headlines are read from h1 and itemprop=headline, spaces folded (%s)', (dom) => {
    const doc = parseDocument('<html><body><h1>Нюша поддержала&nbsp;Putin Team</h1><div itemprop="headline name">Second\n  one</div></body></html>', 'https://example.com/', dom);
    expect(visibleHeadlines(doc)).toEqual(['Нюша поддержала Putin Team', 'Second one']);
  });
});
