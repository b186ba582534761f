import { useState } from 'preact/hooks';
import type { Translate } from '../../i18n';

export type UnblockDuration = 'hour' | 'always';
/** What the container reports back after an unblock attempt (already translated into a message key). */
export type UnblockOutcome = { ok: true; duration: UnblockDuration } | { ok: false; message: string };

export interface BlockedViewProps {
  t: Translate;
  /** Category id from the query (`adult`, …, `parent`), or null when unknown. */
  category: string | null;
  /** The blocked address, or null when the browser does not pass it (Firefox static rules). */
  url: string | null;
  /** Host to prefill in the parent form. */
  host: string | null;
  /** Shown as a small frame without the help section when the block happened inside an iframe. */
  compact?: boolean;
  helplinePhone: string | null;
  onUnblock(site: string, duration: UnblockDuration, pin: string): Promise<UnblockOutcome>;
  onBack(): void;
  onGetHelp(): void;
}

const KNOWN = new Set(['adult', 'gambling', 'drugs', 'violence', 'weapons', 'dating', 'hate', 'phishing', 'malware', 'safesearch', 'parent']);

/** The child-facing blocked page: what happened and why, no blame, a way to ask a parent, and help. */
export function BlockedView({ t, category, url, host, compact, helplinePhone, onUnblock, onBack, onGetHelp }: BlockedViewProps) {
  const known = category !== null && KNOWN.has(category);
  const [asking, setAsking] = useState(false);
  const [site, setSite] = useState(host ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UnblockOutcome | null>(null);

  const submit = async (duration: UnblockDuration) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await onUnblock(site, duration, pin));
    } finally {
      setBusy(false);
      setPin('');
    }
  };

  return (
    <main class={`blocked${compact ? ' blocked--compact' : ''}`} data-category={category ?? 'unknown'}>
      <header class="blocked__header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <h1>{t('blocked_title')}</h1>
      </header>
      <p class="blocked__reason" id="blocked-reason">
        {known ? t('blocked_reason', t(`blocked_cat_${category}_name`)) : t('blocked_cat_unknown_desc')}
      </p>
      {known && <p class="blocked__explain">{t(`blocked_cat_${category}_desc`)}</p>}
      <p class="blocked__address">
        <span class="blocked__label">{t('blocked_address')}: </span>
        {url ? <code id="blocked-url">{url}</code> : <span class="blocked__muted">{t('blocked_address_unknown')}</span>}
      </p>
      <p class="blocked__kind">{t('blocked_not_your_fault')}</p>
      <div class="blocked__actions">
        {!compact && (
          <button type="button" class="button" onClick={onBack}>
            {t('blocked_go_back')}
          </button>
        )}
        <button type="button" class="button button--primary" aria-expanded={asking} onClick={() => setAsking(!asking)}>
          {t('blocked_ask_parent')}
        </button>
      </div>
      {asking && (
        <form class="blocked__parent" onSubmit={(e) => (e.preventDefault(), void submit('hour'))}>
          <p>{t('blocked_parent_intro')}</p>
          <label>
            {t('blocked_site_label')}
            <input name="site" value={site} onInput={(e) => setSite(e.currentTarget.value)} autocomplete="off" spellcheck={false} required />
          </label>
          <label>
            {t('blocked_pin_label')}
            <input name="pin" type="password" inputMode="numeric" autocomplete="off" value={pin} onInput={(e) => setPin(e.currentTarget.value)} required />
          </label>
          <div class="blocked__actions">
            <button type="submit" class="button button--primary" disabled={busy || !pin || !site}>
              {t('blocked_allow_hour')}
            </button>
            <button type="button" class="button" disabled={busy || !pin || !site} onClick={() => void submit('always')}>
              {t('blocked_allow_always')}
            </button>
          </div>
          {outcome && (
            <p class={`blocked__outcome ${outcome.ok ? 'is-ok' : 'is-error'}`} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.ok ? t(outcome.duration === 'hour' ? 'blocked_allowed_hour' : 'blocked_allowed_always') : outcome.message}
            </p>
          )}
        </form>
      )}
      {!compact && (
        <section class="blocked__help" aria-labelledby="blocked-help-title">
          <h2 id="blocked-help-title">{t('blocked_help_title')}</h2>
          <p>{t('blocked_help_text')}</p>
          <button type="button" class="link" onClick={onGetHelp}>
            {t('blocked_get_help')}
            {helplinePhone ? ` (${helplinePhone})` : ''}
          </button>
        </section>
      )}
    </main>
  );
}
