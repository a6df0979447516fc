/**
 * The article as one self-contained HTML file, for "Save as HTML": no script, no outside
 * stylesheet or font, its own small stylesheet inline, a Content-Security-Policy that lets
 * nothing run, and only the sanitized body (pictures stay links to the web: fetching them
 * would need access to every site). Annotation notes become numbered footnotes linked both
 * ways. Built with DOM calls on a new document, so page text is never parsed as markup.
 */
import { t } from '../i18n.ts';
import { annotationMarks, numberFootnotes, titlePieces } from './footnotes.ts';
import { articleMeta, type ExportInput } from './meta.ts';
import { bodyCopy } from './markdown.ts';

/** Nothing runs, nothing but pictures loads; styles only from the file itself. */
const CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fbfaf7; --muted: #5f6368; --rule: #d9d6cf; --link: #1a5fb4; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #1b1c1e; --muted: #a8abb0; --rule: #3b3d41; --link: #8ab4f8; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1.125rem/1.6 Georgia, 'Times New Roman', serif; }
article { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
.site, .meta, footer, .footnotes { color: var(--muted); font-family: system-ui, sans-serif; font-size: 0.9rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.25rem 0 0.5rem; }
a { color: var(--link); }
img, video { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption { color: var(--muted); font-size: 0.9rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
sup a { text-decoration: none; }
.footnotes, footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 1rem; }
@media print { body { background: none; color: #000; } a { color: inherit; } }
`;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, name: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = doc.createElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** `<sup><a href="#fn-2" id="fnref-2-1">2</a></sup>`: the k-th reference to note 2. */
function noteRef(doc: Document, number: number, seen: Map<number, number>): HTMLElement {
  const k = (seen.get(number) ?? 0) + 1;
  seen.set(number, k);
  return el(doc, 'sup', {}, el(doc, 'a', { href: `#fn-${number}`, id: `fnref-${number}-${k}`, role: 'doc-noteref' }, String(number)));
}

export function articleToHtml(input: ExportInput): string {
  const { article, lang } = input;
  const meta = articleMeta(article, input.url, lang);
  const body = bodyCopy(input.body);
  const { footnotes, numberOf } = numberFootnotes(input.annotations, lang, { roots: [body] });
  const doc = input.body.ownerDocument!.implementation.createHTMLDocument('');
  const seen = new Map<number, number>();

  // The article speaks its own language; the words Declutter adds (meta line, notes, source) the reader's.
  doc.documentElement.setAttribute('lang', article.lang ?? lang);
  doc.title = article.title || t(lang, 'noTitle');
  const head = doc.head;
  head.prepend(el(doc, 'meta', { charset: 'utf-8' }));
  head.append(
    el(doc, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CSP }),
    el(doc, 'meta', { name: 'referrer', content: 'no-referrer' }),
    el(doc, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el(doc, 'style', {}, STYLE),
  );

  // The title first: the first reference to a note, where its back link returns, is the first one read.
  const h1 = el(doc, 'h1');
  for (const piece of titlePieces(article.title, input.annotations, numberOf)) {
    h1.append(piece.text);
    if (piece.note) h1.append(noteRef(doc, piece.note, seen));
  }
  if (!h1.textContent) h1.append(t(lang, 'noTitle'));

  // The marks stay, without the focus stop and description that pointed into the reader's UI.
  for (const mark of annotationMarks([body], input.annotations)) {
    mark.removeAttribute('tabindex');
    mark.removeAttribute('aria-describedby');
    const number = numberOf.get(mark.getAttribute('data-annotation') ?? '');
    if (number) mark.after(noteRef(doc, number, seen));
  }
  const metaLine = [meta.byline, meta.dateText].filter((part): part is string => !!part).join(' · ');
  const header = el(doc, 'header', {}, ...(meta.site ? [el(doc, 'p', { class: 'site' }, meta.site)] : []), h1, ...(metaLine ? [el(doc, 'p', { class: 'meta', lang }, metaLine)] : []));

  const content = el(doc, 'div', { class: 'body' }, ...body.childNodes);
  if (article.dir === 'rtl' || article.dir === 'ltr') content.setAttribute('dir', article.dir);
  const root = el(doc, 'article', {}, header, content);

  if (footnotes.length) {
    const list = el(doc, 'ol');
    for (const note of footnotes) {
      const back = el(doc, 'a', { href: `#fnref-${note.number}-1`, 'aria-label': t(lang, 'exportBackToText') }, '↩');
      list.append(el(doc, 'li', { id: `fn-${note.number}` }, `${note.text} `, back));
    }
    root.append(el(doc, 'section', { class: 'footnotes', role: 'doc-endnotes', 'aria-label': t(lang, 'exportNotes'), lang }, el(doc, 'h2', {}, t(lang, 'exportNotes')), list));
  }
  const footer = el(doc, 'footer', { lang });
  if (meta.source) footer.append(el(doc, 'p', {}, `${t(lang, 'exportSource')}: `, el(doc, 'a', { href: meta.source }, meta.source)));
  if (meta.dateText) footer.append(el(doc, 'p', {}, `${t(lang, 'exportPublished')}: ${meta.dateText}`));
  if (footer.childNodes.length) root.append(footer);
  doc.body.append(root);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
