/**
 * Pass one: what the page marks in one line. A name followed by a symbol («ИГ*», «Айдар»*,
 * «Meta✴ AI», «WhatsApp1» with a digit legend), by a disclaimer in brackets («(организация
 * запрещена в России)», «(признан иноагентом)»), by a participle after a comma that may cover
 * a list («каналы «А» и «Б», внесённые Минюстом в реестр иноагентов»), or preceded by a
 * participle phrase («запрещенной в России организации «Исламское государство»»).
 *
 * Pure: a string in, offsets out. Linear in the line and its marks: each mark reads a bounded
 * stretch around itself, names are looked up by where they end, and taken characters are
 * recorded in a bitmap (coverage.ts).
 */
import type { AnnotationEvidence } from '../types.ts';
import { noteMeaning, type NoteMeaning } from './marks.ts';
import { CLOSING_QUOTES, OPENING_QUOTES, isLatin } from './patterns.ts';
import type { StoredOrganization } from './registry.ts';
import { candidateIndex, isIn, type Candidate, type CandidateIndex } from './candidates.ts';
import { Coverage, type Range } from './coverage.ts';
import { pageNameBefore, quotedNameEndingAt, type PageName } from './page-names.ts';
import { closingBracket, isSpace, isWordChar, openingBracket, readTail, trimRange, type Tail } from './tail.ts';
import { STAR_RUN, SUPERSCRIPT_DIGITS, isDigitKey } from './symbols.ts';
import { Budget, step } from './work.ts';

export type { Range } from './coverage.ts';
export type { PageName } from './page-names.ts';

export interface FoundMention extends Range {
  readonly org: StoredOrganization | null;
  readonly pageName: PageName | null;
  readonly evidence: AnnotationEvidence;
  /** The mark as written, or null for a linked mention. */
  readonly mark: string | null;
  /** The symbol's legend key (symbols.ts `markKey`), to be read through the page's legend. */
  readonly key: number | null;
  /** What a parenthetical or participle on this mention says. */
  readonly meaning: NoteMeaning | null;
  /** The page's words about it (a disclaimer's content, a participle phrase). */
  readonly note: string | null;
}

export interface LineFindings {
  readonly mentions: FoundMention[];
  /** Ranges to delete from the reading flow: symbols and disclaimers. */
  readonly removals: Range[];
}

/** What the page's legend says a symbol key means: undefined when it has no legend for it, null for an ordinary footnote. */
export type LegendSays = (key: number) => NoteMeaning | null | undefined;

/** A company's legal form after its name («Medusa Project SIA», «Meta Platforms, Inc.») belongs to the name. */
const LEGAL_FORM = /,?[ \u00a0]+(?:Inc\.?|Ltd\.?|LLC|GmbH|SIA|AG|S\.A\.|z\.[ \u00a0]?s\.)$/u;

function registryNameEndingAt(index: CandidateIndex, text: string, end: number): Candidate | null {
  const direct = index.endingAt(end);
  if (direct) return direct;
  const form = LEGAL_FORM.exec(text.slice(Math.max(0, end - 12), end));
  if (!form) return null;
  const inner = index.endingAt(end - form[0].length);
  return inner ? { org: inner.org, kind: inner.kind, quoted: inner.quoted, start: inner.start, end } : null;
}

/** «запрещенной в России террористической организации», «признанного экстремистским движения». */
const PREFIX = new RegExp(
  String.raw`(?<![\p{L}])(?:запрещ[её]нн\p{L}*|признанн\p{L}*)` +
    String.raw`(?:\s+(?:в\s+(?:России|РФ|Российской\s+Федерации)|на\s+территории\s+(?:России|РФ)))?` +
    String.raw`(?:\s+(?:террористическ|экстремистск|нежелательн|международн|украинск)\p{L}*){0,2}` +
    String.raw`\s+(?:организаци|группировк|движени|нацбатальон|батальон|полк|сообществ|объединени|структур|сект|компани|корпораци|соцсет|издани)\p{L}*\s+`,
  'giu',
);

