import { describe, expect, test } from 'vitest';
import { firstDifference } from './first-difference.ts';

describe('firstDifference', () => {
  test('is null for equal texts', () => {
    expect(firstDifference('a\nb\n', 'a\nb\n')).toBeNull();
  });

  test('names the first differing line and column, with the lines before it', () => {
    const message = firstDifference('title\n\nfirst\nsecond\n', 'title\n\nfirst\nsecund\n');
    expect(message).toContain('line 4, column 4');
    expect(message).toContain('3  first');
    expect(message).toContain('expected: "second"');
    expect(message).toContain('actual:   "secund"');
  });

  test('reports a file that ends early', () => {
    const message = firstDifference('a\nb\nc', 'a\nb');
    expect(message).toContain('line 3');
    expect(message).toContain('actual:   <end of file>');
  });

  test('cuts a long paragraph around the change instead of printing all of it', () => {
    const long = 'слово '.repeat(200);
    const message = firstDifference(`${long}конец`, `${long}начало`) ?? '';
    expect(message).toContain('конец');
    expect(message).toContain('начало');
    expect(message.length).toBeLessThan(1000);
  });
});
