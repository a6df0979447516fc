/**
 * A page's own notes about its marks: legends («* Организация запрещена в РФ»,
 * «• ✱✱ - запрещенная в РФ экстремистская организация»), footnotes that name the
 * organisation (««Исламское государство» — террористическая организация, запрещенная…»,
 * with or without a symbol) and foreign-agent notices. What a symbol means is local to the
 * page — `*` is a foreign agent on one site and a banned organisation on the next, and `**`
 * changes meaning between outlets — so the legend is read before any mark. Footnote digits
 * have legends too («1. Деятельность компании Meta … запрещена», «² Террористическая
 * организация»): a line that starts with one digit and says what a ban or the register is.
 */
import { foldSpaces } from '../page/visible-text.ts';
import { noteMeaning, type NoteMeaning } from './marks.ts';
import { CLOSING_QUOTES, OPENING_QUOTES } from './patterns.ts';
import type { StoredOrganization } from './registry.ts';
import { registryCandidates } from './candidates.ts';
import { markKey, STAR_RUN, SUPERSCRIPT_DIGITS } from './symbols.ts';

export interface LegendEntry {
  /** The symbol key it explains (symbols.ts `markKey`), or null for a footnote without a symbol. */
  readonly stars: number | null;
  readonly text: string;
  /** Null for an ordinary footnote (the symbol means something else on this page). */
  readonly meaning: NoteMeaning | null;
  /** Registry organisations the note names. */
  readonly orgs: readonly StoredOrganization[];
}

/** A legend or footnote is one short line; the longest real ones are about 300 characters. */
const MAX_NOTE_LINE = 400;

const BULLET = '[•·▪●◦‣\\-–—]';
/** A symbol opening a legend: a star run, or one footnote digit followed by a dot, a bracket or a space. */
const KEY = `${STAR_RUN}|[${SUPERSCRIPT_DIGITS}]|[1-9](?=[.)]?\\s)`;
const LEGEND = new RegExp(`^\\s*(?:${BULLET}\\s*)?(${KEY})[.)]?\\s*(?:[—–\\-:]\\s*)?(\\S[\\s\\S]*)$`, 'u');
/** Several legends in one paragraph: «• ✱ - … • ✱✱ - …» or «*… **…». */
const LEGEND_SPLIT = new RegExp(`(?<![•·▪●\\s])\\s+(?=(?:[•·▪●]\\s*)?(?:${STAR_RUN}|[${SUPERSCRIPT_DIGITS}])\\s*(?:[—–\\-:]\\s*)?[\\p{Lu}«"„\\p{Ll}])`, 'u');

function legendEntries(line: string): LegendEntry[] | null {
  const text = foldSpaces(line);
  if (!text || text.length > MAX_NOTE_LINE * 3) return null;
  const first = LEGEND.exec(text);
  if (!first) return null;
  const parts = text.split(LEGEND_SPLIT);
  const entries: LegendEntry[] = [];
  for (const part of parts) {
    const m = LEGEND.exec(part);
    if (!m) {
      // Text between legends that is no legend: this is prose starting with a symbol.
      return null;
    }
    const body = m[2]!.trim();
    if (body.length > MAX_NOTE_LINE) return null;
    const key = markKey(m[1]!);
    const meaning = noteMeaning(body);
    // A line starting with a number is usually prose («2 человека пострадали»): a digit legend must say what it marks.
    if (key > 100 && !meaning) return null;
    entries.push({ stars: key, text: body, meaning, orgs: orgsNamed(body) });
  }
  return entries;
}

function orgsNamed(text: string): StoredOrganization[] {
  const seen = new Set<StoredOrganization>();
  for (const c of registryCandidates(text)) seen.add(c.org);
  return [...seen];
}

/**
 * ««Исламское государство» — террористическая организация, запрещенная в ряде стран, в том
 * числе в России.» A line that is a name, a dash and a ban, one sentence long: the gazeta.ru
 * habit of a closing paragraph without a symbol. «Деятельность Meta … запрещена в России» is
 * the other common shape. A news sentence («Суд признал «Весну» экстремистской») has neither.
 */
function footnoteEntry(line: string): LegendEntry | null {
  const text = foldSpaces(line);
  if (!text || text.length > MAX_NOTE_LINE) return null;
  if (/[.!?…]\s+\S/u.test(text.replace(/\s[А-ЯA-Z]\.\s/gu, ' '))) return null;
  const dash = /\s[—–-]\s/u.exec(text);
  const startsWithActivity = /^Деятельность\s/u.test(text);
  if (!dash && !startsWithActivity) return null;
  const meaning = noteMeaning(text);
  if (!meaning) return null;
  if (dash) {
    const head = text.slice(0, dash.index);
    // The head is the name (quoted, maybe with an abbreviation in brackets and a symbol), nothing else.
    // eslint-disable-next-line redos/no-vulnerable -- a run of spaces is entered at its first character (look-behind), which recheck's fuzzer does not model
    const bare = head.replace(/(?<!\s)\s*\([^()]{1,60}\)/gu, '').replace(new RegExp(STAR_RUN, 'gu'), '').trim();
    const quotedHead = bare.length <= 80 && OPENING_QUOTES.includes(bare[0] ?? '') && CLOSING_QUOTES.includes(bare[bare.length - 1] ?? '');
    const unquoted = bare.replace(new RegExp(`^[${OPENING_QUOTES}]+|[${CLOSING_QUOTES}]+$`, 'gu'), '');
    const isName = registryCandidates(unquoted).some((c) => c.start === 0 && c.end === unquoted.length);
    if (!isName && !quotedHead) return null;
    return { stars: null, text, meaning, orgs: orgsNamed(head) };
  }
  const orgs = orgsNamed(text);
  return orgs.length ? { stars: null, text, meaning, orgs } : null;
}

/**
 * Every legend has a symbol, and a footnote counts only when it says what kind of ban or
 * register (`noteMeaning`), whose words all hold one of these stems. The annotator reads every
 * line of the page; most have neither and are passed over without the closer reading.
 */
const HAS_SYMBOL = new RegExp(STAR_RUN, 'u');

const MEANING_STEMS = /запрещ|террорист|экстремистск|нежелательн|агент/iu;

/** The legend or footnote this line is, if it is one. */
export function readNoteLine(line: string): LegendEntry[] | null {
  // Legends are short lines (a few of them together at most): a longer one is prose, left unread.
  if (line.length > MAX_NOTE_LINE * 3) return null;
  if (!HAS_SYMBOL.test(line) && !MEANING_STEMS.test(line)) return null;
  const legend = legendEntries(line);
  if (legend) return legend;
  const footnote = footnoteEntry(line);
  return footnote ? [footnote] : null;
}