/** «, запрещенной в России», «, деятельность которой запрещена в РФ», «, внесённые Минюстом в реестр иноагентов». */
const PARTICIPLE_AFTER = new RegExp(
  String.raw`,\s+((?:(?:деятельность\s+)?котор\p{L}+\s+(?:деятельность\s+)?)?(?:запрещ[её]нн?\p{L}*|признан\p{L}*|внес[её]нн\p{L}*|включ[её]нн\p{L}*)` +
    String.raw`[^,.;()]{0,60}?(?:России|РФ|Российской\s+Федерации|территори\p{L}*|террористическ\p{L}*|экстремистск\p{L}*|нежелательн\p{L}*|иноагент\p{L}*|иностранн\p{L}*\s+агент\p{L}*)[^,.;()]{0,30})`,
  'gu',
);

/** A plural participle covers every name of the list before it. */
const PLURAL_PARTICIPLE = /^(?:\p{L}+\s+)?(?:запрещ[её]нные|признанные|внес[её]нные|включ[её]нные|запрещ[её]нных|признанных|внес[её]нных|включ[её]нных)/iu;

/** «(издание и журналист признаны иноагентами)» after a person: the outlet named before the person is covered too. */
const OUTLET_AND_PERSON = /^\s*(?:издание|сми|канал|телеканал|проект|медиа\p{L}*|организаци\p{L}*|фонд)\s+и\s+(?:журналист\p{L}*|его|ее|её|автор\p{L}*|редактор\p{L}*|главред\p{L}*|основател\p{L}*)/iu;

/** A lower-case word between a list's «и» and the next name: «и проект «Люди Байкала»». */
const COMMON_NOUN_BEFORE = /[\p{Ll}-]{2,20}$/u;

interface Named extends Range {
  readonly org: StoredOrganization | null;
  readonly pageName: PageName | null;
}

/**
 * Pass one over a line. `legendSays` tells what the page's legend says a symbol key means:
 * undefined when the page has no legend for it, null when the legend is an ordinary footnote
 * (then the symbol is not a mark at all). A footnote digit is a mark only with a legend.
 */
