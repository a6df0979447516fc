import type { Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import type { OptionsModel } from '../entrypoints/options/model.ts';
import { FilterSwitches } from './FilterSwitches.tsx';
import { FilterToggle } from './FilterToggle.tsx';
import { OptionsData } from './OptionsData.tsx';
import { OptionsSites } from './OptionsSites.tsx';
import { ReaderSettings } from './ReaderSettings.tsx';

/** Every setting on one page, in the order a reader looks for them. */
export function OptionsPage({ model }: { model: OptionsModel }) {
  const lang: Lang = model.lang.value;
  return (
    <div class="options">
      <header class="options-header">
        <h1 class="options-title">{t(lang, 'optionsTitle')}</h1>
      </header>
      <main class="options-main">
        <section class="options-section" aria-labelledby="options-filters">
          <h2 id="options-filters" class="section-title">
            {t(lang, 'optionsFilters')}
          </h2>
          <p class="section-hint">{t(lang, 'optionsFiltersHint')}</p>
          <div class="filter-list">
            <FilterSwitches lang={lang} states={model.filterStates.value} onToggle={(filter, on) => void model.actions.toggleFilter(filter.id as never, on)} />
            <FilterToggle
              id="annotations"
              label={t(lang, 'annotations')}
              description={t(lang, 'annotationsDescription')}
              on={model.annotationsOn.value}
              onChange={(on) => void model.actions.toggleAnnotations(on)}
            />
          </div>
        </section>
        <OptionsSites lang={lang} model={model} />
        <section class="options-section" aria-labelledby="options-reading">
          <h2 id="options-reading" class="section-title">
            {t(lang, 'optionsReading')}
          </h2>
          <ReaderSettings id="options-reader" lang={lang} prefs={model.reader.prefs} onChange={(patch) => void model.reader.actions.change(patch)} title={false} />
          <div class="shortcut">
            <h3 class="subsection-title">{t(lang, 'shortcutTitle')}</h3>
            <p class="section-hint">
              {t(lang, 'shortcutBody', { keys: '' })}
              <kbd class="keys">{model.shortcut.value ?? t(lang, 'shortcutNone')}</kbd>
            </p>
            <button type="button" class="button" onClick={() => void model.actions.changeShortcut()}>
              {t(lang, 'shortcutChange')}
            </button>
          </div>
        </section>
        <OptionsData lang={lang} model={model} />
      </main>
    </div>
  );
}
