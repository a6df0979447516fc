import type { ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { Lang } from '../utils/cleaner/types.ts';
import { t, type MessageKey } from '../utils/i18n.ts';
import { FONTS, LINE_HEIGHTS, LINE_WIDTHS, TEXT_SIZES, THEMES, type ReaderPrefs } from '../utils/reader-prefs.ts';

const THEME_LABELS: Record<ReaderPrefs['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' };
const FONT_LABELS: Record<ReaderPrefs['font'], MessageKey> = { serif: 'fontSerif', sans: 'fontSans' };
const WIDTH_LABELS: Record<ReaderPrefs['lineWidth'], MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };

/**
 * One choice out of a few, as native radio buttons drawn as a segmented control: arrow
 * keys move within the group and Tab leaves it, as screen-reader users expect.
 */
export function Choice<V extends string | number | boolean | null>(props: {
  name: string;
  legend: ComponentChildren;
  options: readonly { value: V; label: string; swatch?: string }[];
  value: V;
  onChange: (value: V) => void;
  class?: string;
}) {
  return (
    <fieldset class={`choice ${props.class ?? ''}`}>
      <legend class="choice-legend">{props.legend}</legend>
      <div class="segmented">
        {props.options.map((option) => (
          <label key={String(option.value)} class="segment">
            <input
              type="radio"
              name={props.name}
              value={String(option.value)}
              checked={option.value === props.value}
              onChange={() => props.onChange(option.value)}
            />
            <span class="segment-face">
              {option.swatch && <span class="swatch" data-swatch={option.swatch} aria-hidden="true" />}
              {option.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A value picked from fixed steps with a slider; the screen reader hears the value, not the step number. */
function Steps<V extends number>(props: { id: string; label: string; steps: readonly V[]; value: V; format: (value: V) => string; onChange: (value: V) => void }) {
  const index = Math.max(0, props.steps.indexOf(props.value));
  const text = props.format(props.value);
  return (
    <div class="steps">
      <label for={props.id} class="choice-legend">
        {props.label}
      </label>
      <input
        id={props.id}
        class="steps-range"
        type="range"
        min={0}
        max={props.steps.length - 1}
        step={1}
        value={index}
        aria-valuetext={text}
        onInput={(e) => props.onChange(props.steps[Number((e.currentTarget as HTMLInputElement).value)] ?? props.value)}
      />
      <output for={props.id} class="steps-value" aria-hidden="true">
        {text}
      </output>
    </div>
  );
}

/**
 * Theme, typeface, text size, line spacing and line width. The same controls in the
 * popup's sheet and on the options page; every change applies at once and is shared.
 */
export function ReaderSettings(props: {
  id: string;
  lang: Lang;
  prefs: ReadonlySignal<ReaderPrefs>;
  onChange: (patch: Partial<ReaderPrefs>) => void;
  /** Shown as a sheet in the popup (Escape closes it), or as a plain section on the options page. */
  onClose?: () => void;
  title?: boolean;
  children?: ComponentChildren;
}) {
  const { lang, id } = props;
  const prefs = props.prefs.value;
  const number = (value: number, digits = 0) => value.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: 2 });
  return (
    <section
      id={id}
      class="reader-settings"
      aria-labelledby={props.title === false ? undefined : `${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && props.onClose) {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      {props.title !== false && (
        <h2 id={`${id}-title`} class="panel-title">
          {t(lang, 'textSettingsTitle')}
        </h2>
      )}
      <Choice
        name={`${id}-theme`}
        legend={t(lang, 'theme')}
        options={THEMES.map((value) => ({ value, label: t(lang, THEME_LABELS[value]), swatch: value }))}
        value={prefs.theme}
        onChange={(theme) => props.onChange({ theme })}
      />
      <Choice
        name={`${id}-font`}
        legend={t(lang, 'font')}
        options={FONTS.map((value) => ({ value, label: t(lang, FONT_LABELS[value]) }))}
        value={prefs.font}
        onChange={(font) => props.onChange({ font })}
        class="choice-font"
      />
      <Steps
        id={`${id}-size`}
        label={t(lang, 'textSize')}
        steps={TEXT_SIZES}
        value={prefs.textSize}
        format={(v) => `${number(v)} %`}
        onChange={(textSize) => props.onChange({ textSize })}
      />
      <Steps
        id={`${id}-leading`}
        label={t(lang, 'lineHeight')}
        steps={LINE_HEIGHTS}
        value={prefs.lineHeight}
        format={(v) => number(v, 1)}
        onChange={(lineHeight) => props.onChange({ lineHeight })}
      />
      <Choice
        name={`${id}-width`}
        legend={t(lang, 'lineWidth')}
        options={LINE_WIDTHS.map((value) => ({ value, label: t(lang, WIDTH_LABELS[value]) }))}
        value={prefs.lineWidth}
        onChange={(lineWidth) => props.onChange({ lineWidth })}
      />
      {props.children}
    </section>
  );
}
