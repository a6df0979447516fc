import type { ComponentChildren, Ref } from 'preact';
import type { Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import { Icon } from './Icon.tsx';

/** The extension's mark, drawn like the toolbar icon: a page of three lines, the last one short. */
function BrandMark() {
  return (
    <svg class="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" fill="currentColor" />
      <path d="M5.5 6.5h9M5.5 10h9M5.5 13.5h5" stroke="var(--bg)" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}

/** The sheets the toolbar opens under itself, one at a time. */
export type Sheet = 'filters' | 'page' | 'text';

export const SHEET_IDS: Record<Sheet, string> = { filters: 'filter-panel', page: 'page-panel', text: 'reader-settings' };

/** A toolbar button that opens one of the sheets. */
function SheetButton(props: { sheet: Sheet; open: Sheet | null; onSheet: (sheet: Sheet) => void; buttonRef?: Ref<HTMLButtonElement>; title?: string; children: ComponentChildren; class?: string }) {
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class={`tool ${props.class ?? ''}`}
      aria-expanded={props.open === props.sheet}
      aria-controls={SHEET_IDS[props.sheet]}
      title={props.title}
      onClick={() => props.onSheet(props.sheet)}
    >
      {props.children}
    </button>
  );
}

/**
 * A thin bar that stays on top while the article scrolls, and holds every control, so that
 * the article starts right under it: the name; the page itself (popup only); the filters;
 * text and theme; open in a tab, or in the reader tab, read the page again; the article's
 * tools. Each sheet is one click away and opens under the bar.
 */
export function Toolbar(props: {
  lang: Lang;
  open: Sheet | null;
  onSheet: (sheet: Sheet) => void;
  /** The button of each sheet, so that closing it with Escape can return focus there. */
  buttons: Record<Sheet, Ref<HTMLButtonElement>>;
  filtersOn: number;
  filtersTotal: number;
  /** The page's cleaning state for the "Page" button's dot; undefined: no such button (the reader tab). */
  page?: 'on' | 'off' | 'unavailable';
  /** The article tools (print, copy, save, read aloud; ArticleTools), last in the row: shown only with an article. */
  tools?: ComponentChildren;
  /** Offered only in the popup, with an article to show in a tab. */
  onOpenInTab?: () => void;
  /** The reader tab's "read the page again". */
  reread?: { busy: boolean; onClick: () => void };
}) {
  const { lang } = props;
  return (
    <header class="toolbar">
      <span class="brand">
        <BrandMark />
        <span class="brand-name">Declutter</span>
      </span>
      <div class="toolbar-actions">
        {props.page && (
          <SheetButton sheet="page" open={props.open} onSheet={props.onSheet} buttonRef={props.buttons.page} class="page-button">
            <span class="live-dot" data-live={props.page} aria-hidden="true" />
            <span>{t(lang, 'pageMenu')}</span>
          </SheetButton>
        )}
        <SheetButton
          sheet="filters"
          open={props.open}
          onSheet={props.onSheet}
          buttonRef={props.buttons.filters}
          title={t(lang, 'filtersOn', { on: props.filtersOn, total: props.filtersTotal })}
        >
          <Icon name="sliders" />
          <span>{t(lang, 'filters')}</span>
          <span class="tool-badge" aria-hidden="true">
            {props.filtersOn}/{props.filtersTotal}
          </span>
        </SheetButton>
        <SheetButton sheet="text" open={props.open} onSheet={props.onSheet} buttonRef={props.buttons.text} title={t(lang, 'textSettingsTitle')}>
          <span class="aa" aria-hidden="true">
            Aa
          </span>
          <span class="sr-only">{t(lang, 'textSettings')}</span>
        </SheetButton>
        {props.reread && (
          <button type="button" class="tool" disabled={props.reread.busy} onClick={props.reread.onClick}>
            <Icon name="reload" />
            <span>{t(lang, 'reread')}</span>
          </button>
        )}
        {props.onOpenInTab && (
          <button type="button" class="tool" title={t(lang, 'openInTab')} onClick={props.onOpenInTab}>
            <Icon name="external" />
            <span class="sr-only">{t(lang, 'openInTab')}</span>
          </button>
        )}
        {props.tools}
      </div>
    </header>
  );
}
