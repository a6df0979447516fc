/**
 * Every registry name in a line: where each organisation's patterns match, quotation marks
 * trimmed, with indexes by start and end so that the passes ask "which name ends here?" in
 * one lookup. The names run on the line with look-alike letters unified (lookalikes.ts) and
 * mapped to plain classes (alphabet.ts); both keep offsets, so a match is a range of the line.
 */
import { memoByString } from '../page/memo.ts';
import { CLOSING_QUOTES, OPENING_QUOTES, QUOTES } from './patterns.ts';
import { compiledPatterns, registryAlphabet, type PatternKind, type StoredOrganization } from './registry.ts';
import type { Range } from './coverage.ts';
import { unifyScripts } from './lookalikes.ts';
import { step } from './work.ts';

export interface Candidate extends Range {
  readonly org: StoredOrganization;
  readonly kind: PatternKind;
  /** Whether quotation marks enclose the name. */
  readonly quoted: boolean;
}

/**
 * Whether `char` is one of `chars`. Not `chars.includes(text[i] ?? '')`: every string
 * includes '', so past the end of the text that is always true, and a loop stepping
 * over quotes never ends.
 */
export function isIn(chars: string, char: string | undefined): boolean {
  return char !== undefined && char !== '' && chars.includes(char);
}

const isQuote = (ch: string | undefined): boolean => isIn(QUOTES, ch);

/**
 * A pattern may take the quotation marks around a name («батальон «Азов»») or inside it
 * («Легион "Свобода России"»): enclosing ones are trimmed, a name's own pair is kept.
 */
function withoutEnclosingQuotes(text: string, from: number, to: number): Range {
  let start = from;
  let end = to;
  const count = (): number => {
    let n = 0;
    for (let i = start; i < end; i++) if (isQuote(text[i])) n++;
    step(end - start);
    return n;
  };
  if (isQuote(text[start]) && isQuote(text[end - 1]) && count() === 2) return { start: start + 1, end: end - 1 };
  if (isQuote(text[start]) && count() % 2 === 1) start++;
  if (isQuote(text[end - 1]) && count() % 2 === 1) end--;
  return { start, end };
}

/**
 * Which patterns can start a match at a character: about two hundred patterns each scanning
 * every line is most of the annotator's time, and a line holds few of the capitals and
 * quotation marks names start with.
 */
interface LeadIndex {
  /** Patterns whose first character is not known: they always run. */
  readonly always: readonly number[];
  /** UTF-16 code of a first character → the patterns known only by it. */
  readonly byCode: ReadonlyMap<number, readonly number[]>;
  /** The codes of two first characters (`first * 0x10000 + second`) → the patterns starting with them. */
  readonly byPair: ReadonlyMap<number, readonly number[]>;
  /** Per UTF-16 code: 1 when some pattern starts with it, 2 when some pair does, 3 both; most characters cost one read. */
  readonly isLead: Uint8Array;
}

let leadIndex: LeadIndex | null = null;

function patternsByLead(): LeadIndex {
  if (leadIndex) return leadIndex;
  const always: number[] = [];
  const byCode = new Map<number, number[]>();
  const byPair = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, key: number, i: number): void => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  compiledPatterns().forEach((pattern, i) => {
    // Characters outside the BMP would need a code-point scan: such patterns are indexed by less.
    if (pattern.pairs && pattern.pairs.every((pair) => pair.length === 2)) {
      for (const pair of new Set(pattern.pairs)) add(byPair, pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1), i);
    } else if (pattern.leading && pattern.leading.every((ch) => ch.length === 1)) {
      for (const ch of new Set(pattern.leading)) add(byCode, ch.charCodeAt(0), i);
    } else always.push(i);
  });
  const isLead = new Uint8Array(0x10000);
  for (const code of byCode.keys()) isLead[code] = isLead[code]! | 1;
  for (const key of byPair.keys()) isLead[Math.floor(key / 0x10000)] = isLead[Math.floor(key / 0x10000)]! | 2;
  return (leadIndex = { always, byCode, byPair, isLead });
}

