/**
 * Read aloud: the sentences cut from the shown article, the voice picked for its language,
 * and the speech model driven through a stub speechSynthesis that records every utterance
 * and fires the boundary and end events a real engine would.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { createSpeechModel, type SynthLike, type UtteranceLike } from '../../entrypoints/popup/speech-model.ts';
import { cutLong, MAX_CHARS, sentenceBounds, speechPieces } from '../../utils/speech/sentences.ts';
import { rangeOf, readingBlocks, sentencesOf } from '../../utils/speech/text-map.ts';
import { speechLang, voicesFor, type VoiceInfo } from '../../utils/speech/voices.ts';

const voice = (lang: string, name = lang, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({ voiceURI: `urn:${name}`, name, lang, localService: true, default: false, ...extra });

class StubSynth implements SynthLike {
  readonly spoken: UtteranceLike[] = [];
  cancels = 0;
  private listeners: (() => void)[] = [];
  constructor(public voiceList: VoiceInfo[]) {}
  speak(u: UtteranceLike): void {
    this.spoken.push(u);
  }
  cancel(): void {
    this.cancels++;
    // A real engine tells the utterance it was cut off.
    this.spoken.at(-1)?.onerror?.({ error: 'interrupted' });
  }
  getVoices(): VoiceInfo[] {
    return this.voiceList;
  }
  addEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.listeners.push(listener);
  }
  last(): UtteranceLike {
    return this.spoken.at(-1)!;
  }
}

class StubUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: VoiceInfo | null = null;
  onboundary: UtteranceLike['onboundary'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  constructor(public text: string) {}
}

function model(voices = [voice('ru-RU', 'Милена'), voice('en-US', 'Samantha')]) {
  const synth = new StubSynth(voices);
  const speech = createSpeechModel({ synth: () => synth, Utterance: () => StubUtterance });
  const doc = new JSDOM('<h1>Заголовок статьи</h1><div id="b"><p>Первое предложение. Второе, с <b>жирным</b> словом!</p><p>Третье.</p></div>').window.document;
  const blocks = readingBlocks([doc.querySelector('h1')!, doc.getElementById('b')!]);
  speech.actions.load(sentencesOf(blocks, 'ru'), 'ru');
  return { synth, speech, doc, blocks };
}

describe('sentences', () => {
  const text = 'Первое предложение. «Второе?» — спросил он. Третье… и всё';

  test('Intl.Segmenter cuts sentences', () => {
    expect(sentenceBounds(text, 'ru').map((p) => text.slice(p.start, p.end))).toEqual(['Первое предложение.', '«Второе?» — спросил он.', 'Третье… и всё']);
  });

  test('without Intl.Segmenter a plain rule ends a sentence after . ! ? … and closing quotes, before a capital', () => {
    const prose = 'One. Two! «Three?» Four… five. 2024 was a year';
    expect(sentenceBounds(prose, 'en', null).map((p) => prose.slice(p.start, p.end))).toEqual(['One.', 'Two!', '«Three?»', 'Four… five.', '2024 was a year']);
    expect(speechPieces(text, 'ru', null).map((p) => text.slice(p.start, p.end))).toEqual(['Первое предложение.', '«Второе?» — спросил он.', 'Третье… и всё']);
  });

  test('a sentence longer than the limit is cut at a comma or a space, never mid-word, and loses no words', () => {
    const long = Array.from({ length: 60 }, (_, i) => `слово${i}`).join(' ') + ', ' + Array.from({ length: 30 }, (_, i) => `ещё${i}`).join(' ') + '.';
    const pieces = cutLong(long, { start: 0, end: long.length });
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.end - p.start).toBeLessThanOrEqual(MAX_CHARS);
    expect(pieces.map((p) => long.slice(p.start, p.end)).join(' ')).toBe(long);
  });
});

describe('voices', () => {
  test('the article’s language picks the voice: the exact region, then the default, then a local one', () => {
    const list = [voice('en-GB', 'Daniel'), voice('ru_RU', 'Yuri', { localService: false }), voice('ru-RU', 'Milena', { default: true }), voice('en-US', 'Alex')];
    expect(voicesFor(list, 'ru').map((v) => v.name)).toEqual(['Milena', 'Yuri']);
    expect(voicesFor(list, 'en-US').map((v) => v.name)).toEqual(['Alex', 'Daniel']);
    expect(voicesFor(list, 'uk')).toEqual([]);
  });

  test('an article without a language reads in the one its letters are written in', () => {
    expect(speechLang(null, 'Президент России', 'en')).toBe('ru');
    expect(speechLang(null, 'The council voted', 'ru')).toBe('en');
    expect(speechLang('de', 'Президент', 'en')).toBe('de');
    expect(speechLang(null, '12345', 'ru')).toBe('ru');
  });
});

describe('text map', () => {
  test('blocks follow the article, and a sentence maps back to the words on the page', () => {
    const { blocks, doc } = model();
    const sentences = sentencesOf(blocks, 'ru');
    expect(sentences.map((s) => s.text)).toEqual(['Заголовок статьи', 'Первое предложение.', 'Второе, с жирным словом!', 'Третье.']);
    expect(rangeOf(blocks, sentences[2]!, doc)?.toString()).toBe('Второе, с жирным словом!');
    expect(rangeOf(blocks, sentences[3]!, doc)?.toString()).toBe('Третье.');
  });

  test('hidden text is never read', () => {
    const doc = new JSDOM('<div><p>Видно.</p><div hidden><p>Скрыто.</p></div><p aria-hidden="true">Тоже.</p></div>').window.document;
    expect(sentencesOf(readingBlocks([doc.querySelector('div')!]), 'ru').map((s) => s.text)).toEqual(['Видно.']);
  });
});

describe('the speech model', () => {
  test('reads one sentence an utterance, in the article’s language and voice, moving on at each end', async () => {
    const { synth, speech } = model();
    await speech.actions.play();
    expect(speech.status.value).toBe('playing');
    expect(synth.spoken.map((u) => [u.text, u.lang, u.voice?.name])).toEqual([['Заголовок статьи', 'ru', 'Милена']]);
    synth.last().onend!();
    synth.last().onend!();
    expect(speech.current.value).toBe(2);
    expect(synth.spoken.map((u) => u.text)).toEqual(['Заголовок статьи', 'Первое предложение.', 'Второе, с жирным словом!']);
    synth.last().onend!();
    synth.last().onend!();
    expect(speech.status.value).toBe('idle');
    expect(speech.current.value).toBe(-1);
  });

  test('pause remembers the last word and resume speaks on from it; a cancelled utterance’s events change nothing', async () => {
    const { synth, speech } = model();
    await speech.actions.play(2);
    const first = synth.last();
    first.onboundary!({ charIndex: 10, name: 'word' });
    speech.actions.pause();
    expect(speech.status.value).toBe('paused');
    first.onend!();
    expect(speech.current.value).toBe(2);
    speech.actions.resume();
    expect(synth.last().text).toBe('жирным словом!');
    synth.last().onboundary!({ charIndex: 7, name: 'word' });
    speech.actions.setRate(1.5);
    expect(synth.last()).toMatchObject({ text: 'словом!', rate: 1.5 });
  });

  test('the shortcut’s toggle plays, pauses and resumes; stop returns to the start', async () => {
    const { synth, speech } = model();
    await speech.actions.toggle();
    expect(speech.status.value).toBe('playing');
    await speech.actions.toggle();
    expect(speech.status.value).toBe('paused');
    await speech.actions.toggle();
    expect(speech.status.value).toBe('playing');
    speech.actions.stop();
    expect(speech.status.value).toBe('idle');
    expect(speech.current.value).toBe(-1);
    expect(synth.cancels).toBeGreaterThan(0);
  });

  test('another voice for the same language restarts the sentence in it', async () => {
    const { synth, speech } = model([voice('ru-RU', 'Милена'), voice('ru-RU', 'Юрий')]);
    await speech.actions.play();
    speech.actions.setVoice('urn:Юрий');
    expect(synth.last().voice?.name).toBe('Юрий');
    expect(synth.last().text).toBe('Заголовок статьи');
  });

  test('no voice for the language: nothing is spoken and the model says why', async () => {
    const { synth, speech } = model([voice('en-US')]);
    await speech.actions.play();
    expect(synth.spoken).toEqual([]);
    expect(speech.problem.value).toBe('no-voice');
    expect(speech.status.value).toBe('idle');
  });

  test('a browser without speechSynthesis is told apart; an engine error stops and is reported', async () => {
    const none = createSpeechModel({ synth: () => undefined, Utterance: () => undefined });
    await none.actions.play();
    expect(none.problem.value).toBe('unsupported');
    const { synth, speech } = model();
    await speech.actions.play();
    synth.last().onerror!({ error: 'synthesis-failed' });
    expect(speech.status.value).toBe('idle');
    expect(speech.problem.value).toBe('failed');
  });
});
