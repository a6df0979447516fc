/**
 * The annotator: turns a page's marks of organisations designated in Russia (terrorist,
 * extremist, undesirable) and of foreign agents into annotations, and takes the marks out of
 * the reading flow. It adds elements and never removes words, except the marks and
 * disclaimers whose words it has moved into the annotations' notes.
 *
 * Order matters and is fixed: the page's legends and footnotes first (they decide what a
 * symbol means, and they often sit outside the element Readability keeps, so they are read
 * from the whole page), then the marks, then later mentions of what the page marks, then
 * names the registry knows to be unambiguous. Detection is pure; `content` is changed in one
 * place at the end.
 */
import { foldSpaces } from '../page/visible-text.ts';
import type { Annotation, AnnotationEvidence, AnnotationKind, AnnotationMention, OrgCategory, TitleSpan } from '../types.ts';
import { readNoteLine, type LegendEntry } from './legend.ts';
import { applyLineEdits, collectLines, removeLine, type LineEdit, type TextLine } from './lines.ts';
import { moreSpecific, type NoteMeaning } from './marks.ts';
import {
  findLinkedMentions,
  findMarkedMentions,
  findStandaloneMentions,
  type FoundMention,
  type PageName,
  type Range,
} from './mentions.ts';
import { findNotices, onlyNoticeLeft, type Notice } from './notices.ts';
import { registryFacts, type StoredOrganization } from './registry.ts';

/** The id prefix of the elements holding each annotation's note text (aria-describedby targets). */
export const NOTE_ID_PREFIX = 'declutter-note-';

/** The attributes this annotator writes; page HTML may not forge them. */
const MARK_ATTRIBUTES = ['data-annotation', 'data-annotation-kind'];

export interface AnnotatedArticle {
  readonly annotations: Annotation[];
  /** The title with its marks taken out, as the reader sees it; `Annotation.titleSpans` index into it. */
  readonly readingTitle: string;
}

interface Unit {
  readonly text: string;
  readonly line: TextLine | null;
  marked: FoundMention[];
  later: FoundMention[];
  removals: Range[];
}

