import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, Lang } from '../utils/cleaner/types.ts';
import { NOTE_ID_PREFIX } from '../utils/cleaner/annotate/banned-orgs.ts';
import { describeAnnotation, noteAsText } from '../utils/cleaner/annotate/describe.ts';
import { AnnotationNote } from './AnnotationNote.tsx';
import '../assets/annotations.css';

const POPOVER_ID = 'declutter-annotation-popover';
/** Long enough to move the pointer from a mark onto its note without the note closing. */
const HIDE_DELAY_MS = 250;

interface Open {
  readonly id: string;
  readonly anchor: HTMLElement;
  /** Opened by a click or a tap (or Enter): stays until dismissed, not just while hovered or focused. */
  readonly pinned: boolean;
}

/**
 * The notes behind the marks in `root` (title and body alike): a popover on focus, hover
 * and tap, dismissed with Escape, by clicking elsewhere or by leaving the mark; and, for
 * assistive technology, every note's full text in a hidden element each mark names in its
 * aria-describedby. Everything is rendered as text.
 */
export function AnnotationNotes({ root, annotations, lang }: { root: RefObject<HTMLElement | null>; annotations: readonly Annotation[]; lang: Lang }) {
  const [open, setOpen] = useState<Open | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number; wide: boolean } | null>(null);
  const popover = useRef<HTMLDivElement>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const placedFor = useRef<HTMLElement | null>(null);
  const ids = annotations.map((a) => a.id).join(' ');

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const known = new Set(annotations.map((a) => a.id));
    const markOf = (target: EventTarget | null): HTMLElement | null => {
      const mark = (target as Element | null)?.closest?.('[data-annotation]') as HTMLElement | null;
      return mark && known.has(mark.dataset.annotation ?? '') ? mark : null;
    };
    const cancelHide = () => window.clearTimeout(hideTimer.current);
    const show = (mark: HTMLElement, pinned: boolean) => {
      cancelHide();
      setOpen((cur) => (cur?.pinned && cur.anchor !== mark && !pinned ? cur : { id: mark.dataset.annotation!, anchor: mark, pinned: pinned || (cur?.anchor === mark && cur.pinned) }));
    };
    const hideSoon = () => {
      cancelHide();
      hideTimer.current = window.setTimeout(() => setOpen((cur) => (cur && !cur.pinned ? null : cur)), HIDE_DELAY_MS);
    };
    const toggle = (mark: HTMLElement) =>
      setOpen((cur) => (cur?.anchor === mark && cur.pinned ? null : { id: mark.dataset.annotation!, anchor: mark, pinned: true }));

    const onFocusIn = (e: FocusEvent) => {
      const mark = markOf(e.target);
      if (mark) show(mark, false);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (markOf(e.target)) setOpen((cur) => (cur && !cur.pinned ? null : cur));
    };
    const onOver = (e: MouseEvent) => {
      const mark = markOf(e.target);
      if (mark) show(mark, false);
    };
    const onOut = (e: MouseEvent) => {
      if (markOf(e.target) && !markOf(e.relatedTarget)) hideSoon();
    };
    const onClick = (e: MouseEvent) => {
      const mark = markOf(e.target);
      if (!mark) return;
      // A mark inside a link explains the link's words; following the link stays one more click away.
      if ((e.target as Element).closest('a')) e.preventDefault();
      toggle(mark);
    };
    const onKey = (e: KeyboardEvent) => {
      const mark = markOf(e.target);
      if (mark && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        toggle(mark);
      }
    };
    const onDocKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    const onDocPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (popover.current?.contains(target) || markOf(target)) return;
      setOpen(null);
    };
    // One controller for every listener: aborting it removes them all, and no pair can drift apart.
    const listeners = new AbortController();
    const options = { signal: listeners.signal };
    el.addEventListener('focusin', onFocusIn, options);
    el.addEventListener('focusout', onFocusOut, options);
    el.addEventListener('mouseover', onOver, options);
    el.addEventListener('mouseout', onOut, options);
    el.addEventListener('click', onClick, options);
    el.addEventListener('keydown', onKey, options);
    document.addEventListener('keydown', onDocKey, options);
    document.addEventListener('pointerdown', onDocPointer, options);
    return () => {
      cancelHide();
      listeners.abort();
    };
    // `ids` stands for `annotations`: a new array with the same ids must not bind the listeners again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, ids]);

  // The open mark looks pressed. (No aria-expanded: the mark is plain text with a description, not a control.)
  useEffect(() => {
    const anchor = open?.anchor;
    anchor?.classList.add('declutter-annotation-open');
    return () => anchor?.classList.remove('declutter-annotation-open');
  }, [open?.anchor]);

  // Place the note under the mark, or above it when there is no room below; follow scrolling.
  // A long note that fits neither way (a 600-px popup, a mark mid-screen) takes the view's
  // whole width, which makes it shorter, and is then held inside the view, over the text
  // rather than running off its bottom: a tooltip takes no focus, so it cannot scroll.
  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const place = () => {
      const rect = open.anchor.getBoundingClientRect();
      const box = popover.current?.getBoundingClientRect();
      const width = box?.width ?? 320;
      const height = box?.height ?? 0;
      const below = rect.bottom + 6;
      const above = rect.top - 6 - height;
      const fitsBelow = below + height <= window.innerHeight - 8;
      const fitsAbove = above >= 8;
      // Once widened for this mark, it stays wide: narrowing again would only flip back.
      const wide = (position?.wide === true && placedFor.current === open.anchor) || (!fitsBelow && !fitsAbove && height > 0);
      const top = fitsBelow ? below : fitsAbove ? above : Math.max(8, window.innerHeight - 8 - height);
      const left = wide ? 8 : Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
      placedFor.current = open.anchor;
      setPosition((cur) => (cur && cur.top === top && cur.left === left && cur.wide === wide ? cur : { top, left, wide }));
    };
    place();
    const listeners = new AbortController();
    window.addEventListener('scroll', place, { capture: true, signal: listeners.signal });
    window.addEventListener('resize', place, { signal: listeners.signal });
    return () => listeners.abort();
  }, [open, position?.top, position?.wide]);

  const current = open ? annotations.find((a) => a.id === open.id) : undefined;
  // Marks come in the order of the annotation's mentions (title first, then the body), so
  // the opened mark's place among its siblings is its mention.
  const mention = open && root.current ? [...root.current.querySelectorAll(`[data-annotation="${open.id}"]`)].indexOf(open.anchor) : -1;
  return (
    <>
      <div class="annotation-descriptions" hidden>
        {annotations.map((a) => (
          <p key={a.id} id={`${NOTE_ID_PREFIX}${a.id}`}>
            {noteAsText(describeAnnotation(a, lang))}
          </p>
        ))}
      </div>
      {current && (
        <div
          ref={popover}
          id={POPOVER_ID}
          class={position?.wide ? 'annotation-popover annotation-popover-wide' : 'annotation-popover'}
          role="tooltip"
          lang={lang}
          style={{ top: `${position?.top ?? -9999}px`, left: `${position?.left ?? 0}px` }}
          onMouseEnter={() => window.clearTimeout(hideTimer.current)}
          onMouseLeave={() => setOpen((cur) => (cur && !cur.pinned ? null : cur))}
        >
          <AnnotationNote annotation={current} lang={lang} compact mention={mention >= 0 ? mention : undefined} />
        </div>
      )}
    </>
  );
}
