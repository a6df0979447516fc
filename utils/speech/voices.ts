/**
 * Which voice reads an article: one whose language is the article's. Pure: the browser's
 * voice list in, a choice out.
 */

/** What the model needs of a SpeechSynthesisVoice. */
export interface VoiceInfo {
  readonly voiceURI: string;
  readonly name: string;
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/** "ru-RU", "ru_RU" and "RU" all speak "ru". */
export const primaryLanguage = (tag: string): string => tag.trim().toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';

/** The voices for `lang`: the exact regional tag first, then the system's default, then voices on this machine. */
export function voicesFor<V extends VoiceInfo>(voices: readonly V[], lang: string): V[] {
  const want = primaryLanguage(lang);
  const exact = lang.toLowerCase().replace(/_/g, '-');
  const score = (v: V) => (v.lang.toLowerCase().replace(/_/g, '-') === exact ? 4 : 0) + (v.default ? 2 : 0) + (v.localService ? 1 : 0);
  return voices
    .filter((v) => primaryLanguage(v.lang) === want)
    .map((v, i) => ({ v, i, s: score(v) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ v }) => v);
}

/**
 * The language to read in: the article's own, else Russian for text that is mostly
 * Cyrillic, else the UI's.
 */
export function speechLang(articleLang: string | null, text: string, uiLang: string): string {
  if (articleLang && primaryLanguage(articleLang)) return articleLang;
  const sample = text.slice(0, 2000);
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic > latin) return 'ru';
  if (latin > cyrillic) return 'en';
  return uiLang;
}
