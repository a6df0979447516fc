import { useEffect } from 'preact/hooks';
import type { SpeechModel } from '../entrypoints/popup/speech-model.ts';
import { RATES } from '../entrypoints/popup/speech-model.ts';
import type { Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import { formatNumber } from '../utils/locale-format.ts';
import { rangeOf, type Block } from '../utils/speech/text-map.ts';
import { primaryLanguage } from '../utils/speech/voices.ts';
import { ToolIcon } from './ToolIcon.tsx';

export const SPEECH_HIGHLIGHT = 'declutter-speech';

type HighlightRegistry = { set(name: string, value: unknown): void; delete(name: string): void };
const highlights = (): HighlightRegistry | undefined => (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
const HighlightCtor = (): (new (...ranges: Range[]) => unknown) | undefined => (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(primaryLanguage(code)) ?? code;
  } catch {
    return code;
  }
}

/**
 * The read-aloud bar at the foot of the page: play or pause, stop, speed, voice, and which
 * sentence is being read, or why nothing can be. The sentence being read is highlighted in
 * the article (CSS Custom Highlight: the article's DOM is not touched) and kept in view.
 */
export function SpeechBar({ speech, blocks, lang, onClose }: { speech: SpeechModel; blocks: readonly Block[]; lang: Lang; onClose: () => void }) {
  const status = speech.status.value;
  const index = speech.current.value;
  const total = speech.sentences.value.length;
  const problem = speech.problem.value;
  const voices = speech.langVoices.value;
  const sentence = index >= 0 ? speech.sentences.value[index] : undefined;

  useEffect(() => {
    const registry = highlights();
    const Highlight = HighlightCtor();
    const block = sentence ? blocks[sentence.block] : undefined;
    const range = sentence && block ? rangeOf(blocks, sentence, block.element.ownerDocument) : null;
    if (!range) {
      registry?.delete(SPEECH_HIGHLIGHT);
      return;
    }
    if (registry && Highlight) registry.set(SPEECH_HIGHLIGHT, new Highlight(range));
    else block?.element.setAttribute('data-speaking', '');
    const rect = range.getBoundingClientRect();
    // Below the sticky toolbar and above this bar, or it is scrolled to the middle.
    if (rect.top < 60 || rect.bottom > window.innerHeight - 90) {
      const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      block?.element.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
    return () => block?.element.removeAttribute('data-speaking');
  }, [sentence, blocks]);

  useEffect(() => () => highlights()?.delete(SPEECH_HIGHLIGHT), []);

  const message =
    problem === 'no-voice'
      ? t(lang, 'speechNoVoice', { language: languageName(speech.lang.value, lang) })
      : problem === 'unsupported'
        ? t(lang, 'speechUnsupported')
        : problem === 'failed'
          ? t(lang, 'speechFailed')
          : index >= 0
            ? t(lang, 'speechProgress', { current: index + 1, total })
            : t(lang, 'speechShortcut');
  const playing = status === 'playing';
  const canPlay = problem !== 'unsupported' && problem !== 'no-voice';

  return (
    <section class="speech-bar" aria-label={t(lang, 'toolReadAloud')} lang={lang} data-status={status} data-problem={problem ?? undefined}>
      <div class="speech-controls">
        <button
          type="button"
          class="tool speech-play"
          disabled={!canPlay}
          aria-keyshortcuts="Alt+Shift+N"
          onClick={() => void speech.actions.toggle()}
        >
          <ToolIcon name={playing ? 'pause' : 'play'} />
          <span>{t(lang, playing ? 'speechPause' : 'speechPlay')}</span>
        </button>
        <button
          type="button"
          class="tool"
          onClick={() => {
            speech.actions.stop();
            onClose();
          }}
        >
          <ToolIcon name="stop" />
          <span>{t(lang, 'speechStop')}</span>
        </button>
        <label class="speech-field">
          <span>{t(lang, 'speechSpeed')}</span>
          <select value={String(speech.rate.value)} onChange={(e) => speech.actions.setRate(Number((e.target as HTMLSelectElement).value))}>
            {RATES.map((rate) => (
              <option key={rate} value={String(rate)}>
                {formatNumber(lang, rate)}×
              </option>
            ))}
          </select>
        </label>
        {voices.length > 1 && (
          <label class="speech-field">
            <span>{t(lang, 'speechVoice')}</span>
            <select value={speech.voice.value?.voiceURI ?? ''} onChange={(e) => speech.actions.setVoice((e.target as HTMLSelectElement).value)}>
              {voices.map((v) => (
                <option key={v.voiceURI} value={v.voiceURI}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="speech-status" role="status" data-problem={problem ?? undefined}>
        {message}
      </p>
    </section>
  );
}
