/**
 * The article's text cut into pieces to speak one at a time: sentences (Intl.Segmenter
 * where the browser has it, a plain rule where it has not), and a sentence longer than
 * MAX_CHARS cut again at a comma, a dash or a space. Chromium stops an utterance after
 * about fifteen seconds with some voices, and one utterance a sentence is also what lets
 * the reader see the sentence being read. Pure; bounded work, no backtracking patterns.
 */

/** About ten seconds of speech at the normal rate. */
export const MAX_CHARS = 220;

export interface Piece {
  /** Offsets into the text it was cut from. */
  readonly start: number;
  readonly end: number;
}

type SegmenterCtor = new (lang?: string, options?: { granularity: 'sentence' }) => { segment(text: string): Iterable<{ index: number; segment: string }> };

/** The sentences of `text` as offsets, without the spaces around them. */
export function sentenceBounds(text: string, lang: string | undefined, Segmenter: SegmenterCtor | null | undefined = (Intl as { Segmenter?: SegmenterCtor }).Segmenter): Piece[] {
  const raw: Piece[] = [];
  if (Segmenter) {
    for (const s of new Segmenter(lang, { granularity: 'sentence' }).segment(text)) raw.push({ start: s.index, end: s.index + s.segment.length });
  } else {
    // After . ! ? or … (and any closing quotes or brackets), where a space and a capital,
    // an opening quote or a digit come next: "т. е. так" and "…и всё" do not end one.
    const boundary = /[.!?…]+["'»”’)\]]*(?=\s+[\p{Lu}«"“„(\d])/gu;
    let at = 0;
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
      raw.push({ start: at, end: m.index + m[0].length });
      at = m.index + m[0].length;
    }
    raw.push({ start: at, end: text.length });
  }
  return raw.map((piece) => trim(text, piece)).filter((piece): piece is Piece => piece !== null);
}

function trim(text: string, { start, end }: Piece): Piece | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end && /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}

/** A piece longer than `max`, cut at the last comma, semicolon, colon or dash, else the last space, before `max`. */
export function cutLong(text: string, piece: Piece, max = MAX_CHARS): Piece[] {
  const out: Piece[] = [];
  let { start } = piece;
  while (piece.end - start > max) {
    const window = text.slice(start, start + max);
    let cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf(' — '), window.lastIndexOf(' – '));
    if (cut < max / 3) cut = window.lastIndexOf(' ');
    if (cut < max / 3) cut = max - 1;
    const next = trim(text, { start, end: start + cut + 1 });
    if (next) out.push(next);
    start += cut + 1;
  }
  const last = trim(text, { start, end: piece.end });
  if (last) out.push(last);
  return out;
}

/** Every piece of `text` to speak, in order. */
export function speechPieces(text: string, lang: string | undefined, Segmenter?: SegmenterCtor | null): Piece[] {
  return sentenceBounds(text, lang, Segmenter).flatMap((piece) => cutLong(text, piece));
}
