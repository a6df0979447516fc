/**
 * What an annotation says, in words, in the reader's language. Pure: the popup renders these
 * strings as text (never as HTML), screen readers get the same words through
 * aria-describedby, and the CLI prints them.
 */
import type { Annotation, AnnotationEvidence, Lang, ListCategory, OrgCategory, RegistryDesignation } from '../types.ts';
import { REGISTRY } from './registry.ts';

export interface NoteSource {
  readonly label: string;
  readonly url: string;
}

export interface NoteText {
  readonly heading: string;
  /** What the organisation is and in which list, or that the ban is suspended. */
  readonly status: string;
  /** Why the page marked it, or why Declutter did. */
  readonly why: string;
  /** The page's own footnotes and disclaimers, verbatim. */
  readonly pageNotes: readonly string[];
  readonly pageNotesHeading: string;
  /** The registry entry: full name and designations, one line each. */
  readonly registry: readonly string[];
  readonly registryHeading: string;
  readonly sources: readonly NoteSource[];
  readonly asOf: string | null;
}

const STATUS: Record<Lang, Record<OrgCategory, string>> = {
  ru: {
    terrorist: 'Террористическая организация, запрещена в России',
    extremist: 'Экстремистская организация, запрещена в России',
    undesirable: 'Нежелательная организация в России',
    banned: 'Организация запрещена в России',
    suspended: 'Запрет деятельности в России приостановлен',
    'foreign-agent': 'Иностранный агент (реестр Минюста России)',
  },
  en: {
    terrorist: 'Terrorist organization, banned in Russia',
    extremist: 'Extremist organization, banned in Russia',
    undesirable: '“Undesirable” organization in Russia',
    banned: 'Organization banned in Russia',
    suspended: 'Its ban in Russia is suspended',
    'foreign-agent': 'Foreign agent (register of the Russian Ministry of Justice)',
  },
};

/** A person in the foreign-agent register. */
const PERSON_AGENT: Record<Lang, string> = {
  ru: 'Физическое лицо — иностранный агент (реестр Минюста России)',
  en: 'A person designated a foreign agent (register of the Russian Ministry of Justice)',
};

/** What a designation that was suspended or lifted still says about the past. */
const DESIGNATED: Record<Lang, Record<OrgCategory, string>> = {
  ru: {
    terrorist: 'Признавалась в России террористической организацией',
    extremist: 'Признавалась в России экстремистской организацией',
    undesirable: 'Признавалась в России нежелательной организацией',
    banned: 'Была запрещена в России',
    suspended: 'Была запрещена в России',
    'foreign-agent': 'Была в реестре иностранных агентов',
  },
  en: {
    terrorist: 'Designated a terrorist organization in Russia',
    extremist: 'Designated an extremist organization in Russia',
    undesirable: 'Designated “undesirable” in Russia',
    banned: 'Was banned in Russia',
    suspended: 'Was banned in Russia',
    'foreign-agent': 'Was on the register of foreign agents',
  },
};

/** The adjective the summary puts after a name: «(террористическая)». */
const ADJECTIVE: Record<Lang, Record<OrgCategory, string>> = {
  ru: { terrorist: 'террористическая', extremist: 'экстремистская', undesirable: 'нежелательная', banned: 'запрещённая', suspended: 'запрет приостановлен', 'foreign-agent': 'иноагент' },
  en: { terrorist: 'terrorist', extremist: 'extremist', undesirable: 'undesirable', banned: 'banned', suspended: 'ban suspended', 'foreign-agent': 'foreign agent' },
};

const LIST_NOUN: Record<Lang, Record<ListCategory, string>> = {
  ru: { terrorist: 'террористическая', extremist: 'экстремистская', undesirable: 'нежелательная', 'foreign-agent': 'иностранный агент' },
  en: { terrorist: 'terrorist', extremist: 'extremist', undesirable: 'undesirable', 'foreign-agent': 'foreign agent' },
};

const DATE_KIND: Record<Lang, Record<RegistryDesignation['dateKind'], string>> = {
  ru: { decision: 'решение', 'in-force': 'вступило в силу', listed: 'внесена в перечень' },
  en: { decision: 'decision', 'in-force': 'in force', listed: 'listed' },
};

