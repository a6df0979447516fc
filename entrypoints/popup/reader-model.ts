/**
 * The reader's typography and theme, shared by the popup, the reader tab and the options
 * page: loaded from storage, applied to the page's root element, and kept in step when
 * another of those pages changes them.
 */
import { signal } from '@preact/signals';
import { applyReaderPrefs, DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs, watchReaderPrefs, type ReaderPrefs } from '../../utils/reader-prefs.ts';

export function createReaderModel(root: HTMLElement = document.documentElement) {
  const prefs = signal<ReaderPrefs>(DEFAULT_READER_PREFS);
  const apply = (next: ReaderPrefs): void => {
    prefs.value = next;
    applyReaderPrefs(root, next);
  };
  apply(DEFAULT_READER_PREFS);

  const actions = {
    async start(): Promise<() => void> {
      apply(await loadReaderPrefs());
      return watchReaderPrefs(apply);
    },
    async change(patch: Partial<ReaderPrefs>): Promise<void> {
      apply({ ...prefs.value, ...patch });
      await saveReaderPrefs(prefs.value);
    },
  };
  return { prefs, actions };
}

export type ReaderModel = ReturnType<typeof createReaderModel>;
