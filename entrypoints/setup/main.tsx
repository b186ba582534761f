import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SetupView, type SetupValues } from '@/src/ui/setup/setup-view';
import { localeFromTag, translatorFor } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { countryChoices, countryFromLanguageTag, languageChoices } from '@/src/parents/countries';
import type { Locale } from '@/src/settings/schema';
import '@/src/ui/parents.css';

/** First-run setup (opened on install): thin container around SetupView. */
function Setup() {
  const [language, setLanguage] = useState<Locale>(() => localeFromTag(navigator.language));
  const [phase, setPhase] = useState<'loading' | 'form' | 'done' | 'already'>('loading');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = translatorFor(language);

  useEffect(() => {
    void sendMessage('parents.status', {}).then((s) => setPhase(s.pinSet ? 'already' : 'form'));
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('setup_title');
  }, [language]);

  const submit = async (values: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await sendMessage('parents.setup', values);
      if (result.ok) setPhase('done');
      else setError(result.reason === 'already-set-up' ? t('setup_already_title') : t('pin_error_format'));
    } catch (e) {
      setError(t('common_error', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  if (phase === 'loading') return null;
  return (
    <SetupView
      t={t}
      language={language}
      languages={languageChoices()}
      countries={countryChoices(language)}
      initialCountry={countryFromLanguageTag(navigator.language) ?? 'GB'}
      phase={phase}
      busy={busy}
      error={error}
      onLanguage={setLanguage}
      onSubmit={(v) => void submit(v)}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

render(<Setup />, document.getElementById('app')!);