interface Group {
  readonly key: string;
  readonly org: StoredOrganization | null;
  readonly pageName: PageName | null;
  readonly notice: Notice | null;
  readonly mentions: { found: FoundMention; inTitle: boolean; text: string }[];
  readonly notes: string[];
  readonly meanings: NoteMeaning[];
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
 * itself; null when there is none (then only the article's own notes count).
 */
export function annotateArticle(content: Element, page: Document | readonly string[] | null, title: string): AnnotatedArticle {
  for (const el of content.querySelectorAll(MARK_ATTRIBUTES.map((a) => `[${a}]`).join(','))) {
    for (const attr of MARK_ATTRIBUTES) el.removeAttribute(attr);
  }
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
        if (entry.meaning && entry.orgs.length && !seenNotes.has(key)) {
          seenNotes.add(key);
          named.push({ entry, inContent });
        }
      }
      continue;
    }
    const found = findNotices(text);
    if (!found.length) continue;
    for (const notice of found) {
      if (seenNotes.has(notice.text)) continue;
      seenNotes.add(notice.text);
      notices.push({ notice, inContent });
    }
    if (line) noticeRemovals.set(line, onlyNoticeLeft(text, found) ? 'line' : found.map(({ start, end }) => ({ start, end })));
  }
  const legendSays = (stars: number): NoteMeaning | null | undefined => (legend.has(stars) ? legend.get(stars)!.meaning : undefined);

  // 2. What the page marks, in the title and in the article.
  const units: Unit[] = [];
  const titleUnit: Unit = { text: title, line: null, marked: [], later: [], removals: [] };
  units.push(titleUnit);
  for (const line of contentLines) {
    if (noteLines.has(line) || noticeRemovals.get(line) === 'line') continue;
    units.push({ text: line.text, line, marked: [], later: [], removals: [] });
  }
  for (const unit of units) {
    const found = findMarkedMentions(unit.text, legendSays);
    unit.marked = found.mentions;
    unit.removals = found.removals;
    const notice = unit.line ? noticeRemovals.get(unit.line) : undefined;
    if (Array.isArray(notice)) unit.removals.push(...notice);
  }

  // 3. What that establishes: organisations the page marks or its notes name.
  const orgs = new Set<string>();
  const pageNames = new Map<string, PageName>();
  for (const unit of units) {
    for (const m of unit.marked) {
      if (m.org) orgs.add(m.org.id);
      else if (m.pageName && m.pageName.text.length >= 3) pageNames.set(m.pageName.text, m.pageName);
    }
  }
  for (const { entry } of named) for (const org of entry.orgs) orgs.add(org.id);

  // 4. Names unambiguous by themselves, then later mentions of everything established.
  for (const unit of units) {
    const taken = [...unit.marked, ...unit.removals];
    const standalone = findStandaloneMentions(unit.text, taken);
    for (const m of standalone) orgs.add(m.org!.id);
    unit.later = standalone;
  }
  for (const unit of units) {
    const taken = [...unit.marked, ...unit.removals, ...unit.later];
    const linked = findLinkedMentions(unit.text, taken, { orgs, pageNames });
    unit.later = [...unit.later, ...linked].sort((a, b) => a.start - b.start);
  }
  for (const unit of units) {
    unit.later = unit.later.map((m) => (m.evidence === 'registry' && m.org && markedSomewhere(units, named, m.org.id) ? { ...m, evidence: 'linked' } : m));
  }

  // 5. Group into annotations.
  const groups = new Map<string, Group>();
  let pageCounter = 0;
  const groupFor = (m: FoundMention): Group => {
    const key = m.org ? m.org.id : pageKey(m.pageName!, groups);
    let group = groups.get(key);
    if (!group) {
      group = { key, org: m.org, pageName: m.pageName, notice: null, mentions: [], notes: [], meanings: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const unit of units) {
    for (const m of [...unit.marked, ...unit.later].sort((a, b) => a.start - b.start)) {
      const group = groupFor(m);
      group.mentions.push({ found: m, inTitle: unit === titleUnit, text: unit.text.slice(m.start, m.end) });
      if (m.stars !== null) {
        const entry = legend.get(m.stars);
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
        const group: Group = { key: org.id, org, pageName: null, notice: null, mentions: [], notes: [], meanings: [] };
        addNote(group, entry.text, entry.meaning);
        groups.set(org.id, group);
      }
    }
  }
  for (const { notice } of notices) {
    const key = `notice:${notice.text}`;
    groups.set(key, { key, org: null, pageName: null, notice, mentions: [], notes: [notice.text], meanings: [{ kind: 'foreign-agent', category: 'foreign-agent' }] });
  }

  const annotations: Annotation[] = [];
  const ids = new Map<Group, string>();
  let noticeCounter = 0;
  for (const group of groups.values()) {
    const id = group.org ? group.org.id : group.notice ? `notice-${++noticeCounter}` : `page-${++pageCounter}`;
    ids.set(group, id);
  }

  // 6. The title: marks out, like the body; mentions as offsets into what is left.
  const readingTitle = cut(title, titleUnit.removals);
  const spansByGroup = new Map<Group, TitleSpan[]>();
  for (const group of groups.values()) {
    const spans = group.mentions
      .filter((m) => m.inTitle)
      .map((m) => ({ start: shift(m.found.start, titleUnit.removals), end: shift(m.found.end, titleUnit.removals) }));
    spansByGroup.set(group, spans);
  }

  for (const group of groups.values()) {
    const id = ids.get(group)!;
    const { kind, category } = classify(group);
    const mentions: AnnotationMention[] = group.mentions.map((m) => ({
      text: foldSpaces(m.text),
      evidence: m.found.evidence as AnnotationEvidence,
      mark: m.found.mark,
      inTitle: m.inTitle,
    }));
    annotations.push({
      id,
      kind,
      label: labelOf(group),
      category,
      mentions,
      pageNotes: group.notes,
      registry: group.org ? registryFacts(group.org) : null,
      titleSpans: spansByGroup.get(group) ?? [],
    });
  }

  // 7. The one place the article changes.
  const kindById = new Map(annotations.map((a) => [a.id, a.kind] as const));
  const idOf = (m: FoundMention): string => ids.get(groups.get(m.org ? m.org.id : pageKey(m.pageName!, groups))!)!;
  for (const unit of units) {
    if (!unit.line) continue;
    const line = unit.line;
    const edits: LineEdit[] = unit.removals.map((r) => ({ kind: 'remove', start: r.start, end: r.end }));
    for (const m of [...unit.marked, ...unit.later]) {
      const id = idOf(m);
      const focusable = !insideLink(line, m);
      edits.push({ kind: 'wrap', start: m.start, end: m.end, make: (first) => markElement(content.ownerDocument, id, kindById.get(id)!, first && focusable) });
    }
    applyLineEdits(line, edits);
  }
  for (const [line, entries] of noteLines) {
    // A legend whose symbol marks nothing here and that names nothing stays: moving it would lose
    // it; so does a line that also explains symbols of another kind (a data footnote).
    const explains = (e: LegendEntry) => e.orgs.length > 0 || [...groups.values()].some((g) => g.mentions.some((m) => m.found.stars === e.stars));
    const used = entries.every((e) => e.meaning !== null) && entries.some(explains);
    if (used) removeLine(line);
  }
  for (const [line, removal] of noticeRemovals) if (removal === 'line') removeLine(line);

  return { annotations, readingTitle };
}

/**
 * A person named in full once and by surname later («Петр Голубев✱» … «Голубев✱») is one
 * annotation: a one-word page name joins the earlier name it ends.
 */
function pageKey(name: PageName, groups: ReadonlyMap<string, Group>): string {
  const own = `page:${name.text}`;
  if (groups.has(own) || /\s/u.test(name.text)) return own;
  for (const group of groups.values()) {
    const full = group.pageName?.text;
    if (full && full.endsWith(` ${name.text}`)) return group.key;
  }
  return own;
}

function markedSomewhere(units: readonly Unit[], named: readonly { entry: LegendEntry }[], orgId: string): boolean {
  return units.some((u) => u.marked.some((m) => m.org?.id === orgId)) || named.some(({ entry }) => entry.orgs.some((o) => o.id === orgId));
}

function addNote(group: Group, text: string, meaning: NoteMeaning | null): void {
  const folded = foldSpaces(text);
  if (folded && !group.notes.includes(folded)) group.notes.push(folded);
  if (meaning) group.meanings.push(meaning);
}

/**
 * The page decides what its marks mean; the registry fills in what the page leaves open. A
 * page that says only «запрещена» about an organisation the registry lists as terrorist gets
 * «terrorist»; a page whose legend says «иноагент» gets a foreign-agent note, whatever the
 * registry adds.
 */
function classify(group: Group): { kind: AnnotationKind; category: OrgCategory } {
  const kind: AnnotationKind = group.meanings.length
    ? group.meanings.some((m) => m.kind === 'banned')
      ? 'banned'
      : 'foreign-agent'
    : group.org?.category === 'foreign-agent'
      ? 'foreign-agent'
      : 'banned';
  if (kind === 'foreign-agent') return { kind, category: 'foreign-agent' };
  let category: OrgCategory | null = null;
  for (const m of group.meanings) if (m.kind === 'banned') category = moreSpecific(category, m.category);
  if ((!category || category === 'banned') && group.org) {
    const listed = group.org.category !== 'foreign-agent' ? group.org.category : group.org.designations.find((d) => d.category !== 'foreign-agent')?.category;
    if (listed) category = listed;
  }
  return { kind, category: category ?? 'banned' };
}

function labelOf(group: Group): string {
  if (group.org) return group.org.name.ru;
  if (group.notice) return group.notice.agent ?? '';
  const name = group.pageName!;
  return name.quoted ? `«${name.text}»` : name.text;
}

function cut(text: string, removals: readonly Range[]): string {
  let out = '';
  let cursor = 0;
  for (const r of [...removals].sort((a, b) => a.start - b.start)) {
    if (r.start < cursor) continue;
    out += text.slice(cursor, r.start);
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

function shift(offset: number, removals: readonly Range[]): number {
  let removed = 0;
  for (const r of removals) if (r.end <= offset) removed += r.end - r.start;
  return offset - removed;
}

function insideLink(line: TextLine, range: Range): boolean {
  for (const piece of line.pieces) {
    if (piece.end <= range.start || piece.start >= range.end) continue;
    for (let node: Node | null = piece.node.parentNode; node && node !== line.block; node = node.parentNode) {
      if ((node as Element).tagName?.toUpperCase() === 'A') return true;
    }
  }
  return false;
}

/**
 * The mark a mention gets: a focusable element described by the note (rendered by the popup
 * under `NOTE_ID_PREFIX + id`), so keyboard and screen-reader users reach what a pointer
 * shows. Inside a link it only carries the data attributes: a focusable element within a
 * link is a nested control; the summary above the article reaches the same note.
 */
function markElement(doc: Document, id: string, kind: AnnotationKind, focusable: boolean): Element {
  const el = doc.createElement('span');
  el.setAttribute('class', 'declutter-annotation');
  el.setAttribute('data-annotation', id);
  el.setAttribute('data-annotation-kind', kind);
  if (focusable) {
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-describedby', `${NOTE_ID_PREFIX}${id}`);
  }
  return el;
}
