/**
 * Read aloud: the state of the speech (what is read, where, how fast, in which voice) and
 * the only code that touches `speechSynthesis`. The article is spoken one sentence an
 * utterance (see utils/speech/sentences.ts). Pause cancels and remembers the last word
 * boundary, and resume speaks from that word: speechSynthesis.pause() does nothing with
 * some voices (remote ones in Chrome, several on Linux), and a cancelled utterance is the
 * one state every engine gets right. Each utterance carries a generation, so the events a
 * cancelled one still fires change nothing.
 */
import { computed, signal } from '@preact/signals';
import type { Sentence } from '../../utils/speech/text-map.ts';
import { voicesFor, type VoiceInfo } from '../../utils/speech/voices.ts';

/** What the model uses of SpeechSynthesisUtterance. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceInfo | null;
  onboundary: ((event: { charIndex: number; name?: string }) => void) | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
}

/** What the model uses of speechSynthesis. */
export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceInfo[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
}

export interface SpeechEnv {
  readonly synth: () => SynthLike | undefined;
  readonly Utterance: () => (new (text: string) => UtteranceLike) | undefined;
}

/** The page's own: looked up when used, so a test may stand a recording stub in before it plays. */
export const browserSpeech: SpeechEnv = {
  synth: () => (globalThis as { speechSynthesis?: SynthLike }).speechSynthesis,
  Utterance: () => (globalThis as { SpeechSynthesisUtterance?: new (text: string) => UtteranceLike }).SpeechSynthesisUtterance,
};

export type SpeechStatus = 'idle' | 'playing' | 'paused';
export type SpeechProblem = 'unsupported' | 'no-voice' | 'failed';

export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** How long to wait for a voice list the browser fills in late (Chromium's first getVoices() is empty). */
const VOICES_WAIT_MS = 1500;

export function createSpeechModel(env: SpeechEnv = browserSpeech) {
  const status = signal<SpeechStatus>('idle');
  const sentences = signal<readonly Sentence[]>([]);
  const current = signal(-1);
  const rate = signal(1);
  const lang = signal('en');
  const voices = signal<readonly VoiceInfo[]>([]);
  const chosenVoice = signal<string | null>(null);
  const problem = signal<SpeechProblem | null>(null);

  const langVoices = computed(() => voicesFor(voices.value, lang.value));
  const voice = computed(() => langVoices.value.find((v) => v.voiceURI === chosenVoice.value) ?? langVoices.value[0] ?? null);

  let generation = 0;
  /** Where in the current sentence the last word began: resume and restarts speak from there. */
  let offset = 0;
  /** Held so the utterance is not collected before its end event (a Chromium bug). */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- held, never read (see above)
  let utterance: UtteranceLike | null = null;
  let watching = false;

  function readVoices(synth: SynthLike): void {
    voices.value = synth.getVoices().map((v) => ({ voiceURI: v.voiceURI, name: v.name, lang: v.lang, localService: v.localService, default: v.default }));
    if (!watching) {
      watching = true;
      synth.addEventListener('voiceschanged', () => {
        voices.value = synth.getVoices().map((v) => ({ voiceURI: v.voiceURI, name: v.name, lang: v.lang, localService: v.localService, default: v.default }));
      });
    }
  }

  async function voicesReady(synth: SynthLike): Promise<void> {
    readVoices(synth);
    if (voices.value.length) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, VOICES_WAIT_MS);
      synth.addEventListener('voiceschanged', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    readVoices(synth);
  }

  function silence(): void {
    generation++;
    utterance = null;
    env.synth()?.cancel();
  }

  function speakFrom(index: number, from: number): void {
    const synth = env.synth();
    const Utterance = env.Utterance();
    const sentence = sentences.value[index];
    if (!synth || !Utterance || !sentence) {
      stop();
      return;
    }
    const mine = ++generation;
    current.value = index;
    offset = from;
    const u = new Utterance(sentence.text.slice(from));
    u.lang = lang.value;
    u.rate = rate.value;
    // The engine wants its own voice object, not our copy of its fields.
    u.voice = (synth.getVoices().find((v) => v.voiceURI === voice.value?.voiceURI) as VoiceInfo | undefined) ?? null;
    u.onboundary = (event) => {
      if (mine === generation && event.name !== 'sentence') offset = from + event.charIndex;
    };
    u.onend = () => {
      if (mine === generation) speakFrom(index + 1, 0);
    };
    u.onerror = (event) => {
      if (mine !== generation || event.error === 'interrupted' || event.error === 'canceled') return;
      stop();
      problem.value = 'failed';
    };
    utterance = u;
    status.value = 'playing';
    synth.speak(u);
  }

  function stop(): void {
    silence();
    status.value = 'idle';
    current.value = -1;
    offset = 0;
  }

  /** Speaks again from the last word, with the rate and voice as they are now. */
  function restart(): void {
    if (status.value !== 'playing') return;
    const at = current.value;
    const from = offset;
    silence();
    speakFrom(at, from);
  }

  const actions = {
    /** A new text to read; whatever was being read stops. */
    load(next: readonly Sentence[], language: string): void {
      stop();
      sentences.value = next;
      lang.value = language;
      problem.value = null;
    },
    async play(index = 0): Promise<void> {
      const synth = env.synth();
      if (!synth || !env.Utterance()) {
        problem.value = 'unsupported';
        return;
      }
      await voicesReady(synth);
      if (!langVoices.value.length) {
        problem.value = 'no-voice';
        return;
      }
      problem.value = null;
      silence();
      speakFrom(Math.max(0, Math.min(index, sentences.value.length - 1)), 0);
    },
    pause(): void {
      if (status.value !== 'playing') return;
      const at = offset;
      silence();
      offset = at;
      status.value = 'paused';
    },
    resume(): void {
      if (status.value !== 'paused') return;
      speakFrom(current.value, offset);
    },
    /** Play, pause or resume: the one action the keyboard shortcut needs. */
    async toggle(): Promise<void> {
      if (status.value === 'playing') actions.pause();
      else if (status.value === 'paused') actions.resume();
      else await actions.play(0);
    },
    stop,
    setRate(next: number): void {
      rate.value = next;
      restart();
    },
    setVoice(voiceURI: string): void {
      chosenVoice.value = voiceURI;
      restart();
    },
    /** What the voice list holds now, without speaking (for the voice picker). */
    refreshVoices(): void {
      const synth = env.synth();
      if (synth) readVoices(synth);
    },
  };

  return { status, sentences, current, rate, lang, voices, langVoices, voice, problem, actions };
}

export type SpeechModel = ReturnType<typeof createSpeechModel>;
