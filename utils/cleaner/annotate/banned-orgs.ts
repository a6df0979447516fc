/**
 * The annotator: turns a page's marks of organisations designated in Russia (terrorist,
 * extremist, undesirable) and of foreign agents into annotations, and takes the marks out of
 * the reading flow. It adds elements and never removes words, except the marks and
 * disclaimers whose words it has moved into the annotations' notes.
 *
 * Order matters and is fixed: the page's legends and footnotes first (they decide what a
 * symbol means, and they often sit outside the element Readability keeps, so they are read
 * from the whole page), then the marks (marked.ts), then names the registry knows to be
 * unambiguous where the page's date allows (page-facts.ts), then later mentions of what the
 * page marks (later.ts). Detection is pure; `content` is changed in one place at the end.
 * Every step is linear in the page's text and marks (work.ts counts them).
 */
import type { Annotation, AnnotationEvidence, AnnotationMention, TitleSpan } from '../types.ts';
import { applyLineEdits, collectLines, removeLine, type LineEdit, type TextLine } from './lines.ts';
import { findNotices, onlyNoticeLeft, type Notice } from './notices.ts';
import type { NoteMeaning } from './marks.ts';
import type { StoredOrganization } from './registry.ts';
import { foldSpaces } from '../page/visible-text.ts';
import { addNote, classify, factsOf, isPerson, labelOf, listedFor, newGroup, ownerOf, PageKeys, type Group } from './groups.ts';
import { readNoteLine, type LegendEntry } from './legend.ts';
import { findLinkedMentions, findStandaloneMentions, PageNameIndex, type Established } from './later.ts';
import { findMarkedMentions, type FoundMention, type PageName, type Range } from './marked.ts';
import { ownOrganizations, pageDate, registryMayName, titleSuffix, type PageFacts } from './page-facts.ts';
import { isDigitKey } from './symbols.ts';
import { Budget } from './work.ts';
import { registryCandidates } from './candidates.ts';
import { markElement, insideLink, cut, shift } from './edit.ts';

export { NOTE_ID_PREFIX } from './edit.ts';
export type { PageFacts } from './page-facts.ts';

/**
 * How much of one line the passes read. A paragraph is a few thousand characters; a line of a
 * hundred thousand is no prose a reader reads, and past this its marks stay as the page wrote them.
 */
const MAX_LINE = 100_000;

const scanned = (text: string): string => (text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text);

/** How far into a line a foreign-agent notice is looked for: it is some 300 characters and opens the text it is in. */
const NOTICE_REACH = 2000;

/** The attributes this annotator writes; page HTML may not forge them. */
const MARK_ATTRIBUTES = ['data-annotation', 'data-annotation-kind'];

export interface AnnotatedArticle {
  readonly annotations: Annotation[];
  /** The title with its marks taken out, as the reader sees it; `Annotation.titleSpans` index into it. */
  readonly readingTitle: string;
}

interface Unit {
  readonly text: string;
  /** What the passes read: the text, or its first MAX_LINE characters (offsets are the same). */
  readonly scan: string;
  readonly line: TextLine | null;
  marked: FoundMention[];
  later: FoundMention[];
  removals: Range[];
}

/**
 * The page's lines of text, read for its legends, footnotes and notices. The caller reads them
 * before Readability prunes the page (they often sit outside the article) and passes them on:
 * a few strings instead of a copy of the whole page.
 */
export function pageLines(root: Element | null | undefined): string[] {
  return root ? collectLines(root).map((line) => line.text) : [];
}

/**
 * `page` is the page before Readability pruned it, as `pageLines(body)` or as the document
 * itself; null when there is none (then only the article's own notes count). `facts` are the
 * page's date, site name and byline: without a date nothing unmarked is annotated.
 */
