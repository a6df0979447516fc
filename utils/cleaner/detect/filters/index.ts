/**
 * The one list of clutter filters. Order matters only for the removal log: when two
 * filters find the same element, the earlier one is credited.
 */
import { cookieBanners } from './cookie-banners.ts';
import { promoLinks } from './promo-links.ts';
import { navigation } from './navigation.ts';
import { clickbaitSidebars } from './clickbait-sidebars.ts';

export const FILTERS = [cookieBanners, promoLinks, navigation, clickbaitSidebars] as const;

export type FilterId = (typeof FILTERS)[number]['id'];

export const FILTER_IDS: readonly FilterId[] = FILTERS.map((f) => f.id);

export function isFilterId(value: unknown): value is FilterId {
  return typeof value === 'string' && (FILTER_IDS as readonly string[]).includes(value);
}
