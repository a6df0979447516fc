import { describe, expect, test } from 'vitest';
import type { Annotation, AnnotationMention } from '../../utils/cleaner/types.ts';
import { readings } from './golden-page.ts';

/** The annotations of a page whose marks the annotator recorded as these mentions. */
const recorded = (mentions: AnnotationMention[]): Pick<Annotation, 'mentions'>[] => [{ mentions }];

const mention = (text: string, mark: string | null): AnnotationMention => ({ text, mark, evidence: 'symbol', inTitle: false });

describe('readings of a hand-written string', () => {
  test('without recorded marks it is only itself', () => {
    expect(readings('борьбе с ИГ* в Сирии', recorded([]))).toEqual(['борьбе с ИГ* в Сирии']);
  });

  test('a recorded symbol is taken off the name it follows', () => {
    expect(readings('борьбе с ИГ* в Сирии', recorded([mention('ИГ', '*')]))).toEqual(['борьбе с ИГ* в Сирии', 'борьбе с ИГ в Сирии']);
  });

  test('a recorded parenthetical goes with its space, past a closing quote', () => {
    const text = 'боевиками «Исламского государства» (организация запрещена в России), а также';
    expect(readings(text, recorded([mention('Исламского государства', '(организация запрещена в России)')]))[1]).toBe(
      'боевиками «Исламского государства», а также',
    );
  });

  test('a recorded prefix is taken off the name it precedes', () => {
    const text = 'сторонники запрещенной в России организации «Исламское государство» заявили';
    expect(readings(text, recorded([mention('Исламское государство', 'запрещенной в России организации')]))[1]).toBe(
      'сторонники «Исламское государство» заявили',
    );
  });

  test('a mark recorded for another name stays', () => {
    expect(readings('Meta** и Instagram*', recorded([mention('ИГ', '*')]))).toEqual(['Meta** и Instagram*']);
  });
});