/** The patterns whose openings occur in `text`, in the registry's order, each once. */
function wantedPatterns(text: string): number[] {
  const { always, byCode, byPair, isLead } = patternsByLead();
  const wanted = new Set<number>(always);
  const codesSeen = new Set<number>();
  const pairsSeen = new Set<number>();
  step(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lead = isLead[code]!;
    if (!lead) continue;
    if (lead & 2 && i + 1 < text.length) {
      const key = code * 0x10000 + text.charCodeAt(i + 1);
      const list = byPair.get(key);
      if (list && !pairsSeen.has(key)) {
        pairsSeen.add(key);
        for (const p of list) wanted.add(p);
      }
    }
    if (lead & 1 && !codesSeen.has(code)) {
      codesSeen.add(code);
      for (const p of byCode.get(code)!) wanted.add(p);
    }
  }
  return [...wanted].sort((a, b) => a - b);
}

/**
 * A footnote digit glued to a name («ИГ²», «WhatsApp1») is no part of it: superscripts, and a
 * single digit right after a letter, are read as spaces (one unit for one). Names ending in a
 * letter and one digit are not in the registry; «С14» and «Днепр-1» keep theirs.
 */
const GLUED_DIGIT = /(?<=\p{L})[1-9](?![\p{L}\p{N}])|[¹²³⁴⁵⁶⁷⁸⁹]/gu;

/** The line as the names are run on it: look-alike letters unified, footnote digits read as spaces (offsets kept). */
export function searchedText(line: string): string {
  return unifyScripts(line).replace(GLUED_DIGIT, ' ');
}

function searchRegistry(original: string): Candidate[] {
  const found: Candidate[] = [];
  const text = searchedText(original);
  const wanted = wantedPatterns(text);
  if (!wanted.length) return found;
  const patterns = compiledPatterns();
  // The names over plain classes run on the mapped line (same offsets; alphabet.ts), unless it cannot be mapped.
  const alphabet = registryAlphabet();
  const mapped = alphabet ? alphabet.map(text) : null;
  const subject = mapped ?? text;
  for (const index of wanted) {
    const pattern = patterns[index]!;
    const regex = mapped === null ? pattern.regex : pattern.plainRegex;
    regex.lastIndex = 0;
    // A regex over the line is linear in it (the names have no nested repetition); counted as one pass.
    step(subject.length);
    for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
      const { start, end } = withoutEnclosingQuotes(text, m.index, m.index + m[0].length);
      if (m[0].length === 0) regex.lastIndex++;
      if (end <= start) continue;
      const quoted = isIn(OPENING_QUOTES, text[start - 1]) && isIn(CLOSING_QUOTES, text[end]);
      found.push({ org: pattern.org, kind: pattern.kind, start, end, quoted });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Each line is searched by several passes (marks, unambiguous names, links) with some 250
 * patterns; the answers are kept for the lines of the last few pages.
 */
const CANDIDATE_CACHE_SIZE = 4000;

/** Every registry name in the text, quotation marks trimmed, longest first at each start. */
export const registryCandidates: (text: string) => Candidate[] = memoByString((text) => searchRegistry(text), CANDIDATE_CACHE_SIZE);

/** A line's candidates, looked up by where they start or end; built once per line (`candidateIndex`). */
export class CandidateIndex {
  readonly all: readonly Candidate[];
  private readonly byEnd = new Map<number, Candidate>();
  private readonly byStart = new Map<number, Candidate[]>();

  constructor(candidates: readonly Candidate[]) {
    this.all = candidates;
    for (const c of this.all) {
      const longest = this.byEnd.get(c.end);
      if (!longest || c.start < longest.start) this.byEnd.set(c.end, c);
      const list = this.byStart.get(c.start);
      if (list) list.push(c);
      else this.byStart.set(c.start, [c]);
    }
  }

  /** The longest name ending at `end`. */
  endingAt(end: number): Candidate | null {
    return this.byEnd.get(end) ?? null;
  }

  /** The longest name starting at `start`. */
  startingAt(start: number): Candidate | null {
    return this.byStart.get(start)?.[0] ?? null;
  }

  /** The names starting at `start`, longest first. */
  allStartingAt(start: number): readonly Candidate[] {
    return this.byStart.get(start) ?? [];
  }
}

const indexes = new WeakMap<readonly Candidate[], CandidateIndex>();

/** The index of a line's candidates (kept as long as the line's candidates are). */
export function candidateIndex(text: string): CandidateIndex {
  const candidates = registryCandidates(text);
  let index = indexes.get(candidates);
  if (!index) {
    index = new CandidateIndex(candidates);
    indexes.set(candidates, index);
  }
  return index;
}
