import type { ClutterFilter } from '../../types.ts';

/** Keeps a filter's literal id type while checking it against the interface. */
export const defineFilter = <const F extends ClutterFilter>(filter: F): F => filter;
