import { FILTERS } from '../utils/cleaner/detect/filters/index.ts';
import type { Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import { formatLongDate } from '../utils/locale-format.ts';
import type { OptionsModel } from '../entrypoints/options/model.ts';

function formatDay(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatLongDate(lang, date);
}

/** The sites cleaned automatically (removal gives the permission back) and the sites with filter rules of their own. */
export function OptionsSites({ lang, model }: { lang: Lang; model: OptionsModel }) {
  const sites = model.sites.value;
  const rules = model.siteRules.value;
  return (
    <>
      <section class="options-section" aria-labelledby="options-sites">
        <h2 id="options-sites" class="section-title">
          {t(lang, 'optionsSites')}
        </h2>
        <p class="section-hint">{sites.length ? t(lang, 'optionsSitesHint') : t(lang, 'optionsSitesEmpty')}</p>
        {sites.length > 0 && (
          <ul class="site-list" data-list="live-sites">
            {sites.map((entry) => {
              const day = formatDay(entry.added, lang);
              return (
                <li key={entry.site} class="site-item">
                  <span class="site-name">{entry.site}</span>
                  <span class="site-meta">
                    {entry.granted ? day && t(lang, 'optionsSiteSince', { date: day }) : t(lang, 'optionsSiteNoAccess')}
                  </span>
                  <button type="button" class="button small" aria-label={t(lang, 'removeSite', { site: entry.site })} onClick={() => void model.actions.removeSite(entry.site)}>
                    {t(lang, 'remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section class="options-section" aria-labelledby="options-site-rules">
        <h2 id="options-site-rules" class="section-title">
          {t(lang, 'optionsSiteRules')}
        </h2>
        <p class="section-hint">{t(lang, 'optionsSiteRulesHint', { site: lang === 'ru' ? 'сайт' : 'the site' })}</p>
        {rules.length === 0 ? (
          <p class="section-hint">{t(lang, 'optionsSiteRulesEmpty')}</p>
        ) : (
          <ul class="site-list" data-list="site-rules">
            {rules.map(([site, switches]) => (
              <li key={site} class="site-item">
                {/* The one place a site's filters are set is the popup on that site: one click there. */}
                <a class="site-name" href={`https://${site}/`} target="_blank" rel="noopener noreferrer" aria-label={t(lang, 'openSite', { site })}>
                  {site}
                </a>
                <span class="site-meta">
                  {FILTERS.filter((f) => f.id in switches)
                    .map((f) => `${f.label[lang]}: ${(switches[f.id] ? t(lang, 'siteOn') : t(lang, 'siteOff')).toLowerCase()}`)
                    .join(' · ')}
                </span>
                <button type="button" class="button small" aria-label={t(lang, 'resetSiteNamed', { site })} onClick={() => void model.actions.resetSiteRules(site)}>
                  {t(lang, 'resetConfirmYes')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