const WHY: Record<Lang, Record<AnnotationEvidence, string>> = {
  ru: {
    symbol: 'Страница пометила название знаком сноски.',
    parenthetical: 'Страница добавила к названию пояснение в скобках.',
    prefix: 'Страница сама называет организацию запрещённой.',
    footnote: 'Страница поясняет это в сноске.',
    notice: 'Страница напечатала обязательное уведомление иностранного агента.',
    linked: 'Другое упоминание этой организации на странице помечено.',
    registry: 'Страница это название не пометила; Declutter узнал его по своему реестру.',
  },
  en: {
    symbol: 'The page marks the name with a footnote symbol.',
    parenthetical: 'The page adds a disclaimer in brackets after the name.',
    prefix: 'The page itself calls the organization banned.',
    footnote: 'The page explains it in a footnote.',
    notice: 'The page prints the notice required of foreign agents.',
    linked: 'Another mention of it on this page is marked.',
    registry: 'The page does not mark this name; Declutter recognised it from its registry.',
  },
};

const WORDS = {
  ru: {
    pageNotes: 'На странице:',
    registry: 'Реестр Declutter:',
    asOf: 'данные реестра на {date}',
    suspended: 'запрет приостановлен {date}',
    lifted: 'запрет снят {date}',
    noticeHeading: 'Материал иностранного агента',
    bannedIntro: 'Упомянуты организации, запрещённые в России:',
    agentsIntro: 'Упомянуты иностранные агенты:',
    noticeIntro: 'Материал помечен как созданный иностранным агентом',
    details: 'подробнее',
  },
  en: {
    pageNotes: 'On the page:',
    registry: 'Declutter registry:',
    asOf: 'registry data as of {date}',
    suspended: 'ban suspended on {date}',
    lifted: 'ban lifted on {date}',
    noticeHeading: 'Material of a foreign agent',
    bannedIntro: 'Mentions organizations banned in Russia:',
    agentsIntro: 'Mentions foreign agents:',
    noticeIntro: 'The material is marked as produced by a foreign agent',
    details: 'details',
  },
} as const;

export function formatIsoDate(value: string, lang: Lang): string {
  const [y, m, d] = value.split('-');
  if (!y) return value;
  if (lang === 'ru') return [d, m, y].filter(Boolean).join('.');
  return value;
}

function fill(template: string, date: string, lang: Lang): string {
  return template.replace('{date}', formatIsoDate(date, lang));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The first addresses among the registry's sources for an entry, for links. */
function sourcesOf(a: Annotation): NoteSource[] {
  const urls: string[] = [];
  for (const text of [...(a.registry?.sources ?? []), ...(a.registry?.designations.map((d) => d.source) ?? [])]) {
    for (const m of text.matchAll(/https?:\/\/[^\s;,)]+/g)) if (!urls.includes(m[0])) urls.push(m[0]);
  }
  return urls.slice(0, 3).map((url) => ({ label: hostOf(url), url }));
}

/** The name to show in `lang`: the registry's English name for an English reader. */
export function displayName(a: Annotation, lang: Lang): string {
  if (a.registry) return lang === 'en' ? a.registry.name.en : a.registry.name.ru;
  return a.label || WORDS[lang].noticeHeading;
}

/** «террористическая», with the suspension when there is one. */
export function categoryWords(a: Annotation, lang: Lang): string {
  const status = a.registry?.status;
  const since = status && status !== 'listed' && a.registry?.statusDate ? fill(WORDS[lang][status], a.registry.statusDate, lang) : null;
  // «запрет приостановлен 17.04.2025», not «запрет приостановлен, запрет приостановлен 17.04.2025».
  if (a.category === 'suspended' && since) return since;
  return since ? `${ADJECTIVE[lang][a.category]}, ${since}` : ADJECTIVE[lang][a.category];
}

/**
 * The note for an annotation. With `mentionIndex` (the mention the reader opened, in the
 * order of `a.mentions`) the reason is that mention's own: the page's symbol on this one,
 * a link to the marked one elsewhere on another.
 */
