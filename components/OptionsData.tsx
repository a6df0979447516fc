import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../utils/cleaner/types.ts';
import { t } from '../utils/i18n.ts';
import type { ImportError } from '../entrypoints/options/settings-file.ts';
import type { Notice, OptionsModel } from '../entrypoints/options/model.ts';

function importErrorText(lang: Lang, error: ImportError): string {
  switch (error.kind) {
    case 'too-large':
      return t(lang, 'importErrorTooLarge');
    case 'json':
      return t(lang, 'importErrorJson');
    case 'foreign':
      return t(lang, 'importErrorForeign');
    case 'version':
      return t(lang, 'importErrorVersion', { version: error.version });
    case 'invalid':
      return t(lang, 'importErrorInvalid', { field: error.field });
  }
}

function NoticeLine({ lang, notice }: { lang: Lang; notice: Notice }) {
  if (!notice) return null;
  if (notice.kind === 'import-error') {
    return (
      <p class="notice notice-error" role="alert" data-notice="import-error">
        {importErrorText(lang, notice.error)}
      </p>
    );
  }
  return (
    <p class="notice" role="status" data-notice={notice.kind}>
      {notice.kind === 'reset' ? t(lang, 'resetDone') : t(lang, 'importDone')}
      {notice.kind === 'imported' && notice.needAccess.length > 0 && (
        <span class="notice-more">{t(lang, 'importSitesNeedAccess', { sites: notice.needAccess.join(', ') })}</span>
      )}
    </p>
  );
}

/** A file download from our own page: a blob link, clicked once and released. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export, import and reset; every outcome is said in words next to the buttons. */
export function OptionsData({ lang, model }: { lang: Lang; model: OptionsModel }) {
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The question replaces the button that asked it, so focus moves to the answer.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <section class="options-section" aria-labelledby="options-data">
      <h2 id="options-data" class="section-title">
        {t(lang, 'optionsData')}
      </h2>
      <div class="data-actions">
        <button
          type="button"
          class="button"
          onClick={async () => {
            const file = await model.actions.exportFile();
            saveFile(file.name, file.text);
          }}
        >
          {t(lang, 'exportSettings')}
        </button>
        <label class="button file-button">
          {t(lang, 'importSettings')}
          <input
            type="file"
            class="file-input"
            accept="application/json,.json"
            onChange={async (event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              // The last outcome goes at once: a stale "imported" must not stand for this file.
              model.actions.dismissNotice();
              if (file) await model.actions.importFile(file);
            }}
          />
        </label>
      </div>
      <div class="reset">
        <p class="section-hint">{t(lang, 'resetHint')}</p>
        {confirming ? (
          <div class="confirm" role="group" aria-label={t(lang, 'resetConfirm')}>
            <span class="confirm-text">{t(lang, 'resetConfirm')}</span>
            <button
              type="button"
              class="button primary"
              ref={confirmButton}
              onClick={async () => {
                setConfirming(false);
                await model.actions.resetAll();
                resetButton.current?.focus();
              }}
            >
              {t(lang, 'resetConfirmYes')}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                setConfirming(false);
                resetButton.current?.focus();
              }}
            >
              {t(lang, 'cancel')}
            </button>
          </div>
        ) : (
          <button ref={resetButton} type="button" class="button" onClick={() => setConfirming(true)}>
            {t(lang, 'resetSettings')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        <NoticeLine lang={lang} notice={model.notice.value} />
      </div>
    </section>
  );
}
