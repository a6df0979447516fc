/**
 * Character references left in text that did not come through an HTML parser. JSON-LD is
 * JSON inside a <script>, so the parser leaves its strings alone, and CMSs that build it by
 * escaping for HTML leave `zerst&ouml;ren`, `R&uuml;ckbau`, `&#8220;…&#8221;` in the
 * headline and the author (golem.de, stuttgarter-zeitung.de). Readability unescapes only
 * `&amp; &lt; &gt; &quot; &apos;` and numeric references; the reader would see the rest.
 *
 * Not the whole HTML5 table (2,000+ names, a large share of the popup's code for a handful of
 * headlines): numeric references, the Latin letters with an accent (`&ouml; &eacute;
 * &ccedil; &scaron;` are a letter and a combining mark, composed here) and the punctuation
 * and symbols headlines use. An unknown name stays as it was.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', prime: '′', Prime: '″',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  middot: '·', bull: '•', deg: '°', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾',
  iexcl: '¡', iquest: '¿', szlig: 'ß', AElig: 'Æ', aelig: 'æ', OElig: 'Œ', oelig: 'œ', oslash: 'ø', Oslash: 'Ø',
  eth: 'ð', ETH: 'Ð', thorn: 'þ', THORN: 'Þ', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
};

/** The accents a named reference puts on a Latin letter, as combining marks. */
const ACCENT: Readonly<Record<string, string>> = {
  uml: '\u0308', acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', ring: '\u030a', cedil: '\u0327', caron: '\u030c',
};

/** A reference is short: the bounded name keeps the scan linear on hostile text. */
const REFERENCE = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = text.replace(REFERENCE, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED[name];
    if (named !== undefined) return named;
    const accent = ACCENT[name.slice(1)];
    return accent && /^[A-Za-z]$/.test(name[0]!) ? `${name[0]}${accent}` : whole;
  });
  return decoded.normalize('NFC');
}
