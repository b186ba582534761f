import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n';
import { LABELS, SENSITIVITIES, type Label, type Sensitivity } from '../../classifier/types';
import { CATEGORIES } from '../../rules/categories';
import { normalizeSite } from '../../blocking/overrides';
import { isAllowedEndpoint } from '../../report/directory';
import { PIN_PATTERN } from '../../parents/pin';
import { isLocked } from '../../parents/policy';
import type { Choice } from '../../parents/countries';
import type { ParentsView } from '../../parents/messages';
import type { Summary } from '../../parents/summary';
import { AGE_BANDS, type AgeBand, type Locale, type Settings, type WarningStyle } from '../../settings/schema';
import { defaultSettings } from '../../settings/defaults';
import { AGE_BAND_KEYS } from '../setup/setup-view';
import { SignalsView } from './signals-view';
import { SummaryView } from './summary-view';
import { PinField } from '../pin-field';

export interface OptionsViewProps {
  t: Translate;
  locale: Locale;
  view: ParentsView;
  summary: Summary;
  countries: Choice[];
  languages: Choice[];
  helpline: { name: string; phone: string | null };
  /** The last save or import, announced politely. */
  status: { kind: 'ok' | 'error'; text: string } | null;
  onSave(next: Settings): void;
  /** Resolves to a localized error, or null on success. */
  onChangePin(current: string, next: string): Promise<string | null>;
  onExport(): void;
  onImport(file: File): void;
  onClearEvents(): void;
  onLock(): void;
}

type Section = { t: Translate; settings: Settings; locked(path: string): boolean; onSave(next: Settings): void };

function LockedBadge({ t, show }: { t: Translate; show: boolean }) {
  if (!show) return null;
  return (
    <span class="locked-badge">
      <span aria-hidden="true">🔒</span>
      {t('options_locked')}
    </span>
  );
}

