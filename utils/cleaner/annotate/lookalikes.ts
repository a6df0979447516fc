/**
 * Names spelled with mixed alphabets: some outlets copy a name from an official list or a
 * document where a Latin word carries a Cyrillic «е», «о», «а» or «с» (Mеta, Bellingсat), or a
 * Cyrillic word a Latin one. The registry's names are searched on a copy of the line in which
 * a look-alike letter inside a word of the other script is replaced by its twin, one UTF-16
 * unit for one, so offsets stay and the page's own spelling is what the reader sees.
 */
import { step } from './work.ts';

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I',
};
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у',
  A: 'А', B: 'В', E: 'Е', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х',
};

const isLatinLetter = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const isCyrillicLetter = (ch: string): boolean => (ch >= '\u0410' && ch <= '\u044f') || ch === 'ё' || ch === 'Ё' || ch === 'і' || ch === 'І';

/**
 * The line with each mixed word in its majority script (ties left alone), or the line itself
 * when no word mixes the two. Linear: each character is read twice at most.
 */
export function unifyScripts(text: string): string {
  let out: string[] | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!isLatinLetter(ch) && !isCyrillicLetter(ch)) {
      i++;
      continue;
    }
    let end = i;
    let latin = 0;
    let cyrillic = 0;
    while (end < text.length && (isLatinLetter(text[end]!) || isCyrillicLetter(text[end]!))) {
      if (isLatinLetter(text[end]!)) latin++;
      else cyrillic++;
      end++;
    }
    step(end - i);
    if (latin && cyrillic && latin !== cyrillic) {
      const twins = latin > cyrillic ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC;
      const minority = latin > cyrillic ? isCyrillicLetter : isLatinLetter;
      // Only when every letter of the minority script has a twin: «iPhoneы» is no misspelling.
      let all = true;
      for (let k = i; k < end && all; k++) if (minority(text[k]!) && !twins[text[k]!]) all = false;
      if (all) {
        out ??= text.slice(0, i).split('');
        for (let k = out.length; k < i; k++) out.push(text[k]!);
        for (let k = i; k < end; k++) out.push(minority(text[k]!) ? twins[text[k]!]! : text[k]!);
      }
    }
    if (out) for (let k = out.length; k < end; k++) out.push(text[k]!);
    i = end;
  }
  if (!out) return text;
  for (let k = out.length; k < text.length; k++) out.push(text[k]!);
  return out.join('');
}
