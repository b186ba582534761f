import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { translatorFor } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { LockScreen } from '@/src/ui/options/lock-screen';
import { OptionsView } from '@/src/ui/options/options-view';
import { countryChoices, helplineOf, languageChoices } from '@/src/parents/countries';
import { summarize } from '@/src/parents/summary';
import { exportFileName, exportSettings, parseSettingsFile, type ImportError } from '@/src/parents/transfer';
import type { ParentsStatus, ParentsView } from '@/src/parents/messages';
import type { Settings } from '@/src/settings/schema';
import { dayKey } from '@/src/lib/stats';

type Phase = { kind: 'loading' } | { kind: 'setup' } | { kind: 'locked' } | { kind: 'open'; token: string; view: ParentsView };
type Status = { kind: 'ok' | 'error'; text: string } | null;

const IMPORT_ERRORS: Record<ImportError, string> = {
  'too-large': 'options_import_error_size',
  'not-json': 'options_import_error_json',
  'not-haven': 'options_import_error_format',
  'newer-version': 'options_import_error_version',
  invalid: 'options_import_error_invalid',
};

/**
 * The options page container: asks the background for the state, shows the PIN lock, then the options. The page
 * holds only the session token the background issued; every change goes through the background, which checks
 * the token, validates the settings and applies the managed policy.
 */
export function OptionsApp() {
  const [status, setStatus] = useState<ParentsStatus | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [lockError, setLockError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState(0);
  const [saveStatus, setSaveStatus] = useState<Status>(null);

  const language = phase.kind === 'open' ? phase.view.settings.language : (status?.language ?? 'en');
  const t = translatorFor(language);

  const refreshStatus = async () => {
    const s = await sendMessage('parents.status', {});
    setStatus(s);
    setPhase(s.pinSet ? { kind: 'locked' } : { kind: 'setup' });
  };
  useEffect(() => {
    void refreshStatus();
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('options_title');
  }, [language]);

  const expired = () => {
    setPhase({ kind: 'locked' });
    setLockError(t('pin_session_expired'));
  };

  const unlock = async (pin: string) => {
    setBusy(true);
    try {
      const result = await sendMessage('parents.unlock', { pin });
      if (result.ok) {
        const view = await sendMessage('parents.view', { token: result.token });
        if (view.ok) {
          setLockError(null);
          setPhase({ kind: 'open', token: result.token, view: view.value });
        }
        return;
      }
      if (result.reason === 'no-pin') return void setPhase({ kind: 'setup' });
      setRetryAt(result.retryAfterMs > 0 ? Date.now() + result.retryAfterMs : 0);
      setLockError(result.reason === 'locked' ? t('pin_error_locked') : t('pin_error_wrong'));
    } finally {
      setBusy(false);
    }
  };

  const forgot = async () => {
    setBusy(true);
    try {
      await sendMessage('parents.resetForgotten', { confirm: 'reset' });
      window.location.assign(browser.runtime.getURL('/setup.html'));
    } finally {
      setBusy(false);
    }
  };

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
    return <LockScreen t={t} busy={busy} error={lockError} retryAt={retryAt} onUnlock={(pin) => void unlock(pin)} onForgot={() => void forgot()} />;
  }

  const { token, view } = phase;
  const save = async (next: Settings, okText = t('options_saved')) => {
    try {
      const result = await sendMessage('parents.save', { token, settings: next });
      if (result.ok) {
        setPhase({ kind: 'open', token, view: result.value });
        setSaveStatus({ kind: 'ok', text: okText });
      } else if (result.reason === 'expired') expired();
      else setSaveStatus({ kind: 'error', text: t('options_managed_all') });
    } catch (e) {
      setSaveStatus({ kind: 'error', text: t('common_error', e instanceof Error ? e.message : String(e)) });
    }
  };

  const importFile = async (file: File) => {
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) {
      const details = parsed.details.length ? ` (${parsed.details.slice(0, 3).join('; ')})` : '';
      setSaveStatus({ kind: 'error', text: `${t(IMPORT_ERRORS[parsed.error])}${details}` });
      return;
    }
    await save(parsed.settings, t('options_imported'));
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportSettings(view.settings)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName();
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const changePin = async (current: string, next: string): Promise<string | null> => {
    const result = await sendMessage('parents.changePin', { token, currentPin: current, newPin: next });
    if (result.ok) return null;
    if (result.reason === 'expired') {
      expired();
      return null;
    }
    if (result.reason === 'invalid') return t('pin_error_format');
    if (result.reason === 'locked') return t('pin_error_locked');
    return t('pin_error_wrong');
  };

  return (
    <OptionsView
      t={t}
      locale={language}
      view={view}
      summary={summarize(view.stats, dayKey(Date.now()), 14)}
      countries={countryChoices(language, view.settings.country)}
      languages={languageChoices()}
      helpline={helplineOf(view.settings.country)}
      status={saveStatus}
      onSave={(next) => void save(next)}
      onChangePin={changePin}
      onExport={exportFile}
      onImport={(file) => void importFile(file)}
      onClearEvents={() =>
        void sendMessage('parents.clearEvents', { token }).then((r) => (r.ok ? setPhase({ kind: 'open', token, view: r.value }) : expired()))
      }
      onLock={() => void sendMessage('parents.lock', { token }).then(() => setPhase({ kind: 'locked' }))}
    />
  );
}
