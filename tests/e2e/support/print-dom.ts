/**
 * What a printout of the reader holds, read inside the page with print media in force
 * (emulated in Chromium; in Firefox, by turning the print rules on for the screen).
 * Serialized into the page by both drivers, so it closes over nothing.
 */
export function printed() {
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const box = (el as HTMLElement).getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  };
  const marks = [...document.querySelectorAll('.article [data-annotation]')];
  return {
    // The summary's names are buttons on screen and words on paper.
    controls: [...document.querySelectorAll('button:not(.annotation-list button), select, input, .toolbar, .removals')].filter(visible).length,
    summary: (document.querySelector('.annotation-list') as HTMLElement | null)?.innerText.replace(/\s+/g, ' ') ?? '',
    title: (document.querySelector('.article-title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    meta: visible(document.querySelector('.article-meta')!),
    figure: [...document.querySelectorAll('.article-body figure')].map((f) => ({ img: visible(f.querySelector('img')!), caption: f.querySelector('figcaption')?.textContent?.trim() ?? '' })),
    // Firefox reports the computed content as `attr(data-note)`, Chromium as the string it makes.
    refs: marks.map((m) => getComputedStyle(m, '::after').content.replace(/^attr\(([\w-]+)\)$/, (_, name: string) => JSON.stringify(m.getAttribute(name)))),
    notes: [...document.querySelectorAll('.print-notes li')].filter(visible).map((li) => li.textContent ?? ''),
    appendixLast: (() => {
      const all = [...document.querySelectorAll('.article *')].filter(visible);
      return all.at(-1)?.closest('.print-appendix') !== null;
    })(),
    source: document.querySelector('.print-source')?.textContent ?? '',
  };
}


/**
 * Firefox over WebDriver BiDi has no print media emulation: every `@media print` rule of
 * the page's own stylesheets is made to apply to the screen instead.
 */
export function applyPrintRulesToScreen(): number {
  let changed = 0;
  for (const sheet of [...document.styleSheets]) {
    for (const rule of [...sheet.cssRules]) {
      if (rule instanceof CSSMediaRule && rule.media.mediaText.trim() === 'print') {
        rule.media.mediaText = 'all';
        changed++;
      }
    }
  }
  return changed;
}
