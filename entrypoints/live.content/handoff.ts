/**
 * Which copy of the live script owns the page, and the hand-over to a newer copy (the
 * popup's "Clean this page" injecting again, the script registered anew after an update).
 *
 * The copies meet in the content scripts' isolated world: a slot on its global object,
 * which page scripts can neither see nor write. WXT's own hand-over (its content-script
 * context) listens on `document` for `<extension id>:live:wxt:content-script-started`,
 * an event any page script can dispatch (the id is public): a page could switch the
 * cleaner off, leave late banners visible and the badge stuck. The session therefore
 * uses this claim, never WXT's context.
 *
 * An extension update orphans the old copy: its `browser.runtime.id` is gone, and it
 * counts itself invalid from then on (the check WXT makes too).
 */
import type { SessionContext } from './session.ts';

const SLOT = '__declutterLiveSession';

interface Claim {
  /** Stops the holder and hands over the marks it made. */
  release(): ReadonlyMap<Element, string>;
}

export interface PageClaim extends SessionContext {
  /** What this copy hands over to the next: the session sets it once its cleaner exists. */
  handOver(marks: () => ReadonlyMap<Element, string>): void;
}

/**
 * Takes the page over from the copy holding it, if any: that copy stops at once and its
 * marks become this one's (`inherited`).
 */
export function claimPage(scope: object, extensionAlive: () => boolean): PageClaim {
  const slots = scope as Record<string, Claim | undefined>;
  const previous = slots[SLOT];
  const listeners: (() => void)[] = [];
  let current = true;
  let marks: () => ReadonlyMap<Element, string> = () => new Map();
  const invalidate = (): void => {
    if (!current) return;
    current = false;
    for (const listener of listeners.splice(0)) listener();
  };
  const claim: Claim = {
    release() {
      const handed = marks();
      invalidate();
      return handed;
    },
  };
  const inherited = previous?.release() ?? new Map<Element, string>();
  slots[SLOT] = claim;
  return {
    inherited,
    onInvalidated(callback) {
      listeners.push(callback);
    },
    get isValid() {
      if (current && !extensionAlive()) invalidate();
      return current;
    },
    handOver(next) {
      marks = next;
    },
  };
}
