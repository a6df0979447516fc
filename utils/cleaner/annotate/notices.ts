/**
 * Foreign-agent notices: the capitalised block a foreign-agent outlet must print above or
 * below its text. Two legal wordings exist: Roskomnadzor's of 2021 («ДАННОЕ СООБЩЕНИЕ
 * (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ…») and
 * the one under 255-FZ («НАСТОЯЩИЙ МАТЕРИАЛ (ИНФОРМАЦИЯ) ПРОИЗВЕДЕН, РАСПРОСТРАНЕН И (ИЛИ)
 * НАПРАВЛЕН ИНОСТРАННЫМ АГЕНТОМ … ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА …»). Both
 * appear in capitals and in sentence case, with the spacing of whatever CMS printed them.
 */
import { foldSpaces } from '../page/visible-text.ts';

const S = String.raw`[\s\u00a0]+`;
const O = String.raw`[\s\u00a0]*`;
const OR = String.raw`и${O}\(${O}или${O}\)`;
/**
 * A name after the spaces starts with a visible character: spaces that either `S` or the
 * name could take gave the pattern exponentially many ways to fail on a long line.
 */
const WORD_START = String.raw`[^.\n\s\u00a0]`;

const NOTICE_2021 = new RegExp(
  String.raw`данное${S}сообщение${O}\(${O}материал${O}\)${S}создано${S}${OR}${S}распространено${S}иностранным${S}средством${S}массовой${S}информации,?${S}выполняющим${S}функции${S}иностранного${S}агента` +
    String.raw`(?:,?${S}${OR}${S}российским${S}юридическим${S}лицом,?${S}выполняющим${S}функции${S}иностранного${S}агента)?\.?`,
  'giu',
);

const NOTICE_255 = new RegExp(
  String.raw`настоящий${S}материал${O}\(${O}информация${O}\)${S}произвед[её]н[\s\S]{0,80}?иностранным${S}агентом` +
    String.raw`(?<agent>${S}${WORD_START}[^.\n]{0,159}?)?(?:${S}либо${S}касается${S}деятельности${S}иностранного${S}агента(?:${S}${WORD_START}[^.\n]{0,159}?)?)?(?:\.|(?=\n)|$)`,
  'giu',
);

export interface Notice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The agent the notice names, when it names one (the 255-FZ wording does). */
  readonly agent: string | null;
}

export function findNotices(text: string): Notice[] {
  const out: Notice[] = [];
  // Both wordings hold a bracket («сообщение (материал)», «материал (информация)»), which no
  // case rule changes; the annotator asks about every line, and few have one.
  if (!text.includes('(')) return out;
  for (const re of [NOTICE_2021, NOTICE_255]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const agent = m.groups?.agent ? foldSpaces(m.groups.agent) : null;
      out.push({ start: m.index, end: m.index + m[0].length, text: foldSpaces(m[0]), agent: agent || null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What is left of a line once its notices go: only punctuation and an age label («18+») means nothing is left. */
export function onlyNoticeLeft(text: string, notices: readonly Notice[]): boolean {
  let rest = '';
  let cursor = 0;
  for (const n of notices) {
    rest += text.slice(cursor, n.start);
    cursor = n.end;
  }
  rest += text.slice(cursor);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/\b\d{1,2}\s*\+/gu, ''));
}
