import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { translatorFor, type Translate } from '../i18n';
import { sendMessage } from '../messaging';
import { exportFileName, exportSettings, parseSettingsFile, type ImportError } from './transfer';
import type { ParentsStatus, ParentsView } from './messages';
import type { Locale, Settings } from '../settings/schema';
import { settingsItem } from '../storage/items';

export type OptionsPhase = { kind: 'loading' } | { kind: 'setup' } | { kind: 'locked' } | { kind: 'open'; token: string; view: ParentsView };
export type SaveStatus = { kind: 'ok' | 'error'; text: string } | null;

const IMPORT_ERRORS: Record<ImportError, string> = {
  'too-large': 'options_import_error_size',
  'not-json': 'options_import_error_json',
  'not-haven': 'options_import_error_format',
  'newer-version': 'options_import_error_version',
  invalid: 'options_import_error_invalid',
};

/**
 * State and actions of the options page (a Preact hook; the entrypoint only renders). The page holds nothing but
 * the session token the background issued on unlock: every change goes through the background, which checks the
 * token, validates the settings and applies the managed policy.
 */
export function useOptionsController() {
  const [status, setStatus] = useState<ParentsStatus | null>(null);
  const [phase, setPhase] = useState<OptionsPhase>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [lockError, setLockError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState(0);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(null);

  const language: Locale = phase.kind === 'open' ? phase.view.settings.language : (status?.language ?? 'en');
  const t: Translate = translatorFor(language);

  useEffect(() => {
    void sendMessage('parents.status', {}).then((s) => {
      setStatus(s);
      setPhase(s.pinSet ? { kind: 'locked' } : { kind: 'setup' });
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('options_title');
  }, [language]);

  const token = phase.kind === 'open' ? phase.token : '';
  // Every control saves a whole Settings built from this page's copy. If another options tab (or a
  // policy change) saved meanwhile, that copy is stale and the next change here would silently undo
  // the other one: so refresh the copy whenever the stored settings change.
  // Views arrive from saves and from these refreshes, possibly out of order: the newest request wins.
  const viewSeq = useRef({ issued: 0, applied: 0 });
  const isNewest = (seq: number): boolean => {
    if (seq < viewSeq.current.applied) return false;
    viewSeq.current.applied = seq;
    return true;
  };
  useEffect(() => {
    if (!token) return;
    return settingsItem.watch(() => {
      const seq = ++viewSeq.current.issued;
      sendMessage('parents.view', { token })
        .then((v) => {
          if (v.ok && isNewest(seq)) setPhase((p) => (p.kind === 'open' && p.token === token ? { ...p, view: v.value } : p));
        })
        .catch(() => {}); // the next change or save brings a fresh view; the page keeps working meanwhile
    });
  }, [token]);
  const open = (view: ParentsView) => setPhase({ kind: 'open', token, view });
  const expired = () => {
    setPhase({ kind: 'locked' });
    setLockError(t('pin_session_expired'));
  };
  const withBusy = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const unlock = (pin: string) =>
    withBusy(async () => {
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
    });

  const forgot = () =>
    withBusy(async () => {
      await sendMessage('parents.resetForgotten', { confirm: 'reset' });
      window.location.assign(browser.runtime.getURL('/setup.html'));
    });

  const save = async (next: Settings, okText = t('options_saved')) => {
    try {
      const seq = ++viewSeq.current.issued;
      const result = await sendMessage('parents.save', { token, settings: next });
      if (result.ok) {
        if (isNewest(seq)) open(result.value);
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
      return setSaveStatus({ kind: 'error', text: `${t(IMPORT_ERRORS[parsed.error])}${details}` });
    }
    await save(parsed.settings, t('options_imported'));
  };

  const exportFile = () => {
    if (phase.kind !== 'open') return;
    const url = URL.createObjectURL(new Blob([exportSettings(phase.view.settings)], { type: 'application/json' }));
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
    return result.reason === 'locked' ? t('pin_error_locked') : t('pin_error_wrong');
  };

  const clearEvents = async () => {
    const r = await sendMessage('parents.clearEvents', { token });
    if (r.ok) open(r.value);
    else expired();
  };

  const lock = async () => {
    await sendMessage('parents.lock', { token });
    setPhase({ kind: 'locked' });
  };

  return { t, language, phase, busy, lockError, retryAt, saveStatus, unlock, forgot, save, importFile, exportFile, changePin, clearEvents, lock };
}
