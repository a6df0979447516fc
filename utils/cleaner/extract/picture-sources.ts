/**
 * Pictures whose address the page's script would fill in, given it before the reader shows
 * them. Lazy-loading templates leave `src` empty, a 1×1 placeholder or a spinner, and keep
 * the picture in `data-src`, `data-srcset`, `srcset` or a <picture>'s <source>. The reader's
 * sanitizer keeps only `src` (srcset and data-* attributes go), so such a picture would be an
 * empty frame over its caption. Readability's own fix (`_fixLazyImages`) reads the `src`
 * property, which not every DOM gives (linkedom does not), and leaves a picture with only a
 * srcset alone. Runs on Readability's article, in the extract stage, before post-processing.
 */
import { upperTag } from '../page/elements.ts';

/** Attributes lazy-loaders keep the address in, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-old-src'];
const LAZY_SRCSET = ['srcset', 'data-srcset', 'data-lazy-srcset'];
/** A stand-in picture: a data: URL, or a file named as a blank, spacer or placeholder. */
const PLACEHOLDER = /^data:|\/(blank|spacer|placeholder|lazy|transparent|pixel|empty|loading|grey|gray)[\w.-]*\.(gif|png|svg)([?#]|$)/i;
/** The widest candidate up to this many pixels is taken from a srcset: enough for a reading column. */
const MAX_WIDTH = 1600;

export function fillPictureSources(root: Element, base: URL): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    if (hasOwnAddress(img)) continue;
    const found = lazyAddress(img);
    const absolute = found ? resolve(found, base) : null;
    if (absolute) img.setAttribute('src', absolute);
  }
}

/** The picture's address, from `src` or where a lazy loader keeps it; null for an empty frame. */
export function pictureAddress(img: Element): string | null {
  return hasOwnAddress(img) ? (img.getAttribute('src') ?? '').trim() : lazyAddress(img);
}

function hasOwnAddress(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').trim();
  return /^https?:/i.test(src) && !PLACEHOLDER.test(src);
}

function lazyAddress(img: Element): string | null {
  return lazySource(img) ?? sourceOfPicture(img);
}

function lazySource(img: Element): string | null {
  for (const name of LAZY_SRC) {
    const value = (img.getAttribute(name) ?? '').trim();
    if (value && !PLACEHOLDER.test(value)) return value;
  }
  for (const name of LAZY_SRCSET) {
    const pick = fromSrcset(img.getAttribute(name) ?? '');
    if (pick) return pick;
  }
  return null;
}

/** A <picture>'s first <source> with a usable srcset, when its <img> has none. */
function sourceOfPicture(img: Element): string | null {
  const picture = img.parentElement;
  if (!picture || upperTag(picture) !== 'PICTURE') return null;
  for (const source of Array.from(picture.children)) {
    if (upperTag(source) !== 'SOURCE') continue;
    const pick = fromSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
    if (pick) return pick;
  }
  return null;
}

/**
 * The widest candidate of a srcset up to MAX_WIDTH (or the first, when none gives a width).
 * Candidates are split on a comma followed by a space, as addresses may hold bare commas.
 */
export function fromSrcset(srcset: string): string | null {
  let best: { url: string; width: number } | null = null;
  for (const candidate of srcset.split(/,\s+/).slice(0, 40)) {
    const [url, descriptor = ''] = candidate.trim().split(/\s+/);
    if (!url || PLACEHOLDER.test(url)) continue;
    const width = /^\d+w$/.test(descriptor) ? Number.parseInt(descriptor, 10) : 0;
    if (!best || (width <= MAX_WIDTH && width > best.width) || (best.width > MAX_WIDTH && width < best.width)) best = { url, width };
  }
  return best?.url ?? null;
}

function resolve(value: string, base: URL): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
