/**
 * A speechSynthesis stand-in for browser tests, installed in the page with evaluate(): it
 * speaks nothing, records every utterance (text, lang, rate, voice) and lets the test fire
 * the boundary and end events a real engine would, one at a time. Serialized into the page,
 * so it closes over nothing.
 */
export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

export function installSpeechStub(voiceLangs: string[]): void {
  type Handler = ((event: unknown) => void) | null;
  interface Stubbed {
    text: string;
    lang: string;
    rate: number;
    voice: { name: string } | null;
    onboundary: Handler;
    onend: Handler;
    onerror: Handler;
  }
  const spoken: Stubbed[] = [];
  const listeners: (() => void)[] = [];
  const voices = voiceLangs.map((lang, i) => ({ voiceURI: `stub:${lang}:${i}`, name: `Stub ${lang}`, lang, localService: true, default: i === 0 }));
  const synth = {
    speak: (u: Stubbed) => void spoken.push(u),
    cancel: () => spoken.at(-1)?.onerror?.({ error: 'interrupted' }),
    getVoices: () => voices,
    addEventListener: (_type: string, listener: () => void) => void listeners.push(listener),
  };
  class Utterance {
    lang = '';
    rate = 1;
    voice = null;
    onboundary = null;
    onend = null;
    onerror = null;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, '__speech', {
    configurable: true,
    value: {
      spoken: () => spoken.map((u) => ({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null })),
      boundary: (charIndex: number) => spoken.at(-1)?.onboundary?.({ charIndex, name: 'word' }),
      end: () => spoken.at(-1)?.onend?.({}),
    },
  });
}

/** The text under the read-aloud highlight, or of the block marked where the Highlight API is missing. */
export function highlightedText(): string | null {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const highlight = registry?.get('declutter-speech');
  if (highlight) return [...highlight].map((range) => range.toString()).join(' ');
  return document.querySelector('[data-speaking]')?.textContent ?? null;
}