export function describeAnnotation(a: Annotation, lang: Lang, mentionIndex?: number): NoteText {
  const words = WORDS[lang];
  const registry = a.registry;
  let status = a.person && a.kind === 'foreign-agent' ? PERSON_AGENT[lang] : STATUS[lang][a.category];
  if (registry && registry.status !== 'listed' && registry.statusDate) {
    // Not "banned in Russia": the ban no longer applies, and the note must not say it does.
    const was = a.category === 'suspended' ? registry.category : a.category;
    status = `${DESIGNATED[lang][was]}; ${fill(words[registry.status], registry.statusDate, lang)}`;
    if (registry.statusNote) status += ` (${registry.statusNote[lang]})`;
  } else if (registry?.statusNote) {
    status += `; ${registry.statusNote[lang]}`;
  }
  const opened = mentionIndex === undefined ? undefined : a.mentions[mentionIndex];
  const evidences = opened ? [opened.evidence] : [...new Set(a.mentions.map((m) => m.evidence))];
  const own = evidences.filter((e) => e !== 'linked' && e !== 'registry');
  const reasons = a.id.startsWith('notice-') ? ['notice' as const] : own.length ? own : evidences.length ? [evidences[0]!] : ['footnote' as const];
  const registryLines: string[] = [];
  if (registry) {
    registryLines.push(registry.officialName);
    for (const d of registry.designations) {
      // The FSB list dates none of its entries: then the line names the list alone.
      const when = d.date ? `, ${formatIsoDate(d.date, lang)} (${DATE_KIND[lang][d.dateKind]})` : '';
      registryLines.push(`${LIST_NOUN[lang][d.category]}: ${d.authority[lang]}${when}`);
    }
  }
  return {
    heading: displayName(a, lang),
    status,
    why: reasons.map((r) => WHY[lang][r]).join(' '),
    pageNotes: a.pageNotes,
    pageNotesHeading: words.pageNotes,
    registry: registryLines,
    registryHeading: words.registry,
    sources: sourcesOf(a),
    asOf: registry ? fill(words.asOf, registry.asOf, lang) : null,
  };
}

/** The whole note as one plain text, for aria-describedby and the CLI. */
export function noteAsText(note: NoteText): string {
  return [
    `${note.heading}. ${note.status}.`,
    note.why,
    note.pageNotes.length ? `${note.pageNotesHeading} ${note.pageNotes.map((n) => `«${n}»`).join(' ')}` : '',
    note.registry.length ? `${note.registryHeading} ${note.registry.join('; ')}.` : '',
    note.asOf ? `${note.asOf}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export interface SummaryLines {
  readonly bannedIntro: string;
  readonly agentsIntro: string;
  readonly noticeIntro: string;
  readonly details: string;
  readonly asOf: string;
}

export function summaryWords(lang: Lang): SummaryLines {
  return {
    bannedIntro: WORDS[lang].bannedIntro,
    agentsIntro: WORDS[lang].agentsIntro,
    noticeIntro: WORDS[lang].noticeIntro,
    details: WORDS[lang].details,
    asOf: fill(WORDS[lang].asOf, REGISTRY.as_of, lang),
  };
}

/** The summary as one line of text: «Упомянуты организации, запрещённые в России: «Исламское государство» (террористическая)». */
export function summaryText(annotations: readonly Annotation[], lang: Lang): string {
  const words = summaryWords(lang);
  const banned = annotations.filter((a) => a.kind === 'banned');
  const agents = annotations.filter((a) => a.kind === 'foreign-agent' && !a.id.startsWith('notice-'));
  const notices = annotations.filter((a) => a.id.startsWith('notice-'));
  const parts: string[] = [];
  if (banned.length) parts.push(`${words.bannedIntro} ${banned.map((a) => `${displayName(a, lang)} (${categoryWords(a, lang)})`).join(', ')}`);
  if (agents.length) parts.push(`${words.agentsIntro} ${agents.map((a) => displayName(a, lang)).join(', ')}`);
  if (notices.length) parts.push(words.noticeIntro + (notices[0]!.label ? `: ${notices[0]!.label}` : ''));
  return parts.join('. ');
}