export function annotateArticle(content: Element, page: Document | readonly string[] | null, title: string, facts?: PageFacts): AnnotatedArticle {
  for (const el of content.querySelectorAll(MARK_ATTRIBUTES.map((a) => `[${a}]`).join(','))) {
    for (const attr of MARK_ATTRIBUTES) el.removeAttribute(attr);
  }
  const date = pageDate(facts);
  const own = ownOrganizations(facts, title);
  const contentLines = collectLines(content);
  const pageTexts: readonly string[] = page === null ? [] : Array.isArray(page) ? page : pageLines((page as Document).body);

  // 1. Legends, footnotes and notices.
  const legend = new Map<number, LegendEntry>();
  const named: { entry: LegendEntry; inContent: boolean }[] = [];
  const noteLines = new Map<TextLine, LegendEntry[]>();
  const notices: { notice: Notice; inContent: boolean }[] = [];
  const noticeRemovals = new Map<TextLine, Range[] | 'line'>();
  const seenNotes = new Set<string>();
  // The article's lines first, then the page's (the same lines again among them): the first
  // legend for a symbol and the first copy of a note win.
  const sources: readonly { readonly text: string; readonly line: TextLine | null }[] = [
    ...contentLines.map((line) => ({ text: line.text, line })),
    ...pageTexts.map((text) => ({ text, line: null })),
  ];
  for (const { text, line } of sources) {
    const inContent = line !== null;
    const entries = readNoteLine(text);
    if (entries) {
      if (line && entries.some((e) => e.meaning)) noteLines.set(line, entries);
      for (const entry of entries) {
        if (entry.stars !== null && !legend.has(entry.stars)) legend.set(entry.stars, entry);
        const key = foldSpaces(entry.text);
        // A digit legend names organisations only for the digits the page uses (below).
        if (entry.meaning && entry.orgs.length && !seenNotes.has(key) && !(entry.stars !== null && isDigitKey(entry.stars))) {
          seenNotes.add(key);
          named.push({ entry, inContent });
        }
      }
      continue;
    }
    // The notice opens a text; a long line is read for it only at its start.
    const found = findNotices(text.length > NOTICE_REACH ? text.slice(0, NOTICE_REACH) : text);
    if (!found.length) continue;
    for (const notice of found) {
      if (seenNotes.has(notice.text)) continue;
      seenNotes.add(notice.text);
      notices.push({ notice, inContent });
    }
    if (line) noticeRemovals.set(line, onlyNoticeLeft(text, found) ? 'line' : found.map(({ start, end }) => ({ start, end })));
  }
  const legendSays = (key: number): NoteMeaning | null | undefined => (legend.has(key) ? legend.get(key)!.meaning : undefined);

  // 2. What the page marks, in the title and in the article.
  const units: Unit[] = [];
  const titleUnit: Unit = { text: title, scan: scanned(title), line: null, marked: [], later: [], removals: [] };
  units.push(titleUnit);
  for (const line of contentLines) {
    if (noteLines.has(line) || noticeRemovals.get(line) === 'line') continue;
    units.push({ text: line.text, scan: scanned(line.text), line, marked: [], later: [], removals: [] });
  }
  const orgsIn = (text: string): StoredOrganization[] => registryCandidates(text).map((c) => c.org);
  const usedKeys = new Set<number>();
  const budget = new Budget();
  for (const unit of units) {
    if (budget.spent) break;
    const found = findMarkedMentions(unit.scan, legendSays, budget);
    unit.marked = found.mentions.map((m) => {
      if (m.key !== null) usedKeys.add(m.key);
      const owner = ownerOf(m, legend, orgsIn);
      return owner ? { ...m, org: owner, pageName: null } : m;
    });
    unit.removals = found.removals;
    const notice = unit.line ? noticeRemovals.get(unit.line) : undefined;
    if (Array.isArray(notice)) unit.removals.push(...notice);
  }
  for (const key of usedKeys) {
    const entry = legend.get(key);
    if (entry && isDigitKey(key) && entry.meaning && entry.orgs.length) named.push({ entry, inContent: false });
  }

  // 3. What that establishes: organisations the page marks or its notes name; names only the page marks.
  const orgs = new Set<string>();
  const marked = new Set<string>();
  const pageNames = new Map<string, { name: PageName; org: StoredOrganization | null }>();
  for (const unit of units) {
    for (const m of unit.marked) {
      const surface = unit.text.slice(m.start, m.end);
      if (m.org) {
        orgs.add(m.org.id);
        marked.add(m.org.id);
        // A product the page ties to its owner: later mentions of its name are the owner's too.
        if (!registryNamed(surface) && surface.length >= 3) pageNames.set(surface, { name: { text: surface, quoted: false }, org: m.org });
      } else if (m.pageName && m.pageName.text.length >= 3) pageNames.set(m.pageName.text, { name: m.pageName, org: null });
    }
  }
  for (const { entry } of named) for (const org of entry.orgs) {
    orgs.add(org.id);
    marked.add(org.id);
  }

  // 4. Names unambiguous by themselves (where the page's date allows), then later mentions of everything established.
  const suffix = titleSuffix(title);
  const mayName = (org: StoredOrganization): boolean => registryMayName(org, date, own);
  for (const unit of units) {
    const taken: Range[] = [...unit.marked, ...unit.removals];
    if (unit === titleUnit && suffix) taken.push(suffix);
    if (budget.spent) break;
    const standalone = findStandaloneMentions(unit.scan, taken, mayName, budget);
    for (const m of standalone) orgs.add(m.org!.id);
    unit.later = standalone;
  }
  const established: Established = { orgs, pageNames };
  const nameIndex = new PageNameIndex(pageNames.keys());
  for (const unit of units) {
    if (budget.spent) break;
    const taken: Range[] = [...unit.marked, ...unit.removals, ...unit.later];
    if (unit === titleUnit && suffix) taken.push(suffix);
    const linked = findLinkedMentions(unit.scan, taken, established, nameIndex, budget).filter((m) => !(m.org && own.has(m.org.id) && !marked.has(m.org.id)));
    unit.later = [...unit.later, ...linked].sort((a, b) => a.start - b.start);
    unit.later = unit.later.map((m) => (m.evidence === 'registry' && m.org && marked.has(m.org.id) ? { ...m, evidence: 'linked' } : m));
  }

  // 5. Group into annotations.
  const groups = new Map<string, Group>();
  const keys = new PageKeys();
  const groupOf = new Map<FoundMention, Group>();
  const groupFor = (m: FoundMention): Group => {
    const key = m.org ? m.org.id : keys.keyOf(m.pageName!);
    let group = groups.get(key);
    if (!group) {
      group = newGroup(key, m.org, m.pageName);
      groups.set(key, group);
    }
    groupOf.set(m, group);
    return group;
  };
  for (const unit of units) {
    for (const m of [...unit.marked, ...unit.later].sort((a, b) => a.start - b.start)) {
      const group = groupFor(m);
      group.mentions.push({ found: m, inTitle: unit === titleUnit, text: unit.text.slice(m.start, m.end) });
      if (m.key !== null) {
        const entry = legend.get(m.key);
        if (entry?.meaning) addNote(group, entry.text, entry.meaning);
      }
      if (m.note) addNote(group, m.note, m.meaning);
      else if (m.meaning) group.meanings.push(m.meaning);
    }
  }
  for (const { entry, inContent } of named) {
    for (const org of entry.orgs) {
      const existing = groups.get(org.id);
      if (existing) addNote(existing, entry.text, entry.meaning);
      else if (inContent) {
        // The footnote leaves the text, so its organisation is listed even if no mention was found.
        const group = newGroup(org.id, org, null);
        addNote(group, entry.text, entry.meaning);
        groups.set(org.id, group);
      }
    }
  }
  for (const { notice } of notices) {
    const key = `notice:${notice.text}`;
    const group = newGroup(key, null, null, notice);
    addNote(group, notice.text, { kind: 'foreign-agent', category: 'foreign-agent' });
    groups.set(key, group);
  }

  const ids = new Map<Group, string>();
  let noticeCounter = 0;
  let pageCounter = 0;
  for (const group of groups.values()) ids.set(group, group.org ? group.org.id : group.notice ? `notice-${++noticeCounter}` : `page-${++pageCounter}`);

  // 6. The title: marks out, like the body; mentions as offsets into what is left.
  const readingTitle = cut(title, titleUnit.removals);
  const annotations: Annotation[] = [];
  for (const group of groups.values()) {
    const listed = listedFor(group);
    const { kind, category } = classify(group, date, listed);
    const mentions: AnnotationMention[] = group.mentions.map((m) => ({
      text: foldSpaces(m.text),
      evidence: m.found.evidence as AnnotationEvidence,
      mark: m.found.mark,
      inTitle: m.inTitle,
    }));
    const titleSpans: TitleSpan[] = group.mentions
      .filter((m) => m.inTitle)
      .map((m) => ({ start: shift(m.found.start, titleUnit.removals), end: shift(m.found.end, titleUnit.removals) }));
    annotations.push({
      id: ids.get(group)!,
      kind,
      label: labelOf(group),
      category,
      person: isPerson(group, listed),
      mentions,
      pageNotes: group.notes,
      registry: factsOf(group, date, listed),
      titleSpans,
    });
  }

  // 7. The one place the article changes.
  const kindById = new Map(annotations.map((a) => [a.id, a.kind] as const));
  for (const unit of units) {
    if (!unit.line) continue;
    const line = unit.line;
    const edits: LineEdit[] = unit.removals.map((r) => ({ kind: 'remove', start: r.start, end: r.end }));
    for (const m of [...unit.marked, ...unit.later]) {
      const id = ids.get(groupOf.get(m)!)!;
      const focusable = !insideLink(line, m);
      edits.push({ kind: 'wrap', start: m.start, end: m.end, make: (first) => markElement(content.ownerDocument, id, kindById.get(id)!, first && focusable) });
    }
    applyLineEdits(line, edits);
  }
  const keysUsed = new Set<number>();
  for (const group of groups.values()) for (const m of group.mentions) if (m.found.key !== null) keysUsed.add(m.found.key);
  for (const [line, entries] of noteLines) {
    // A legend whose symbol marks nothing here and that names nothing stays: moving it would lose
    // it; so does a line that also explains symbols of another kind (a data footnote). A digit
    // legend goes only when a digit on the page uses it (a line starting with a number is often prose).
    const explains = (e: LegendEntry): boolean =>
      (e.stars !== null && keysUsed.has(e.stars)) || (e.orgs.length > 0 && !(e.stars !== null && isDigitKey(e.stars)));
    const used = entries.every((e) => e.meaning !== null) && entries.some(explains);
    if (used) removeLine(line);
  }
  for (const [line, removal] of noticeRemovals) if (removal === 'line') removeLine(line);

  return { annotations, readingTitle };
}

/** Whether the text is itself a registry name (then the registry links it, not the page-name index). */
function registryNamed(text: string): boolean {
  return registryCandidates(text).some((c) => c.start === 0 && c.end === text.length);
}
