/**
 * Finding mentions in one line of text. Pure: strings in, offsets out, so the article's
 * lines and its title (a plain string) go through the same code.
 *
 * Two passes over the page. The first finds what the page itself marks: a name followed by
 * a symbol («ИГ*», «Айдар»*, «Meta* Platforms»), by a disclaimer in brackets («(организация
 * запрещена в России)», «(ИГ, запрещена в России)», «(признан иноагентом)»), or preceded by
 * a participle phrase («запрещенной в России организации «Исламское государство»»). The
 * second, once the page's marks are known, links later unmarked mentions of the organisations
 * the page marks, and names the registry knows to be unambiguous by themselves.
 */
import type { AnnotationEvidence } from '../types.ts';
import { memoByString } from '../page/memo.ts';
import { CLOSING_QUOTES, OPENING_QUOTES, QUOTES, isLatin } from './patterns.ts';
import { compiledPatterns, registryAlphabet, type PatternKind, type StoredOrganization } from './registry.ts';
import { disclaimerMeaning, noteMeaning, STAR_RUN, starCount, type NoteMeaning } from './marks.ts';

/**
 * Whether `char` is one of `chars`. Not `chars.includes(text[i] ?? '')`: every string
 * includes '', so past the end of the text that is always true, and a loop stepping
 * over quotes never ends.
 */
function isIn(chars: string, char: string | undefined): boolean {
  return char !== undefined && char !== '' && chars.includes(char);
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Candidate extends Range {
  readonly org: StoredOrganization;
  readonly kind: PatternKind;
  /** Whether quotation marks enclose the name. */
  readonly quoted: boolean;
}

/** A mention of an organisation (or person) the registry does not know: keyed by its wording. */
export interface PageName {
  readonly text: string;
  readonly quoted: boolean;
}

export interface FoundMention extends Range {
  readonly org: StoredOrganization | null;
  readonly pageName: PageName | null;
  readonly evidence: AnnotationEvidence;
  /** The mark as written, or null for a linked mention. */
  readonly mark: string | null;
  /** The symbol count, to be read through the page's legend. */
  readonly stars: number | null;
  /** What a parenthetical or prefix on this mention says. */
  readonly meaning: NoteMeaning | null;
  /** The page's words about it (a disclaimer's content, a prefix phrase). */
  readonly note: string | null;
}

export interface LineFindings {
  readonly mentions: FoundMention[];
  /** Ranges to delete from the reading flow: symbols and disclaimers. */
  readonly removals: Range[];
}

const isSpace = (ch: string | undefined): boolean => ch !== undefined && /[\s\u00a0]/.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

const isQuote = (ch: string | undefined): boolean => ch !== undefined && QUOTES.includes(ch);

/**
 * A pattern may take the quotation marks around a name («батальон «Азов»») or inside it
 * («Легион "Свобода России"»): enclosing ones are trimmed, a name's own pair is kept.
 */
function withoutEnclosingQuotes(text: string, from: number, to: number): Range {
  let start = from;
  let end = to;
  const count = (): number => [...text.slice(start, end)].filter((ch) => isQuote(ch)).length;
  if (isQuote(text[start]) && isQuote(text[end - 1]) && count() === 2) return { start: start + 1, end: end - 1 };
  if (isQuote(text[start]) && count() % 2 === 1) start++;
  if (isQuote(text[end - 1]) && count() % 2 === 1) end--;
  return { start, end };
}

/**
 * Each line is searched three times (marks, unambiguous names, links) with some 250
 * patterns; the answers are kept for the lines of the last few pages.
 */
const CANDIDATE_CACHE_SIZE = 4000;

/** Every registry name in the text, quotation marks trimmed, longest first at each start. */
export const registryCandidates: (text: string) => Candidate[] = memoByString((text) => searchRegistry(text), CANDIDATE_CACHE_SIZE);

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
  /** Per UTF-16 code: the search that last looked it up, so a repeated character is looked up once. */
  readonly seen: Uint32Array;
}

