import { browser } from 'wxt/browser';
import { LockScreen } from '@/src/ui/options/lock-screen';
import { OptionsView } from '@/src/ui/options/options-view';
import { countryChoices, helplineOf, languageChoices } from '@/src/parents/countries';
import { useOptionsController } from '@/src/parents/options-controller';
import { summarize } from '@/src/parents/summary';
import { dayKey } from '@/src/lib/stats';

/** The options page: setup hint, PIN lock, or the options (state and actions live in useOptionsController). */
export function OptionsApp() {
  const c = useOptionsController();
  const { t, phase } = c;
  if (phase.kind === 'loading') return null;
  if (phase.kind === 'setup') {
    return (
      <main class="page lock">
        <h1>{t('options_title')}</h1>
        <section class="panel">
          <p>{t('options_needs_setup')}</p>
          <div class="row">
            <a class="button button--primary" href={browser.runtime.getURL('/setup.html')}>
              {t('setup_title')}
            </a>
          </div>
        </section>
      </main>
    );
  }
  if (phase.kind === 'locked') {
    return <LockScreen t={t} busy={c.busy} error={c.lockError} retryAt={c.retryAt} onUnlock={(pin) => void c.unlock(pin)} onForgot={() => void c.forgot()} />;
  }
  const { view } = phase;
  return (
    <OptionsView
      t={t}
      locale={c.language}
      view={view}
      summary={summarize(view.stats, dayKey(Date.now()), 14)}
      countries={countryChoices(c.language, view.settings.country)}
      languages={languageChoices()}
      helpline={helplineOf(view.settings.country)}
      status={c.saveStatus}
      onSave={(next) => void c.save(next)}
      onChangePin={c.changePin}
      onExport={c.exportFile}
      onImport={(file) => void c.importFile(file)}
      onClearEvents={() => void c.clearEvents()}
      onLock={() => void c.lock()}
    />
  );
}
