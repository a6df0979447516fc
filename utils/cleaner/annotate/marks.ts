/**
 * The vocabulary of the marks Russian outlets put on designated organisations: the footnote
 * symbols, the status words of the disclaimers, and what a disclaimer's text says.
 */
import type { AnnotationKind, OrgCategory } from '../types.ts';

/**
 * Rosfinmonitoring's list of "terrorists and extremists" is a financial list of persons; a
 * mark that says only that is about a person's listing, not an organisation's ban, so it is
 * not read as a ban.
 */
const ROSFIN_LIST = /(?:перечень|переч\p{L}*|список|спис\p{L}*)\s+(?:террористов\s+и\s+экстремистов|экстремистов\s+и\s+террористов)/giu;

// Word endings are short ({0,12}): an unbounded \p{L}* rescanned a long word from every start in it.
const FOREIGN_AGENT = /иноагент|иностранн\p{L}{0,12}\s+агент|функци\p{L}{0,12}\s+иностранного\s+агента/iu;
const TERRORIST = /террористич\p{L}*|террористск\p{L}*/iu;
const EXTREMIST = /экстремистск\p{L}*/iu;
const UNDESIRABLE = /нежелательн\p{L}*/iu;
const BANNED = /запрещ\p{L}*/iu;

export interface NoteMeaning {
  readonly kind: AnnotationKind;
  readonly category: OrgCategory;
}

/**
 * What a legend, footnote or parenthetical says, or null when it says nothing about a ban or
 * the foreign-agent register (an asterisk can be an ordinary footnote: «*данные за 2024 год»).
 * A text that names a ban and the register (ФБК: «признана экстремистской…, объявлена
 * иноагентом») is about the ban, the stronger of the two.
 */
export function noteMeaning(text: string): NoteMeaning | null {
  const withoutRosfin = text.replace(ROSFIN_LIST, ' ');
  const category: OrgCategory | null = TERRORIST.test(withoutRosfin)
    ? 'terrorist'
    : EXTREMIST.test(withoutRosfin)
      ? 'extremist'
      : UNDESIRABLE.test(withoutRosfin)
        ? 'undesirable'
        : BANNED.test(withoutRosfin)
          ? 'banned'
          : null;
  if (category) return { kind: 'banned', category };
  if (FOREIGN_AGENT.test(withoutRosfin)) return { kind: 'foreign-agent', category: 'foreign-agent' };
  return null;
}

/** Most specific first: a page that says «террористическая» says more than one that says «запрещена». */
const SPECIFICITY: readonly OrgCategory[] = ['terrorist', 'extremist', 'undesirable', 'banned', 'foreign-agent'];

export function moreSpecific(a: OrgCategory | null, b: OrgCategory | null): OrgCategory | null {
  if (!a) return b;
  if (!b) return a;
  return SPECIFICITY.indexOf(a) <= SPECIFICITY.indexOf(b) ? a : b;
}

/**
 * A disclaimer names where or by whom: «в России», «в РФ», «Минюстом», «судом», «реестр».
 * Without one, a parenthetical with «запрещена» is ordinary prose («(его концерты запрещены
 * организаторами)» is rare, but «(запрещена в РФ)» is the mark).
 */
const JURISDICTION = /Росси|РФ|Российск\p{L}{0,12}\s+Федераци|территори|Минюст|Генпрокуратур|суд|ФСБ|реестр|перечень|список|иноагент|иностранн\p{L}{0,12}\s+агент/iu;

/** «(признана экстремистской и запрещена)»: a clause that is a status from its first word. */
const STATUS_FIRST = /^\s*(?:(?:организаци\p{L}*|движени\p{L}*|деятельность(?:\s+\p{L}+)?|объединени\p{L}*|компани\p{L}*)\s+)?(?:признан|запрещ|внес[её]н|включ[её]н|объявлен)/iu;

/** The longest disclaimer seen in the wild is about 200 characters (ФБК's four statuses). */
const MAX_DISCLAIMER = 260;

/** Whether a parenthetical's content is a disclaimer, and what it says. */
export function disclaimerMeaning(content: string): NoteMeaning | null {
  if (content.length > MAX_DISCLAIMER) return null;
  if (!JURISDICTION.test(content) && !STATUS_FIRST.test(content)) return null;
  // A disclaimer is one clause; prose in brackets has sentences of its own.
  if (/[.!?]\s+\p{Lu}/u.test(content)) return null;
  return noteMeaning(content);
}
