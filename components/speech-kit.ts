/**
 * Everything read aloud needs beyond its menu item, in one chunk the popup loads when the
 * reader first asks for it (the item or Alt+Shift+N): the speech model, the bar, and the
 * text map from the shown article to sentences.
 */
export { SpeechBar } from './SpeechBar.tsx';
export { createSpeechModel, type SpeechModel } from '../entrypoints/popup/speech-model.ts';
export { readingBlocks, sentencesOf, type Block } from '../utils/speech/text-map.ts';
export { speechLang } from '../utils/speech/voices.ts';