function Panel({ id, title, children, badge }: { id: string; title: string; children: ComponentChildren; badge?: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`} id={id}>
      <div class="row">
        <h2 id={`${id}-title`}>{title}</h2>
        {badge}
      </div>
      {children}
    </section>
  );
}

/** The child's age band; choosing another puts categories and warnings back to that age's defaults. */
function AgeSection({ t, settings, locked, onSave }: Section) {
  const apply = (ageBand: AgeBand) => {
    const d = defaultSettings(ageBand, settings.country, settings.language);
    onSave({ ...settings, ageBand, categories: d.categories, sensitivity: d.sensitivity, warningStyle: d.warningStyle });
  };
  return (
    <Panel id="age" title={t('options_age_title')}>
      <div class="field">
        <label for="opt-age">{t('setup_age_title')}</label>
        <select
          id="opt-age"
          value={settings.ageBand}
          disabled={locked('locked-all')}
          aria-describedby="opt-age-hint"
          onChange={(e) => apply((e.currentTarget as HTMLSelectElement).value as AgeBand)}
        >
          {AGE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(AGE_BAND_KEYS[band])}
            </option>
          ))}
        </select>
        <span id="opt-age-hint" class="hint">
          {t('options_age_hint')}
        </span>
      </div>
    </Panel>
  );
}

function CategoriesSection({ t, settings, locked, onSave }: Section) {
  return (
    <Panel id="categories" title={t('options_categories_title')}>
      <p class="hint">{t('options_categories_hint')}</p>
      <div class="grid2">
        {CATEGORIES.map((category) => {
          const isLockedHere = locked(`categories.${category}`);
          return (
            <label class="check" key={category}>
              <input
                type="checkbox"
                name={`category-${category}`}
                checked={settings.categories[category]}
                disabled={isLockedHere}
                onChange={(e) =>
                  onSave({ ...settings, categories: { ...settings.categories, [category]: (e.currentTarget as HTMLInputElement).checked } })
                }
              />
              {t(`options_category_${category}`)}
              <LockedBadge t={t} show={isLockedHere} />
            </label>
          );
        })}
      </div>
    </Panel>
  );
}

function parseSites(text: string): { hosts: string[]; bad: string[] } {
  const hosts: string[] = [];
  const bad: string[] = [];
  for (const line of text.split(/[\n,]+/).map((l) => l.trim()).filter(Boolean)) {
    const host = normalizeSite(line);
    if (host) hosts.push(host);
    else bad.push(line);
  }
  return { hosts: [...new Set(hosts)], bad };
}

function SitesSection({ t, settings, locked, onSave, managed }: Section & { managed: { allow: string[]; block: string[] } }) {
  const own = (list: string[], fromPolicy: string[]) => list.filter((h) => !fromPolicy.includes(h)).join('\n');
  const [allow, setAllow] = useState(own(settings.allowSites, managed.allow));
  const [block, setBlock] = useState(own(settings.blockSites, managed.block));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setAllow(own(settings.allowSites, managed.allow));
    setBlock(own(settings.blockSites, managed.block));
  }, [settings.allowSites.join(), settings.blockSites.join()]);
  const save = (event: Event) => {
    event.preventDefault();
    const a = parseSites(allow);
    const b = parseSites(block);
    const bad = [...a.bad, ...b.bad];
    if (bad.length) return setError(t('options_sites_invalid', bad.slice(0, 5).join(', ')));
    setError(null);
    onSave({ ...settings, allowSites: a.hosts, blockSites: b.hosts });
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, fromPolicy: string[]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        disabled={locked('locked-all')}
        aria-describedby="sites-hint sites-error"
        spellcheck={false}
        onInput={(e) => set((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {fromPolicy.length > 0 && (
        <span class="hint">
          {t('options_sites_managed', fromPolicy.join(', '))}
        </span>
      )}
    </div>
  );
  return (
    <Panel id="sites" title={t('options_sites_title')}>
      <form onSubmit={save} style={{ display: 'grid', gap: '12px' }}>
        <p id="sites-hint" class="hint">
          {t('options_sites_hint')}
        </p>
        <div class="grid2">
          {field('sites-allow', t('options_sites_allow'), allow, setAllow, managed.allow)}
          {field('sites-block', t('options_sites_block'), block, setBlock, managed.block)}
        </div>
        <p id="sites-error" class="error" role="alert">
          {error ?? ''}
        </p>
        <div class="row">
          <button type="submit" class="button button--primary" disabled={locked('locked-all')}>
            {t('options_sites_save')}
          </button>
        </div>
      </form>
    </Panel>
  );
}

function WarningsSection({ t, settings, locked, onSave }: Section) {
  return (
    <Panel id="warnings" title={t('options_warnings_title')}>
      <p class="hint">{t('options_warnings_hint')}</p>
      <table class="table">
        <caption class="sr-only">{t('options_warnings_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary_label')}</th>
            <th scope="col">{t('options_sensitivity')}</th>
            <th scope="col">{t('options_style')}</th>
          </tr>
        </thead>
        <tbody>
          {LABELS.map((label: Label) => (
            <tr key={label}>
              <th scope="row" id={`label-${label}`}>
                {t(`options_label_${label}`)}
              </th>
              <td>
                <select
                  aria-labelledby={`label-${label} sens-${label}`}
                  value={settings.sensitivity[label]}
                  disabled={locked(`sensitivity.${label}`)}
                  onChange={(e) =>
                    onSave({ ...settings, sensitivity: { ...settings.sensitivity, [label]: (e.currentTarget as HTMLSelectElement).value as Sensitivity } })
                  }
                >
                  {SENSITIVITIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`options_sensitivity_${s}`)}
                    </option>
                  ))}
                </select>
                <span id={`sens-${label}`} class="sr-only">
                  {t('options_sensitivity')}
                </span>
                <LockedBadge t={t} show={locked(`sensitivity.${label}`)} />
              </td>
              <td>
                <select
                  aria-labelledby={`label-${label} style-${label}`}
                  value={settings.warningStyle[label]}
                  disabled={locked(`warningStyle.${label}`)}
                  onChange={(e) =>
                    onSave({ ...settings, warningStyle: { ...settings.warningStyle, [label]: (e.currentTarget as HTMLSelectElement).value as WarningStyle } })
                  }
                >
                  <option value="blur">{t('options_style_blur')}</option>
                  <option value="label">{t('options_style_label')}</option>
                </select>
                <span id={`style-${label}`} class="sr-only">
                  {t('options_style')}
                </span>
                <LockedBadge t={t} show={locked(`warningStyle.${label}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function PlaceSection({ t, settings, locked, onSave, countries, languages, helpline }: Section & { countries: Choice[]; languages: Choice[]; helpline: { name: string; phone: string | null } }) {
  return (
    <Panel id="place" title={t('options_place_title')}>
      <div class="grid2">
        <div class="field">
          <label for="opt-country">{t('options_country')}</label>
          <select
            id="opt-country"
            value={settings.country}
            disabled={locked('country')}
            aria-describedby="opt-helpline"
            onChange={(e) => onSave({ ...settings, country: (e.currentTarget as HTMLSelectElement).value })}
          >
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <LockedBadge t={t} show={locked('country')} />
        </div>
        <div class="field">
          <label for="opt-language">{t('options_language')}</label>
          <select
            id="opt-language"
            value={settings.language}
            disabled={locked('language')}
            onChange={(e) => onSave({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Locale })}
          >
            {languages.map((l) => (
              <option key={l.value} value={l.value} lang={l.value}>
                {l.label}
              </option>
            ))}
          </select>
          <LockedBadge t={t} show={locked('language')} />
        </div>
      </div>
      <p id="opt-helpline" class="hint">
        {helpline.phone ? t('options_helpline_phone', helpline.name, helpline.phone) : t('options_helpline', helpline.name)}
      </p>
    </Panel>
  );
}

function ReportsSection({ t, settings, locked, onSave }: Section) {
  const [endpoint, setEndpoint] = useState(settings.reportEndpoint ?? '');
  const [name, setName] = useState(settings.contact?.name ?? '');
  const [email, setEmail] = useState(settings.contact?.email ?? '');
  const [phone, setPhone] = useState(settings.contact?.phone ?? '');
  const [error, setError] = useState<string | null>(null);
  const endpointLocked = locked('reportEndpoint');
  const save = (event: Event) => {
    event.preventDefault();
    const url = endpoint.trim();
    if (url && !isAllowedEndpoint(url)) return setError(t('options_endpoint_invalid'));
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return setError(t('options_contact_email_invalid'));
    setError(null);
    const contact = name.trim() || email.trim() || phone.trim() ? { name: name.trim(), email: email.trim(), phone: phone.trim() } : null;
    onSave({ ...settings, reportEndpoint: endpointLocked ? settings.reportEndpoint : url || null, contact });
  };
  const field = (id: string, label: string, set: (v: string) => void, input: (onInput: (e: Event) => void) => preact.JSX.Element) => (
    <div class="field">
      <label for={id}>{label}</label>
      {input((e) => set((e.currentTarget as HTMLInputElement).value))}
    </div>
  );
  return (
    <Panel id="reports" title={t('options_reports_title')}>
      <form onSubmit={save} style={{ display: 'grid', gap: '12px' }}>
        <div class="field">
          <label for="opt-endpoint">{t('options_endpoint')}</label>
          <input
            id="opt-endpoint"
            type="url"
            value={endpoint}
            disabled={endpointLocked}
            aria-describedby="opt-endpoint-hint"
            onInput={(e) => setEndpoint((e.currentTarget as HTMLInputElement).value)}
          />
          <span id="opt-endpoint-hint" class="hint">
            {t('options_endpoint_hint')}
          </span>
          <LockedBadge t={t} show={endpointLocked} />
        </div>
        <fieldset aria-describedby="opt-contact-hint">
          <legend>{t('options_contact_title')}</legend>
          <span id="opt-contact-hint" class="hint">
            {t('options_contact_hint')}
          </span>
          <div class="grid2">
            {field('opt-contact-name', t('options_contact_name'), setName, (onInput) => (
              <input id="opt-contact-name" type="text" value={name} autoComplete="name" disabled={locked('locked-all')} onInput={onInput} />
            ))}
            {field('opt-contact-email', t('options_contact_email'), setEmail, (onInput) => (
              <input id="opt-contact-email" type="email" value={email} autoComplete="email" disabled={locked('locked-all')} onInput={onInput} />
            ))}
            {field('opt-contact-phone', t('options_contact_phone'), setPhone, (onInput) => (
              <input id="opt-contact-phone" type="tel" value={phone} autoComplete="tel" disabled={locked('locked-all')} onInput={onInput} />
            ))}
          </div>
        </fieldset>
        <p class="error" role="alert">
          {error ?? ''}
        </p>
        <div class="row">
          <button type="submit" class="button button--primary" disabled={locked('locked-all')}>
            {t('options_reports_save')}
          </button>
        </div>
      </form>
    </Panel>
  );
}

function BackupSection({ t, onExport, onImport, disabled }: { t: Translate; onExport(): void; onImport(file: File): void; disabled: boolean }) {
  return (
    <Panel id="backup" title={t('options_backup_title')}>
      <p class="hint">{t('options_backup_hint')}</p>
      <div class="row">
        <button type="button" class="button" onClick={onExport}>
          {t('options_export')}
        </button>
      </div>
      <div class="field">
        <label for="opt-import">{t('options_import')}</label>
        <input
          id="opt-import"
          type="file"
          accept="application/json,.json"
          disabled={disabled}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = '';
          }}
        />
      </div>
    </Panel>
  );
}

