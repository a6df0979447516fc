/**
 * The popup model's states, as the view reads them: what the view shows (an article, or why
 * not), what the last filter switch changed, and the reader tab's notes. Types only.
 */
import type { CleanResult } from '../../utils/cleaner/types.ts';

/** Why a page cannot be read: closed to all extensions, a PDF, or waiting for the reader's click. */
export type RestrictedReason = 'closed' | 'pdf' | 'no-access';

export type ViewState =
  | { kind: 'loading' }
  | { kind: 'restricted'; reason: RestrictedReason }
  | { kind: 'too-large'; elementCount: number }
  | { kind: 'not-readerable' }
  | { kind: 'no-article' }
  | { kind: 'ready'; result: CleanResult & { article: NonNullable<CleanResult['article']> } }
  | { kind: 'error'; message: string; detail: string | null };

/** Where a filter switch applies: on every site, or on this site only (a rule of its own). */
export type SwitchScope = 'everywhere' | 'site';

/** What the last switch did to the article, for the reader to see it at once. */
export interface SwitchChange {
  readonly label: string;
  readonly on: boolean;
  /** The article's blocks (text as articleText gives it) that came back with this change. */
  readonly restored: readonly string[];
  /** How many blocks left the article with it. */
  readonly gone: number;
}

/** A message about the reader tab's own article: read again, or why it could not be. */
export type TabNotice = 'reread' | 'rereadFailed' | 'notHeld' | null;
