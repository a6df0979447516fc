/**
 * A caption can freeze the popup if a credit pattern backtracks: `ab | ab | …` 24 times (150
 * characters) once took PIPED_CREDIT 2^24 tries and never finished in Chromium. The pattern is
 * checked by structure (scslre, the analysis behind the lint's regexp/no-super-linear-backtracking:
 * no two quantifiers may trade characters exponentially), not by a clock; then the hostile
 * caption goes through the step, which now decides in one pass.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { PIPED_CREDIT, imageCredits } from '../../../utils/cleaner/postprocess/image-credits.ts';
import { postprocess } from '../../../utils/cleaner/postprocess/index.ts';
import { articleText } from '../../../utils/cleaner/page/article-text.ts';
import { DOMS, parseDocument } from '../../dom.ts';

function exponentialReports(re: RegExp): string[] {
  const literal = new RegExpParser().parseLiteral(re.toString());
  return analyse(literal, { reportTypes: { Move: false, Self: true, Trade: true } })
    .reports.filter((r) => r.exponential)
    .map((r) => r.type);
}

describe('piped credit under a picture', () => {
  it('has no pair of quantifiers that trade characters exponentially', () => {
    expect(exponentialReports(PIPED_CREDIT)).toEqual([]);
  });

  it('the check finds the old pattern', () => {
    expect(exponentialReports(/(?<=[.!?"”’»)]\s*)[^.!?|]{2,40}(\s*\|\s*[^.!?|]{2,40})+$/)).not.toEqual([]);
  });

  it('still takes "Photographer | Agency | Getty Images" off the end of a caption', () => {
    const value = 'The sheikh in Dubai on Nov. 13, 2017. Natalie Naccache | Bloomberg | Getty Images';
    expect(PIPED_CREDIT.exec(value)?.[0]).toBe(' Natalie Naccache | Bloomberg | Getty Images');
  });

  it.each(DOMS)('keeps a hostile caption of 24 "ab |" parts under %s', (dom) => {
    const hostile = `Photo. ${'ab | '.repeat(24)}.`;
    const story = '<p>The council voted on Wednesday night to buy the disused freight corridor that runs along the creek.</p>'.repeat(3);
    const doc = parseDocument(`<html><body><div id="root">${story}<figure><img src="a.jpg"><figcaption>${hostile}</figcaption></figure></div></body></html>`, 'https://news.example/a', dom);
    const root = doc.getElementById('root')!;
    postprocess({ root, title: 't', byline: null, url: new URL('https://news.example/a'), lang: 'en' }, [imageCredits]);
    expect(articleText(root)).toContain('ab | ab | ab');
  });
});
