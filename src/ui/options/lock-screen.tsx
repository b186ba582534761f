import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../i18n';
import { PinField } from '../pin-field';

export interface LockScreenProps {
  t: Translate;
  busy: boolean;
  /** Localized message after a refused PIN, or null. */
  error: string | null;
  /** Epoch ms until which a new attempt is refused (growing delay), or 0. */
  retryAt: number;
  onUnlock(pin: string): void;
  onForgot(): void;
}

/** The PIN prompt in front of the options page; also explains the forgotten-PIN reset. */
export function LockScreen({ t, busy, error, retryAt, onUnlock, onForgot }: LockScreenProps) {
  const [pin, setPin] = useState('');
  const [now, setNow] = useState(Date.now());
  const [understood, setUnderstood] = useState(false);
  useEffect(() => {
    if (retryAt <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  const waitSeconds = Math.max(0, Math.ceil((retryAt - now) / 1000));

  const submit = (event: Event) => {
    event.preventDefault();
    if (waitSeconds > 0 || !pin) return;
    onUnlock(pin);
    setPin('');
  };

  return (
    <main class="page lock">
      <header class="page__header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <h1>{t('options_title')}</h1>
      </header>
      <form class="panel" onSubmit={submit} aria-labelledby="lock-title">
        <h2 id="lock-title">{t('pin_enter_title')}</h2>
        <PinField id="lock-pin" label={t('pin_label')} value={pin} autoComplete="current-password" autoFocus describedBy="lock-error" invalid={!!error} onInput={setPin} />
        <div id="lock-error" role="alert">
          {error && <p class="error">{error}</p>}
          {waitSeconds > 0 && <p class="error">{t('pin_wait', waitSeconds)}</p>}
        </div>
        <div class="row">
          <button type="submit" class="button button--primary" disabled={busy || waitSeconds > 0}>
            {t('pin_unlock')}
          </button>
        </div>
      </form>
      <details class="panel">
        <summary>{t('pin_forgot_title')}</summary>
        <p>{t('pin_forgot_body')}</p>
        <label class="check">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood((e.currentTarget as HTMLInputElement).checked)} />
          {t('pin_forgot_confirm')}
        </label>
        <div class="row">
          <button type="button" class="button button--danger" disabled={!understood || busy} onClick={onForgot}>
            {t('pin_forgot_reset')}
          </button>
        </div>
      </details>
    </main>
  );
}
