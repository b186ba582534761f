import type { Translate } from '../../i18n';
import type { TamperSignal } from '../../parents/tamper';

export interface SignalsViewProps {
  t: Translate;
  locale: string;
  signals: TamperSignal[];
  onClear(): void;
}

const when = (at: number, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));

function SignalText({ t, locale, signal }: { t: Translate; locale: string; signal: TamperSignal }) {
  switch (signal.kind) {
    case 'incognito-off':
      return (
        <>
          <strong>{t('options_signal_incognito')}</strong>
          <span>{t('options_signal_incognito_fix')}</span>
        </>
      );
    case 'policy-missing':
      return (
        <>
          <strong>{t('options_signal_policy_missing')}</strong>
          <span>{t(signal.reason === 'admin-install' ? 'options_signal_policy_admin' : 'options_signal_policy_seen')}</span>
        </>
      );
    case 'policy-problems':
      return (
        <>
          <strong>{t('options_signal_policy_problems')}</strong>
          <span>{signal.problems.join('; ')}</span>
        </>
      );
    case 'settings-repaired':
      return (
        <>
          <strong>{t('options_signal_repaired', when(signal.at, locale))}</strong>
          <span>{t('options_signal_repaired_fields', (signal.fields ?? []).join(', '))}</span>
        </>
      );
    case 'pin-reset':
      return (
        <>
          <strong>{t('options_signal_pin_reset', when(signal.at, locale))}</strong>
          <span>{t('options_signal_pin_reset_body')}</span>
        </>
      );
  }
}

/** Tamper signals at the top of the options page: ways around Haven, and what changed without the parent. */
export function SignalsView({ t, locale, signals, onClear }: SignalsViewProps) {
  const hasEvents = signals.some((s) => s.kind === 'settings-repaired' || s.kind === 'pin-reset' || (s.kind === 'policy-missing' && s.reason === 'seen-before'));
  return (
    <section class="panel" aria-labelledby="signals-title">
      <h2 id="signals-title">{t('options_signals_title')}</h2>
      {signals.length === 0 ? (
        <p class="success">{t('options_signals_none')}</p>
      ) : (
        <ul class="signals">
          {signals.map((signal, i) => (
            <li class="signal" key={`${signal.kind}-${i}`} data-signal={signal.kind}>
              <SignalText t={t} locale={locale} signal={signal} />
            </li>
          ))}
        </ul>
      )}
      {hasEvents && (
        <div class="row">
          <button type="button" class="button" onClick={onClear}>
            {t('options_signals_clear')}
          </button>
        </div>
      )}
    </section>
  );
}