function PinSection({ t, onChangePin }: { t: Translate; onChangePin(current: string, next: string): Promise<string | null> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!PIN_PATTERN.test(next)) return setMessage({ kind: 'error', text: t('pin_error_format') });
    if (next !== confirm) return setMessage({ kind: 'error', text: t('pin_error_mismatch') });
    const error = await onChangePin(current, next);
    setMessage(error ? { kind: 'error', text: error } : { kind: 'ok', text: t('pin_changed') });
    if (!error) {
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  };
  return (
    <Panel id="pin" title={t('pin_change_title')}>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: '12px' }}>
        <p class="hint">{t('pin_choose_hint')}</p>
        <div class="grid2">
          <PinField id="pin-current" label={t('pin_current')} value={current} autoComplete="current-password" onInput={setCurrent} />
          <PinField id="pin-new" label={t('pin_new')} value={next} autoComplete="new-password" onInput={setNext} />
          <PinField id="pin-confirm" label={t('pin_confirm')} value={confirm} autoComplete="new-password" onInput={setConfirm} />
        </div>
        <p class={message?.kind === 'ok' ? 'success' : 'error'} role="alert">
          {message?.text ?? ''}
        </p>
        <div class="row">
          <button type="submit" class="button button--primary">
            {t('pin_change')}
          </button>
        </div>
      </form>
    </Panel>
  );
}

