/**
 * The article as plain text, for "Copy text": title, meta line, one paragraph a block with a
 * blank line between, list items with their markers, a picture's caption as its own line,
 * the source address, and annotation notes as numbered footnotes ("ИГ [1]"). Pure.
 */
import { t } from '../i18n.ts';
import { numberFootnotes, titlePieces } from './footnotes.ts';
import { articleMeta, type ExportInput } from './meta.ts';
import { bodyCopy } from './markdown.ts';

/** Elements that start and end a paragraph of their own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL',
]);

function blocksOf(root: Element, numberOf: ReadonlyMap<string, number>): string[] {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = line.replace(/[ \t\r\f\n]+/g, ' ').replace(/ *\u2028 */g, '\n').trim();
    if (text) blocks.push(text);
    line = '';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      line += pre ? (node.nodeValue ?? '').replace(/\n/g, '\u2028') : (node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const el = node as Element;
    const name = node.nodeType === 1 ? el.nodeName : '';
    if (name === 'BR') {
      line += '\u2028';
      return;
    }
    if (name === 'TD' || name === 'TH') line += ' ';
    const block = BLOCKS.has(name);
    if (block) flush();
    if (name === 'LI') {
      const list = el.parentElement;
      line += list?.nodeName === 'OL' ? `${[...list.children].indexOf(el) + 1}. ` : '– ';
    }
    for (const child of node.childNodes) walk(child, pre || name === 'PRE');
    const note = name === 'SPAN' ? numberOf.get(el.getAttribute('data-annotation') ?? '') : undefined;
    if (note) line += ` [${note}]`;
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}

export function articleToText(input: ExportInput): string {
  const { article, lang } = input;
  const meta = articleMeta(article, input.url, lang);
  const root = bodyCopy(input.body);
  const { footnotes, numberOf } = numberFootnotes(input.annotations, lang, { roots: [root] });
  const title = titlePieces(article.title, input.annotations, numberOf)
    .map((piece) => piece.text + (piece.note ? ` [${piece.note}]` : ''))
    .join('');
  const parts = [
    title || t(lang, 'noTitle'),
    [meta.byline, meta.dateText, meta.site].filter(Boolean).join(' · '),
    ...blocksOf(root, numberOf),
    meta.source ? `${t(lang, 'exportSource')}: ${meta.source}` : '',
    footnotes.map((note) => `[${note.number}] ${note.text}`).join('\n'),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}
