import type { Lang } from '../utils/cleaner/types.ts';
import { NOUNS, countOf, t } from '../utils/i18n.ts';
import type { SwitchChange } from '../entrypoints/popup/model.ts';
import { Icon } from './Icon.tsx';

/**
 * What the last switch did to the article, said at the foot of the view while the article
 * shows it: "Promo links off: 2 paragraphs back in the article, marked", or that nothing
 * the filter removed was in the article. A polite live region, so a screen reader hears it.
 */
export function SwitchNotice({ lang, change, onClose }: { lang: Lang; change: SwitchChange | null; onClose: () => void }) {
  const text = change ? describe(lang, change) : '';
  return (
    <div class="switch-notice" aria-live="polite" data-restored-count={change?.restored.length ?? 0} hidden={!change}>
      {change && (
        <>
          <p class="switch-notice-text">{text}</p>
          <button type="button" class="tool switch-notice-close" title={t(lang, 'close')} onClick={onClose}>
            <Icon name="close" />
            <span class="sr-only">{t(lang, 'close')}</span>
          </button>
        </>
      )}
    </div>
  );
}

function describe(lang: Lang, change: SwitchChange): string {
  const state = change.on ? t(lang, 'switchedOn') : t(lang, 'switchedOff');
  // «выкл.» carries its own full stop.
  const name = `${change.label}: ${state}${state.endsWith('.') ? '' : '.'}`;
  if (change.restored.length) return `${name} ${t(lang, 'changeBack', { count: countOf(lang, NOUNS.block, change.restored.length) })}`;
  if (change.gone) return `${name} ${t(lang, 'changeGone', { count: countOf(lang, NOUNS.block, change.gone) })}`;
  return `${name} ${t(lang, 'changeNone')}`;
}
