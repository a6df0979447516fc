/**
 * What the reader sees of the article on the popup's first screen, measured in the page:
 * where the headline sits, and how many lines of the body's text are wholly inside the
 * viewport before any scrolling. Lines are told apart by their boxes (Range client rects
 * of the body's text), so a wrapped paragraph counts as the lines a reader sees. Serialized
 * into the page by the driver: no imports, no named inner functions.
 */
export interface FirstScreen {
  readonly viewport: { width: number; height: number };
  readonly scrollY: number;
  readonly headline: { top: number; bottom: number } | null;
  /** The tops of the body's visible lines, in order (px from the viewport's top). */
  readonly lineTops: number[];
  /** The bottom of the tenth line, or null when fewer than ten are in view. */
  readonly tenthLineBottom: number | null;
  /** Lines of body text wholly inside the viewport. */
  readonly bodyLines: number;
}

export function measureFirstScreen(): FirstScreen {
  const height = window.innerHeight;
  const title = document.querySelector('.article-title')?.getBoundingClientRect() ?? null;
  const body = document.querySelector('.article-body');
  const lines: { top: number; bottom: number }[] = [];
  if (body) {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue?.trim()) continue;
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.height <= 0 || rect.width <= 0 || rect.bottom > height || rect.top < 0) continue;
        const same = lines.find((line) => Math.abs(line.top - rect.top) < rect.height / 2);
        if (same) same.bottom = Math.max(same.bottom, rect.bottom);
        else lines.push({ top: rect.top, bottom: rect.bottom });
      }
    }
  }
  lines.sort((a, b) => a.top - b.top);
  return {
    viewport: { width: window.innerWidth, height },
    scrollY: window.scrollY,
    headline: title ? { top: Math.round(title.top), bottom: Math.round(title.bottom) } : null,
    lineTops: lines.map((line) => Math.round(line.top)),
    tenthLineBottom: lines[9] ? Math.round(lines[9].bottom) : null,
    bodyLines: lines.length,
  };
}