/** The unlocked options page: signals and summary first (what a parent came to see), then every setting. */
export function OptionsView(props: OptionsViewProps) {
  const { t, locale, view } = props;
  const locked = (path: string) => (path === 'locked-all' ? view.policy.lockedAll : isLocked(view.policy, path));
  const section: Section = { t, settings: view.settings, locked, onSave: props.onSave };
  return (
    <main class="page">
      <header class="page__header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <h1>{t('options_title')}</h1>
        <button type="button" class="button" onClick={props.onLock}>
          {t('options_lock')}
        </button>
      </header>
      <p class="page__intro">{t('options_intro')}</p>
      {view.policy.present && (
        <p class="signal" role="note">
          {t(view.policy.lockedAll ? 'options_managed_all' : 'options_managed_some')}
        </p>
      )}
      <p class={`status ${props.status?.kind === 'error' ? 'error' : 'success'}`} role="status" aria-live="polite">
        {props.status?.text ?? ''}
      </p>
      <SignalsView t={t} locale={locale} signals={view.signals} onClear={props.onClearEvents} />
      <Panel id="summary" title={t('summary_title')}>
        <SummaryView t={t} locale={locale} summary={props.summary} />
      </Panel>
      <AgeSection {...section} />
      <CategoriesSection {...section} />
      {/* keyed by the stored lists: the section keeps drafts, which must restart when another tab saves */}
      <SitesSection key={`${view.settings.allowSites.join()}|${view.settings.blockSites.join()}`} {...section} managed={view.policy.managedSites} />
      <WarningsSection {...section} />
      <PlaceSection {...section} countries={props.countries} languages={props.languages} helpline={props.helpline} />
      <ReportsSection key={JSON.stringify([view.settings.reportEndpoint, view.settings.contact])} {...section} />
      <BackupSection t={t} onExport={props.onExport} onImport={props.onImport} disabled={view.policy.lockedAll} />
      <PinSection t={t} onChangePin={props.onChangePin} />
    </main>
  );
}
