import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n';
import { AGE_BANDS, type AgeBand, type Locale } from '../../settings/schema';
import type { Choice } from '../../parents/countries';
import { PIN_PATTERN } from '../../parents/pin';
import { PinField } from '../pin-field';

export interface SetupValues {
  language: Locale;
  country: string;
  ageBand: AgeBand;
  pin: string;
}

export interface SetupViewProps {
  t: Translate;
  language: Locale;
  languages: Choice[];
  countries: Choice[];
  initialCountry: string;
  /** 'form' while filling in, 'done' after success, 'already' when a PIN exists. */
  phase: 'form' | 'done' | 'already';
  busy: boolean;
  error: string | null;
  onLanguage(language: Locale): void;
  onSubmit(values: SetupValues): void;
  onOpenOptions(): void;
}

export const AGE_BAND_KEYS: Record<AgeBand, string> = {
  under9: 'setup_age_under9',
  '9-12': 'setup_age_9_12',
  '13-15': 'setup_age_13_15',
  '16-17': 'setup_age_16_17',
};

/** First-run setup: what Haven does and does not do, then language, country, age band and the parent PIN. */
export function SetupView(props: SetupViewProps) {
  const { t } = props;
  return (
    <main class="page">
      <header class="page__header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <h1>{t('setup_title')}</h1>
      </header>
      {props.phase === 'done' || props.phase === 'already' ? (
        <FinishedPanel
          id={`setup-${props.phase}`}
          title={t(props.phase === 'done' ? 'setup_done_title' : 'setup_already_title')}
          body={t(props.phase === 'done' ? 'setup_done_body' : 'setup_already_body')}
          action={t('setup_open_options')}
          onAction={props.onOpenOptions}
        />
      ) : (
        <>
          <WhatHavenDoes t={t} />
          <SetupForm {...props} />
        </>
      )}
    </main>
  );
}

function WhatHavenDoes({ t }: { t: Translate }) {
  return (
    <section class="panel" aria-labelledby="setup-what">
      <h2 id="setup-what">{t('setup_what_title')}</h2>
      <ul class="promise">
        <li>{t('setup_what_warn')}</li>
        <li>{t('setup_what_block')}</li>
        <li>{t('setup_what_report')}</li>
      </ul>
      <h2 id="setup-not">{t('setup_not_title')}</h2>
      <ul class="promise" aria-labelledby="setup-not">
        <li>{t('setup_not_send')}</li>
        <li>{t('setup_not_read')}</li>
        <li>{t('setup_not_perfect')}</li>
      </ul>
    </section>
  );
}

function SetupForm({ t, language, languages, countries, initialCountry, busy, error, onLanguage, onSubmit }: SetupViewProps) {
  const [country, setCountry] = useState(initialCountry);
  const [ageBand, setAgeBand] = useState<AgeBand>('9-12');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setPinError(t('pin_error_format'));
    if (pin !== confirm) return setPinError(t('pin_error_mismatch'));
    setPinError(null);
    onSubmit({ language, country, ageBand, pin });
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="setup-form-title" noValidate>
      <h2 id="setup-form-title">{t('setup_form_title')}</h2>
      <div class="field">
        <label for="setup-language">{t('options_language')}</label>
        <select id="setup-language" value={language} onChange={(e) => onLanguage((e.currentTarget as HTMLSelectElement).value as Locale)}>
          {languages.map((l) => (
            <option key={l.value} value={l.value} lang={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="setup-country">{t('options_country')}</label>
        <select id="setup-country" aria-describedby="setup-country-hint" value={country} onChange={(e) => setCountry((e.currentTarget as HTMLSelectElement).value)}>
          {countries.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <span id="setup-country-hint" class="hint">
          {t('setup_country_hint')}
        </span>
      </div>
      <fieldset aria-describedby="setup-age-hint">
        <legend>{t('setup_age_title')}</legend>
        <span id="setup-age-hint" class="hint">
          {t('setup_age_hint')}
        </span>
        <div class="grid2">
          {AGE_BANDS.map((band) => (
            <label class="check" key={band}>
              <input type="radio" name="age" value={band} checked={ageBand === band} onChange={() => setAgeBand(band)} />
              {t(AGE_BAND_KEYS[band])}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('pin_choose_title')}</legend>
        <span id="setup-pin-hint" class="hint">
          {t('pin_choose_hint')}
        </span>
        <div class="grid2">
          <PinField id="setup-pin" label={t('pin_new')} value={pin} autoComplete="new-password" describedBy="setup-pin-hint setup-pin-error" invalid={!!pinError} onInput={setPin} />
          <PinField id="setup-pin-confirm" label={t('pin_confirm')} value={confirm} autoComplete="new-password" describedBy="setup-pin-error" invalid={!!pinError} onInput={setConfirm} />
        </div>
        <p id="setup-pin-error" class="error" role="alert">
          {pinError ?? ''}
        </p>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('setup_finish')}
        </button>
      </div>
    </form>
  );
}

/** What the page shows once setup is finished (now or earlier): one line and the way to the options. */
function FinishedPanel({ id, title, body, action, onAction }: { id: string; title: string; body: string; action: string; onAction(): void }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{body}</p>
      <div class="row">
        <button type="button" class="button button--primary" onClick={onAction}>
          {action}
        </button>
      </div>
    </section>
  );
}
