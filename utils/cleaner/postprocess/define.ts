/**
 * Post-processing steps clean inside the article Readability chose: the share bars,
 * "read more" inserts, newsletter boxes, credits and bylines that sit in the same container
 * as the story and so survive its scoring. Each step only detects; `index.ts` removes.
 */

import type { ArticleMeasure } from './measure.ts';
import type { FilterId } from '../detect/filters/index.ts';

export interface PostContext {
  /** Readability's article element, page classes still on it (they are stripped afterwards). */
  readonly root: Element;
  /** The article's title as the reader sees it above the body. */
  readonly title: string;
  /** The byline Readability found, if any. */
  readonly byline: string | null;
  readonly url: URL;
  /** Language of the page, lower-cased; '' when unknown. */
  readonly lang: string;
  /**
   * The clutter filters the reader has on. A step that belongs to a filter runs only when
   * that filter is on, so switching "promo links" off brings back the in-body promos too.
   * Left out, every step runs (the benchmark and step tests).
   */
  readonly filters?: ReadonlySet<string>;
}

/** What a step sees: the article, and its elements measured once for all rules. */
export interface StepContext extends PostContext {
  readonly measure: ArticleMeasure;
}

/** An element to remove. */
export interface ElementMatch {
  readonly element: Element;
  readonly reason: string;
}

/** The tail of a text node to cut, from `from` to its end (a credit after a caption). */
export interface TextTailMatch {
  readonly text: Text;
  readonly from: number;
  readonly reason: string;
}

export type PostMatch = ElementMatch | TextTailMatch;

export interface PostStep {
  /** kebab-case; equals the file name. */
  readonly id: string;
  /** Why what the step removes is not article text on the web at large. */
  readonly why: string;
  /**
   * The clutter category the reader knows this as, whose switch governs the step and under
   * which its removals are listed. Steps without one only tidy what Readability left
   * (credits, hidden text, a repeated title) and always run.
   */
  readonly filter?: FilterId;
  /** Pure: reads the article element, never changes it. */
  detect(ctx: StepContext): readonly PostMatch[];
}

export const definePostStep = <const S extends PostStep>(step: S): S => step;
