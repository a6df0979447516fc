import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren, Ref } from 'preact';
import type { ClutterFilter, Lang } from '../utils/cleaner/types.ts';
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

/** A thin bar that stays on top while the article scrolls: the name, the filters, "open in a tab". */
export function Toolbar(props: {
  lang: Lang;
  /** Offered only when there is an article to show in a tab. */
  canOpenInTab: boolean;
  states: ReadonlySignal<{ filter: ClutterFilter; on: boolean }[]>;
  panelId: string;
  panelOpen: boolean;
  /** The filters button, so that closing the panel with Escape can return focus to it. */
  panelButton?: Ref<HTMLButtonElement>;
  onTogglePanel: () => void;
  onOpenInTab: () => void;
  /** More tools at the end of the row (the article tools). */
  children?: ComponentChildren;
}) {
  const { lang } = props;
  const states = props.states.value;
  const on = states.filter((s) => s.on).length;
  return (
    <header class="toolbar">
      <span class="brand">
        <BrandMark />
        <span class="brand-name">Declutter</span>
      </span>
      <div class="toolbar-actions">
        <button
          ref={props.panelButton}
          type="button"
          class="tool"
          aria-expanded={props.panelOpen}
          aria-controls={props.panelId}
          onClick={props.onTogglePanel}
          title={t(lang, 'filtersOn', { on, total: states.length })}
        >
          <Icon name="sliders" />
          <span>{t(lang, 'filters')}</span>
          <span class="tool-badge" aria-hidden="true">
            {on}/{states.length}
          </span>
        </button>
        {props.canOpenInTab && (
          <button type="button" class="tool" onClick={props.onOpenInTab}>
            <Icon name="external" />
            <span>{t(lang, 'openInTab')}</span>
          </button>
        )}
        {props.children}
      </div>
    </header>
  );
}
