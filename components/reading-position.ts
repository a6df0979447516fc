/**
 * The reader tab's reading position: where the reader is, as the first article block still
 * in view and how far into it, saved as they scroll and restored when the article shows
 * again (a reload, the same article opened later). Blocks, not pixels: a position survives
 * a change of text size or window width. Storage is the model's (reader-tab.ts).
 */
import { useEffect } from 'preact/hooks';
import type { ReadingPosition } from '../entrypoints/popup/reader-tab.ts';

interface PositionActions {
  loadPosition(): Promise<ReadingPosition | null>;
  savePosition(position: Omit<ReadingPosition, 'at'>): Promise<void>;
}

/** Scrolling settles for this long before the position is written, so a fling is one write, not hundreds. */
const SAVE_AFTER_MS = 400;

/** The article's blocks: the body's children, past the wrappers Readability leaves around them (a lone div in a div). */
function blocks(): HTMLElement[] {
  let box = document.querySelector('.article-body');
  while (box && box.children.length === 1 && /^(div|section|article|main)$/.test(box.firstElementChild!.localName)) box = box.firstElementChild;
  return box ? ([...box.children] as HTMLElement[]) : [];
}

/** Where the view's top is: the first block whose bottom is below it. */
export function currentPosition(): Omit<ReadingPosition, 'at'> | null {
  const all = blocks();
  const top = (document.querySelector('.toolbar') as HTMLElement | null)?.getBoundingClientRect().bottom ?? 0;
  const index = all.findIndex((block) => block.getBoundingClientRect().bottom > top);
  if (index < 0) return null;
  const rect = all[index]!.getBoundingClientRect();
  const offset = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { block: index, offset };
}

function scrollTo(position: ReadingPosition): void {
  const block = blocks()[position.block];
  if (!block) return;
  const toolbar = (document.querySelector('.toolbar') as HTMLElement | null)?.getBoundingClientRect().height ?? 0;
  const rect = block.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + rect.top + rect.height * position.offset - toolbar, behavior: 'instant' });
}

/** `article`: the shown article's HTML in the reader tab, null elsewhere (the popup starts at the top). */
export function useReadingPosition(model: { actions: PositionActions }, article: string | null): void {
  useEffect(() => {
    if (article === null) return;
    let stopped = false;
    let timer: number | undefined;
    let restored = false;
    const onScroll = () => {
      if (!restored) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const position = currentPosition();
        if (position) void model.actions.savePosition(position);
      }, SAVE_AFTER_MS);
    };
    void model.actions.loadPosition().then((position) => {
      if (stopped) return;
      if (position && position.block > 0) scrollTo(position);
      // The article's own layout first (fonts, pictures above the place) may still move it; a
      // scroll the restore itself caused is not the reader's.
      restored = true;
      document.documentElement.dataset.position = 'restored';
    });
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [article, model.actions]);
}