export function findMarkedMentions(text: string, legendSays: LegendSays, budget: Budget = new Budget()): LineFindings {
  const index = candidateIndex(text);
  const mentions: FoundMention[] = [];
  const removals: Range[] = [];
  const taken = new Coverage(text.length);
  const mentionAt = new Map<number, number>();

  const push = (m: FoundMention): void => {
    budget.take();
    mentionAt.set(m.start, mentions.length);
    mentions.push(m);
  };

  /** The name ending at `nameEnd` (quotes may follow it): the registry's, else the page's own. */
  const nameEndingAt = (nameEnd: number, strict: boolean): Named | null => {
    const name = registryNameEndingAt(index, text, nameEnd);
    if (name) return { start: name.start, end: name.end, org: name.org, pageName: null };
    const quoted = isIn(CLOSING_QUOTES, text[nameEnd]) ? quotedNameEndingAt(text, nameEnd) : null;
    const page = quoted ?? pageNameBefore(text, nameEnd);
    if (!page) return null;
    // A participle after one capitalised word at a sentence's start is prose («Решение, принятое…»).
    if (strict && !page.quoted && !isLatin(page.text) && !/\s/u.test(page.text)) {
      let before = page.start;
      while (before > 0 && isSpace(text[before - 1])) before--;
      if (before === 0 || /[.!?…:]/u.test(text[before - 1]!)) return null;
    }
    return { start: page.start, end: page.end, org: null, pageName: { text: page.text, quoted: page.quoted } };
  };

  const markAt = (nameEnd: number): boolean => {
    let tail: Tail | null = readTail(text, nameEnd, true);
    if (tail?.key != null && isDigitKey(tail.key) && !legendSays(tail.key)) tail = readTail(text, nameEnd, false);
    if (!tail) return false;
    const named = nameEndingAt(nameEnd, false);
    const keyMeaning = tail.key != null ? legendSays(tail.key) : undefined;
    // A symbol the legend explains as something else (a data footnote) is no mark.
    const keyCounts = tail.key != null && keyMeaning !== null && (keyMeaning !== undefined || named?.org != null);
    if (!keyCounts && !tail.disclaimer) return false;
    if (!named) return false;
    if (taken.overlaps({ start: named.start, end: tail.end })) return false;
    const marks: string[] = [];
    if (keyCounts && tail.starRange) marks.push(text.slice(tail.starRange.start, tail.starRange.end));
    if (tail.disclaimer) marks.push(text.slice(tail.disclaimer.start, tail.disclaimer.end).trim());
    const note = tail.disclaimer?.content.trim() ?? null;
    const meaning = tail.disclaimer?.meaning ?? keyMeaning ?? null;
    const evidence: AnnotationEvidence = tail.disclaimer && !keyCounts ? 'parenthetical' : 'symbol';
    push({ start: named.start, end: named.end, org: named.org, pageName: named.pageName, evidence, mark: marks.join(' ') || null, key: keyCounts ? tail.key : null, meaning, note });
    for (const r of tail.removals) if (r !== tail.starRange || keyCounts) removals.push(r);
    for (const alias of tail.aliases) {
      // «Open Society Foundations (Фонды «Открытое общество»)*»: the alias's own name may keep its closing quote.
      const aliasName = index.allStartingAt(alias.start).find((c) => (c.end === alias.end || c.end === alias.end + 1) && (!named.org || c.org === named.org));
      if (aliasName) push({ start: aliasName.start, end: aliasName.end, org: aliasName.org, pageName: null, evidence: 'linked', mark: null, key: null, meaning: null, note: null });
    }
    taken.take({ start: named.start, end: tail.end });
    if (tail.disclaimer && named.pageName && !named.pageName.quoted && OUTLET_AND_PERSON.test(tail.disclaimer.content)) markOutletBefore(named, meaning, note);
    return true;
  };

  /** «редактору «Издания» Ивану Петрову (издание и журналист признаны иноагентами)»: the outlet before the person. */
  const markOutletBefore = (person: Range, meaning: NoteMeaning | null, note: string | null): void => {
    let close = person.start - 1;
    while (close > 0 && isSpace(text[close])) close--;
    const outlet = quotedNameEndingAt(text, close);
    if (!outlet || taken.overlaps(outlet)) return;
    const org = index.endingAt(outlet.end)?.org ?? null;
    push({ start: outlet.start, end: outlet.end, org, pageName: org ? null : { text: outlet.text, quoted: true }, evidence: 'parenthetical', mark: null, key: null, meaning, note });
    taken.take(outlet);
  };

  // Symbols: a run of stars (or a footnote digit) right after a word or a closing quote or bracket.
  const symbols = new RegExp(`${STAR_RUN}|(?<=[\\p{L}»"”)])(?:[${SUPERSCRIPT_DIGITS}]|[1-9])(?![\\p{L}\\p{N}])`, 'gu');
  for (let m = symbols.exec(text); m && !budget.spent; m = symbols.exec(text)) {
    step();
    if (taken.has(m.index)) continue;
    let end = m.index;
    while (end > 0 && isIn(CLOSING_QUOTES, text[end - 1]) && !index.endingAt(end)) end--;
    if (text[end - 1] === ')') {
      // «Исламское государство» (ИГ)*: the name is before the brackets.
      const open = openingBracket(text, end - 1);
      let nameEnd = open;
      while (nameEnd > 0 && isSpace(text[nameEnd - 1])) nameEnd--;
      while (nameEnd > 0 && isIn(CLOSING_QUOTES, text[nameEnd - 1]) && !index.endingAt(nameEnd)) nameEnd--;
      if (open > 0 && markAt(nameEnd)) continue;
    }
    if (isWordChar(text[end - 1]) || isIn(CLOSING_QUOTES, text[end - 1]) || registryNameEndingAt(index, text, end)) markAt(end);
  }

  // Disclaimers in brackets after a name.
  for (let open = text.indexOf('('); open >= 0 && !budget.spent; open = text.indexOf('(', open + 1)) {
    step();
    if (taken.has(open)) continue;
    let nameEnd = open;
    while (nameEnd > 0 && open - nameEnd < 3 && isSpace(text[nameEnd - 1])) nameEnd--;
    if (nameEnd === open && !(nameEnd > 0 && isIn(CLOSING_QUOTES, text[nameEnd - 1]))) continue;
    while (nameEnd > 0 && open - nameEnd < 5 && isIn(CLOSING_QUOTES, text[nameEnd - 1]) && !index.endingAt(nameEnd)) nameEnd--;
    if (open - nameEnd > 4) continue;
    markAt(nameEnd);
  }

  // A participle after the name («группировки ИГ, запрещенной в России,», «Meta, деятельность
  // которой запрещена в РФ»): like a prefix, it is part of the sentence and stays. A plural one
  // covers the list before it (««А» и «Б», внесённые Минюстом в реестр иноагентов»).
  PARTICIPLE_AFTER.lastIndex = 0;
  for (let m = PARTICIPLE_AFTER.exec(text); m && !budget.spent; m = PARTICIPLE_AFTER.exec(text)) {
    step();
    const phrase = m[1]!.trim();
    const meaning = noteMeaning(phrase);
    if (!meaning) continue;
    let end = m.index;
    while (end > 0 && isIn(CLOSING_QUOTES, text[end - 1]) && !index.endingAt(end)) end--;
    const plural = PLURAL_PARTICIPLE.test(phrase);
    for (let n = 0; n < (plural ? 6 : 1); n++) {
      const named = nameEndingAt(end, true);
      if (!named || taken.overlaps(named)) break;
      push({ start: named.start, end: named.end, org: named.org, pageName: named.pageName, evidence: 'prefix', mark: phrase, key: null, meaning, note: phrase });
      taken.take(named);
      // The name before: «X и Y», «X, Y и Z», maybe with a common noun («и проект «Y»»).
      let pos = named.start;
      while (pos > 0 && (isIn(OPENING_QUOTES, text[pos - 1]) || isSpace(text[pos - 1]))) pos--;
      const noun = COMMON_NOUN_BEFORE.exec(text.slice(Math.max(0, pos - 20), pos));
      if (noun && !/^(?:и|или)$/u.test(noun[0])) {
        pos -= noun[0].length;
        while (pos > 0 && isSpace(text[pos - 1])) pos--;
      }
      const joint = /(?:\s(?:и|или)|,)$/u.exec(text.slice(Math.max(0, pos - 4), pos));
      if (!joint) break;
      pos -= joint[0].length;
      while (pos > 0 && isSpace(text[pos - 1])) pos--;
      end = pos;
      while (end > 0 && isIn(CLOSING_QUOTES, text[end - 1]) && !index.endingAt(end)) end--;
    }
  }

  // Prefixes: the participle phrase stays (it is part of the sentence); the name is marked by it.
  PREFIX.lastIndex = 0;
  for (let m = PREFIX.exec(text); m && !budget.spent; m = PREFIX.exec(text)) {
    step();
    let start = m.index + m[0].length;
    while (isIn(OPENING_QUOTES, text[start])) start++;
    const phrase = m[0].trim();
    const meaning = noteMeaning(phrase);
    if (!meaning) continue;
    const name = index.startingAt(start);
    if (name && taken.overlaps(name)) {
      // Already marked by a symbol or brackets: the prefix adds its words to the note.
      const at = mentionAt.get(name.start);
      if (at !== undefined) {
        const marked = mentions[at]!;
        mentions[at] = { ...marked, note: [phrase, marked.note].filter(Boolean).join('; '), meaning: marked.meaning ?? meaning };
      }
      continue;
    }
    if (name) {
      push({ start: name.start, end: name.end, org: name.org, pageName: null, evidence: 'prefix', mark: phrase, key: null, meaning, note: phrase });
      taken.take(name);
      continue;
    }
    if (isIn(OPENING_QUOTES, text[start - 1])) {
      const close = text.slice(start, start + 81).search(/[»“”"]/u);
      if (close > 0) {
        const range = { start, end: start + close };
        if (!taken.overlaps(range)) {
          push({ ...range, org: null, pageName: { text: text.slice(range.start, range.end), quoted: true }, evidence: 'prefix', mark: phrase, key: null, meaning, note: phrase });
          taken.take(range);
        }
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, removals };
}

export { trimRange, closingBracket };