let searchCount = 0;

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
  return (leadIndex = { always, byCode, byPair, isLead, seen: new Uint32Array(0x10000) });
}

function searchRegistry(text: string): Candidate[] {
  const found: Candidate[] = [];
  const patterns = compiledPatterns();
  const { always, byCode, byPair, isLead, seen } = patternsByLead();
  const wanted = [...always];
  if (searchCount === 0xffffffff) {
    seen.fill(0);
    searchCount = 0;
  }
  const search = ++searchCount;
  let pairsSeen: Set<number> | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lead = isLead[code]!;
    if (!lead) continue;
    if (lead & 2 && i + 1 < text.length) {
      const key = code * 0x10000 + text.charCodeAt(i + 1);
      const list = byPair.get(key);
      if (list && !(pairsSeen ??= new Set()).has(key)) {
        pairsSeen.add(key);
        wanted.push(...list);
      }
    }
    if (lead & 1 && seen[code] !== search) {
      seen[code] = search;
      wanted.push(...byCode.get(code)!);
    }
  }
  // In the registry's order, as when every pattern ran: candidates at the same place keep it.
  // (A pattern listed under two of the line's characters runs once.)
  wanted.sort((a, b) => a - b);
  if (!wanted.length) return found;
  // The names over plain classes run on the mapped line (same offsets; alphabet.ts), unless it cannot be mapped.
  const alphabet = registryAlphabet();
  const mapped = alphabet ? alphabet.map(text) : null;
  const subject = mapped ?? text;
  for (let w = 0; w < wanted.length; w++) {
    const index = wanted[w]!;
    if (w > 0 && wanted[w - 1] === index) continue;
    const pattern = patterns[index]!;
    const regex = mapped === null ? pattern.regex : pattern.plainRegex;
    regex.lastIndex = 0;
    for (let m = regex.exec(subject); m; m = regex.exec(subject)) {
      const { start, end } = withoutEnclosingQuotes(text, m.index, m.index + m[0].length);
      if (end <= start) continue;
      const quoted = isIn(OPENING_QUOTES, text[start - 1]) && isIn(CLOSING_QUOTES, text[end]);
      found.push({ org: pattern.org, kind: pattern.kind, start, end, quoted });
      if (m[0].length === 0) regex.lastIndex++;
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Index of the bracket closing the one at `open`, one level of nesting allowed, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 400; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the bracket opening the one closed at `close`, or -1. */
function openingBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && i > close - 400; i--) {
    if (text[i] === ')') depth++;
    else if (text[i] === '(') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface Disclaimer extends Range {
  readonly content: string;
  readonly meaning: NoteMeaning;
  /** What of the brackets stays in the text: an alias the page introduces there («(ИГ)»). */
  readonly removals: Range[];
  readonly aliases: Range[];
}

const ALIAS_THEN_STATUS = /^([^,;()]{1,40}?)\s*[,;]\s+(\S[\s\S]*)$/u;
const ABBR_THEN_VERB = /^(\p{Lu}{2,6})\s+(?=(?:признан|запрещ|внес|включ|объявл))/u;

/**
 * Reads brackets at `open` as a disclaimer. «(ИГ, запрещена в России)» and «(ИГ (организация
 * запрещена в России))» introduce an abbreviation as well: the abbreviation stays in the text
 * («(ИГ)»), only the disclaimer goes.
 */
function readDisclaimer(text: string, open: number): Disclaimer | null {
  const close = closingBracket(text, open);
  if (close < 0) return null;
  const content = text.slice(open + 1, close);
  const meaning = disclaimerMeaning(content);
  if (!meaning) return null;
  let cut = open;
  while (cut > 0 && isSpace(text[cut - 1])) cut--;
  const whole: Disclaimer = { start: cut, end: close + 1, content, meaning, removals: [{ start: cut, end: close + 1 }], aliases: [] };

  const innerOpen = content.indexOf('(');
  if (innerOpen > 0) {
    const innerClose = closingBracket(content, innerOpen);
    const outer = content.slice(0, innerOpen) + content.slice(innerClose + 1);
    if (innerClose > innerOpen && !noteMeaning(outer) && outer.trim()) {
      let from = open + 1 + innerOpen;
      while (from > open + 1 && isSpace(text[from - 1])) from--;
      const alias = trimRange(text, open + 1, open + 1 + innerOpen);
      return { ...whole, content: content.slice(innerOpen + 1, innerClose), removals: [{ start: from, end: open + 2 + innerClose }], aliases: alias ? [alias] : [] };
    }
  }
  const aliasComma = ALIAS_THEN_STATUS.exec(content);
  if (aliasComma && looksLikeName(aliasComma[1]!) && !noteMeaning(aliasComma[1]!) && noteMeaning(aliasComma[2]!)) {
    const aliasEnd = open + 1 + aliasComma[1]!.length;
    const alias = trimRange(text, open + 1, aliasEnd);
    return { ...whole, content: aliasComma[2]!, removals: [{ start: aliasEnd, end: close }], aliases: alias ? [alias] : [] };
  }
  const abbr = ABBR_THEN_VERB.exec(content);
  if (abbr) {
    const aliasEnd = open + 1 + abbr[1]!.length;
    return { ...whole, removals: [{ start: aliasEnd, end: close }], aliases: [{ start: open + 1, end: aliasEnd }] };
  }
  return whole;
}

/**
 * An abbreviation or a name the page introduces in brackets («ИГ», «Медуза», «ХТШ»): it
 * starts with a capital or a quotation mark and is a few words at most. «принадлежат
 * компании Meta, которая признана…» is a clause, and goes with the disclaimer.
 */
function looksLikeName(text: string): boolean {
  const t = text.trim();
  return /^[\p{Lu}\p{N}«"„“]/u.test(t) && t.split(/\s+/).length <= 4;
}

function trimRange(text: string, start: number, end: number): Range | null {
  let s = start;
  let e = end;
  while (s < e && (isSpace(text[s]) || OPENING_QUOTES.includes(text[s]!))) s++;
  while (e > s && (isSpace(text[e - 1]) || CLOSING_QUOTES.includes(text[e - 1]!))) e--;
  return e > s ? { start: s, end: e } : null;
}

interface Tail {
  readonly end: number;
  readonly stars: number | null;
  readonly starRange: Range | null;
  readonly disclaimer: Disclaimer | null;
  readonly removals: Range[];
  readonly aliases: Range[];
}

const STAR_AT = new RegExp(`^${STAR_RUN}`, 'u');

/**
 * What follows a name: closing quotes, a symbol, an alias in brackets with the symbol after
 * it («(ИГ)*»), a disclaimer in brackets, a symbol after the brackets. Null when nothing marks it.
 */
function readTail(text: string, nameEnd: number): Tail | null {
  let pos = nameEnd;
  let stars: number | null = null;
  let starRange: Range | null = null;
  let disclaimer: Disclaimer | null = null;
  const removals: Range[] = [];
  const aliases: Range[] = [];
  const skipQuotes = (): void => {
    for (let n = 0; n < 2 && isIn(CLOSING_QUOTES, text[pos]) && text[pos] !== "'"; n++) pos++;
  };
  const takeStars = (): boolean => {
    const m = STAR_AT.exec(text.slice(pos));
    if (!m || stars !== null) return false;
    stars = starCount(m[0]);
    starRange = { start: pos, end: pos + m[0].length };
    removals.push(starRange);
    pos += m[0].length;
    return true;
  };
  skipQuotes();
  takeStars();
  skipQuotes();
  // Up to two disclaimers: «Корпорация Meta (запрещена в РФ) (запрещена по решению властей РФ)».
  for (let round = 0; round < 2; round++) {
    let gap = pos;
    while (isSpace(text[gap])) gap++;
    if (text[gap] !== '(' || gap - pos > 2) break;
    const found = readDisclaimer(text, gap);
    if (found) {
      const previous = disclaimer as Disclaimer | null;
      disclaimer = previous ? { ...previous, content: `${previous.content}; ${found.content}`, end: found.end } : found;
      removals.push(...found.removals);
      aliases.push(...found.aliases);
      pos = found.end;
      skipQuotes();
      takeStars();
    } else if (stars === null && round === 0) {
      // «Исламское государство» (ИГ)* — an alias in brackets, then the symbol for both.
      const close = closingBracket(text, gap);
      const after = close > 0 ? STAR_AT.exec(text.slice(close + 1)) : null;
      const alias = close > 0 ? trimRange(text, gap + 1, close) : null;
      if (after && alias && alias.end - alias.start <= 40) {
        aliases.push(alias);
        pos = close + 1;
        takeStars();
      }
      break;
    } else break;
  }
  if (stars === null && !disclaimer) return null;
  return { end: pos, stars, starRange, disclaimer, removals, aliases };
}

/**
 * The name a symbol or disclaimer is attached to when the registry does not know it: the
 * quoted words before it, else up to three capitalised words («Лев Пономарев*»,
 * «Bellingcat* (признан иноагентом)») in one script.
 */
function pageNameBefore(text: string, end: number): (Range & PageName) | null {
  const last = text[end - 1];
  if (last && CLOSING_QUOTES.includes(last)) {
    const opener = last === '»' ? '«' : last === '“' ? '„' : last;
    const open = text.lastIndexOf(opener, end - 2);
    if (open < 0 || end - 1 - open > 100) return null;
    const inner = text.slice(open + 1, end - 1);
    if (!/^[\p{Lu}\p{N}]/u.test(inner) && !isLatin(inner.slice(0, 1))) return null;
    return { start: open + 1, end: end - 1, text: inner, quoted: true };
  }
  if (!isWordChar(last)) return null;
  const words: Range[] = [];
  let pos = end;
  while (words.length < 3) {
    const before = text.slice(0, pos);
    const m = /[\p{L}\p{N}][\p{L}\p{N}&.'’-]*$/u.exec(before);
    if (!m) break;
    const word = m[0];
    if (!/^[\p{Lu}\p{N}]/u.test(word)) break;
    // «Политолог Голубев*» at the start of a sentence: the role is capitalised, not part of the name.
    if (words.length && ROLE_NOUN.test(word)) break;
    if (words.length && isLatin(word) !== isLatin(text.slice(words[0]!.start, words[0]!.end))) break;
    words.unshift({ start: m.index, end: m.index + word.length });
    pos = m.index;
    if (!/^[ \u00a0]$/.test(text[pos - 1] ?? '')) break;
    pos--;
  }
  if (!words.length) return null;
  const start = words[0]!.start;
  return { start, end, text: text.slice(start, end), quoted: false };
}

/**
 * Words for what a person is, which precede a marked name and are capitalised only because a
 * sentence starts with them («Политолог Голубев*», «Журналистка Ветрова (признана иноагентом)»).
 */
const ROLE_NOUN = /^(?:экс-)?(?:политолог|журналист|блогер|активист|правозащитни|адвокат|юрист|депутат|политик|оппозиционер|публицист|социолог|историк|экономист|писател|поэт|художни|режиссер|режиссёр|музыкант|певец|певиц|актер|актёр|актрис|рэпер|ведущ|основател|сооснователь|глава|лидер|руководител|директор|главред|редактор|корреспондент|фотограф|ученый|учёный|бизнесмен|предпринимател|философ|комик|стример|сотрудни|координатор|участни|бывш)\p{L}*$/iu;

/** «запрещенной в России террористической организации», «признанного экстремистским движения». */
const PREFIX = new RegExp(
  String.raw`(?<![\p{L}])(?:запрещ[её]нн\p{L}*|признанн\p{L}*)` +
    String.raw`(?:\s+(?:в\s+(?:России|РФ|Российской\s+Федерации)|на\s+территории\s+(?:России|РФ)))?` +
    String.raw`(?:\s+(?:террористическ|экстремистск|нежелательн|международн|украинск)\p{L}*){0,2}` +
    String.raw`\s+(?:организаци|группировк|движени|нацбатальон|батальон|полк|сообществ|объединени|структур|сект|компани|корпораци|соцсет|издани)\p{L}*\s+`,
  'giu',
);

/** A company's legal form after its name («Medusa Project SIA», «Meta Platforms, Inc.») belongs to the name. */
const LEGAL_FORM = /,?[ \u00a0]+(?:Inc\.?|Ltd\.?|LLC|GmbH|SIA|AG|S\.A\.|z\.[ \u00a0]?s\.)$/u;

const PARTICIPLE_AFTER = new RegExp(
  String.raw`^,\s+((?:(?:деятельность\s+)?котор\p{L}+\s+(?:деятельность\s+)?)?(?:запрещ[её]нн?\p{L}*|признан\p{L}*)` +
    String.raw`[^,.;()]{0,60}?(?:России|РФ|Российской\s+Федерации|территори\p{L}*|террористическ\p{L}*|экстремистск\p{L}*|нежелательн\p{L}*)[^,.;()]{0,30})`,
  'u',
);

function longestEndingAt(candidates: readonly Candidate[], end: number, text?: string): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (c.end === end && (!best || c.start < best.start)) best = c;
  if (!best && text) {
    const form = LEGAL_FORM.exec(text.slice(Math.max(0, end - 12), end));
    if (form) {
      const inner = longestEndingAt(candidates, end - form[0].length);
      if (inner) return { ...inner, end };
    }
  }
  return best;
}

function longestStartingAt(candidates: readonly Candidate[], start: number): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (c.start === start && (!best || c.end > best.end)) best = c;
  return best;
}

const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/**
 * Pass one: what the page marks in this line. `legendSays` is what the page's legend says a
 * symbol count means: undefined when the page has no legend for it, null when the legend is
 * an ordinary footnote (then the symbol is not a mark at all).
 */
export function findMarkedMentions(text: string, legendSays: (stars: number) => NoteMeaning | null | undefined): LineFindings {
  const candidates = registryCandidates(text);
  const mentions: FoundMention[] = [];
  const removals: Range[] = [];
  const taken: Range[] = [];

  const markAt = (nameEnd: number, evidenceIfPrefix?: { start: number; phrase: string; meaning: NoteMeaning | null }): boolean => {
    const tail = readTail(text, nameEnd);
    const name = longestEndingAt(candidates, nameEnd, text);
    const starMeaning = tail?.stars != null ? legendSays(tail.stars) : undefined;
    // A symbol the legend explains as something else (a data footnote) is no mark.
    const starCounts = tail?.stars != null && starMeaning !== null && (starMeaning !== undefined || name !== null);
    if (!tail || (!starCounts && !tail.disclaimer)) return false;
    const pageName = name ? null : pageNameBefore(text, nameEnd);
    if (!name && !pageName) return false;
    const range = name ?? pageName!;
    if (taken.some((t) => overlaps(t, { start: range.start, end: tail.end }))) return false;
    const marks: string[] = [];
    if (starCounts && tail.starRange) marks.push(text.slice(tail.starRange.start, tail.starRange.end));
    if (tail.disclaimer) marks.push(text.slice(tail.disclaimer.start, tail.disclaimer.end).trim());
    const meaning = tail.disclaimer?.meaning ?? starMeaning ?? evidenceIfPrefix?.meaning ?? null;
    mentions.push({
      start: range.start,
      end: range.end,
      org: name?.org ?? null,
      pageName: pageName ? { text: pageName.text, quoted: pageName.quoted } : null,
      evidence: tail.disclaimer && !starCounts ? 'parenthetical' : 'symbol',
      mark: marks.join(' ') || null,
      stars: starCounts ? tail.stars : null,
      meaning,
      note: tail.disclaimer?.content.trim() ?? evidenceIfPrefix?.phrase ?? null,
    });
    for (const r of tail.removals) if (r !== tail.starRange || starCounts) removals.push(r);
    for (const alias of tail.aliases) {
      const aliasName = candidates.find((c) => c.start === alias.start && c.end === alias.end && c.org === name?.org);
      if (aliasName) mentions.push({ ...alias, org: aliasName.org, pageName: null, evidence: 'linked', mark: null, stars: null, meaning: null, note: null });
    }
    taken.push({ start: range.start, end: tail.end });
    return true;
  };

  // Symbols: a run of stars right after a word or a closing quote or bracket.
  const stars = new RegExp(STAR_RUN, 'gu');
  for (let m = stars.exec(text); m; m = stars.exec(text)) {
    if (taken.some((t) => m!.index >= t.start && m!.index < t.end)) continue;
    let end = m.index;
    while (end > 0 && CLOSING_QUOTES.includes(text[end - 1]!) && !candidates.some((c) => c.end === end)) end--;
    if (text[end - 1] === ')') {
      // «Исламское государство» (ИГ)*: the name is before the brackets.
      const open = openingBracket(text, end - 1);
      let nameEnd = open;
      while (nameEnd > 0 && isSpace(text[nameEnd - 1])) nameEnd--;
      while (nameEnd > 0 && CLOSING_QUOTES.includes(text[nameEnd - 1]!) && !candidates.some((c) => c.end === nameEnd)) nameEnd--;
      if (open > 0 && markAt(nameEnd)) continue;
    }
    if (isWordChar(text[end - 1]) || isIn(CLOSING_QUOTES, text[end - 1]) || longestEndingAt(candidates, end, text)) markAt(end);
  }

  // Disclaimers in brackets after a name.
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    if (taken.some((t) => open >= t.start && open < t.end)) continue;
    let nameEnd = open;
    while (nameEnd > 0 && isSpace(text[nameEnd - 1])) nameEnd--;
    if (nameEnd === open && !(nameEnd > 0 && CLOSING_QUOTES.includes(text[nameEnd - 1]!))) continue;
    while (nameEnd > 0 && CLOSING_QUOTES.includes(text[nameEnd - 1]!) && !candidates.some((c) => c.end === nameEnd)) nameEnd--;
    if (open - nameEnd > 4) continue;
    markAt(nameEnd);
  }

  // A participle after the name («группировки ИГ, запрещенной в России,», «Meta, деятельность
  // которой запрещена в РФ»): like a prefix, it is part of the sentence and stays.
  for (const c of candidates) {
    if (taken.some((t) => overlaps(t, c))) continue;
    let after = c.end;
    while (isIn(CLOSING_QUOTES, text[after])) after++;
    const m = PARTICIPLE_AFTER.exec(text.slice(after, after + 160));
    if (!m) continue;
    const phrase = m[1]!.trim();
    const meaning = noteMeaning(phrase);
    if (!meaning) continue;
    mentions.push({ start: c.start, end: c.end, org: c.org, pageName: null, evidence: 'prefix', mark: phrase, stars: null, meaning, note: phrase });
    taken.push(c);
  }

  // Prefixes: the participle phrase stays (it is part of the sentence); the name is marked by it.
  PREFIX.lastIndex = 0;
  for (let m = PREFIX.exec(text); m; m = PREFIX.exec(text)) {
    let start = m.index + m[0].length;
    while (isIn(OPENING_QUOTES, text[start])) start++;
    const phrase = m[0].trim();
    const meaning = noteMeaning(phrase);
    if (!meaning) continue;
    const name = longestStartingAt(candidates, start);
    if (name && taken.some((t) => overlaps(t, name))) {
      // Already marked by a symbol or brackets: the prefix adds its words to the note.
      const marked = mentions.find((x) => x.start === name.start);
      if (marked) mentions[mentions.indexOf(marked)] = { ...marked, note: [phrase, marked.note].filter(Boolean).join('; '), meaning: marked.meaning ?? meaning };
      continue;
    }
    if (name) {
      mentions.push({ start: name.start, end: name.end, org: name.org, pageName: null, evidence: 'prefix', mark: phrase, stars: null, meaning, note: phrase });
      taken.push(name);
      continue;
    }
    if (isIn(OPENING_QUOTES, text[start - 1])) {
      const close = text.slice(start).search(/[»“”"]/u);
      if (close > 0 && close <= 80) {
        const range = { start, end: start + close };
        if (!taken.some((t) => overlaps(t, range))) {
          mentions.push({ ...range, org: null, pageName: { text: text.slice(range.start, range.end), quoted: true }, evidence: 'prefix', mark: phrase, stars: null, meaning, note: phrase });
          taken.push(range);
        }
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, removals };
}

/** What the whole page has established before the second pass. */
export interface Established {
  /** Organisations the page marks, or names by an unambiguous name. */
  readonly orgs: ReadonlySet<string>;
  /** Wordings of page-only names the page marks, to link their later mentions. */
  readonly pageNames: ReadonlyMap<string, PageName>;
}

/**
 * Pass two, part one: names unambiguous by themselves (`names`, and `quoted` ones inside
 * quotation marks). A designation that is suspended or lifted is never annotated from the
 * registry alone: only the page's own mark can say it still matters.
 */
export function findStandaloneMentions(text: string, taken: readonly Range[]): FoundMention[] {
  const out: FoundMention[] = [];
  const used: Range[] = [...taken];
  for (const c of registryCandidates(text)) {
    if (c.org.status.state !== 'listed') continue;
    if (!(c.kind === 'names' || (c.kind === 'quoted' && c.quoted))) continue;
    if (used.some((u) => overlaps(u, c))) continue;
    out.push({ start: c.start, end: c.end, org: c.org, pageName: null, evidence: 'registry', mark: null, stars: null, meaning: null, note: null });
    used.push(c);
  }
  return out;
}

/**
 * Pass two, part two: later unmarked mentions of what the page has established. Ordinary
 * words need quotation marks (or Latin script) even then: «Азов» after «Азов»* is the
 * battalion, the bare word may be the city.
 */
export function findLinkedMentions(text: string, taken: readonly Range[], established: Established): FoundMention[] {
  const out: FoundMention[] = [];
  const used: Range[] = [...taken];
  for (const c of registryCandidates(text)) {
    if (!established.orgs.has(c.org.id)) continue;
    const ok =
      c.kind === 'names' ||
      c.kind === 'quoted' ||
      c.kind === 'abbr' ||
      (c.kind === 'marked' && (c.quoted || isLatin(text.slice(c.start, c.end))));
    if (!ok || used.some((u) => overlaps(u, c))) continue;
    out.push({ start: c.start, end: c.end, org: c.org, pageName: null, evidence: 'linked', mark: null, stars: null, meaning: null, note: null });
    used.push(c);
  }
  for (const [, name] of established.pageNames) {
    for (let at = text.indexOf(name.text); at >= 0; at = text.indexOf(name.text, at + 1)) {
      const range = { start: at, end: at + name.text.length };
      if (isWordChar(text[range.start - 1]) || isWordChar(text[range.end])) continue;
      if (used.some((u) => overlaps(u, range))) continue;
      out.push({ ...range, org: null, pageName: name, evidence: 'linked', mark: null, stars: null, meaning: null, note: null });
      used.push(range);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
