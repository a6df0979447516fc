/**
 * Golden files are long: a whole-file diff buries the one line that changed. This names
 * the first differing line with a little context, which is what a reviewer reads first.
 */

const CONTEXT_LINES = 2;
/** Lines in golden files can be whole paragraphs; beyond this they are cut around the change. */
const MAX_SHOWN_CHARS = 300;

export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const want = expected.split('\n');
  const got = actual.split('\n');
  let line = 0;
  while (line < want.length && line < got.length && want[line] === got[line]) line++;
  const wantLine = want[line];
  const gotLine = got[line];
  const column = wantLine !== undefined && gotLine !== undefined ? commonPrefixLength(wantLine, gotLine) : 0;
  const context = want
    .slice(Math.max(0, line - CONTEXT_LINES), line)
    .map((text, i) => `    ${line - Math.min(line, CONTEXT_LINES) + i + 1}  ${shorten(text, 0)}`);
  return [
    `first difference at line ${line + 1}${wantLine !== undefined && gotLine !== undefined ? `, column ${column + 1}` : ''}` +
      ` (expected ${want.length} lines, got ${got.length})`,
    ...(context.length ? ['  same before:', ...context] : []),
    `  expected: ${wantLine === undefined ? '<end of file>' : JSON.stringify(shorten(wantLine, column))}`,
    `  actual:   ${gotLine === undefined ? '<end of file>' : JSON.stringify(shorten(gotLine, column))}`,
  ].join('\n');
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Keeps the part of a long line around `column`, where the difference starts. */
function shorten(text: string, column: number): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  const start = Math.max(0, Math.min(column - MAX_SHOWN_CHARS / 3, text.length - MAX_SHOWN_CHARS));
  const cut = text.slice(start, start + MAX_SHOWN_CHARS);
  return `${start > 0 ? '…' : ''}${cut}${start + MAX_SHOWN_CHARS < text.length ? '…' : ''}`;
}
