import { LABELS, SENSITIVITIES, type Label, type Sensitivity } from '../classifier/types';
import { applyManagedPolicy } from '../blocking/managed';
import { normalizeSite } from '../blocking/overrides';
import { hostMatches } from '../rules/normalize';
import { LOCALES, type Locale, type Settings, type WarningStyle } from '../settings/schema';

/**
 * Managed policy for schools and families who force-install Haven (`storage.managed`: Chrome/Edge policy through
 * `public/managed-schema.json`, Firefox `3rdparty.Extensions.<id>` in policies.json).
 *
 * One merge serves every reader: categories and site lists go through the blocking feature's
 * `applyManagedPolicy` (so blocking and the options page agree), and this adds the parents' fields on top:
 * sensitivity, warning style, country, language, report endpoint and the `locked` flag.
 *
 * Rules: a value the policy sets always wins and is locked in the options page. `locked: true` additionally
 * locks every other setting (a school device: nothing can be changed locally). The forgotten-PIN reset stays
 * available: it only ever makes settings stricter, and the policy still wins afterwards.
 * Malformed values are ignored one by one and listed in `problems`, never applied half-way.
 */
export interface PolicyResult {
  settings: Settings;
  /** Whether any managed value was found at all. */
  present: boolean;
  /** `locked: true` in the policy: the whole options page is read-only. */
  lockedAll: boolean;
  /** Locked setting paths: `categories.<id>`, `allowSites`, `blockSites`, `sensitivity.<label>`, `warningStyle.<label>`, `country`, `language`, `reportEndpoint`. */
  locked: string[];
  managedSites: { allow: string[]; block: string[] };
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Normalizes policy site lists to the hosts the settings store ("https://Example.com/x" → "example.com"). */
function normalizePolicySites(policy: Record<string, unknown>, problems: string[]): Record<string, unknown> {
  const out = { ...policy };
  for (const key of ['allowSites', 'blockSites'] as const) {
    const list = policy[key];
    if (!Array.isArray(list)) continue;
    const hosts: string[] = [];
    for (const entry of list) {
      const host = typeof entry === 'string' ? normalizeSite(entry) : null;
      if (host) hosts.push(host);
      else problems.push(`${key}: ignored ${JSON.stringify(entry).slice(0, 80)}`);
    }
    out[key] = [...new Set(hosts)];
  }
  return out;
}

function perLabel<T extends string>(
  value: unknown,
  field: 'sensitivity' | 'warningStyle',
  allowed: readonly T[],
  target: Record<Label, T>,
  result: PolicyResult,
): Record<Label, T> {
  if (value === undefined) return target;
  if (!isObject(value)) {
    result.problems.push(`${field}: expected an object`);
    return target;
  }
  const next = { ...target };
  for (const [key, v] of Object.entries(value)) {
    if (!LABELS.includes(key as Label)) result.problems.push(`${field}.${key}: unknown label`);
    else if (!allowed.includes(v as T)) result.problems.push(`${field}.${key}: expected one of ${allowed.join(', ')}`);
    else {
      next[key as Label] = v as T;
      result.locked.push(`${field}.${key}`);
    }
  }
  return next;
}

const ENDPOINT = /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/;

/** Pure: managed values over the parent's settings. `managed` is whatever `storage.managed.get()` returned. */
export function mergePolicy(settings: Settings, managed: unknown): PolicyResult {
  const empty: PolicyResult = { settings, present: false, lockedAll: false, locked: [], managedSites: { allow: [], block: [] }, problems: [] };
  if (!isObject(managed) || Object.keys(managed).length === 0) return empty;
  const problems: string[] = [];
  const base = applyManagedPolicy(settings, normalizePolicySites(managed, problems));
  const result: PolicyResult = {
    settings: base.settings,
    present: true,
    lockedAll: managed.locked === true,
    locked: [...base.locked],
    managedSites: base.managedSites,
    problems: [...problems, ...base.problems],
  };
  if (managed.locked !== undefined && typeof managed.locked !== 'boolean') result.problems.push('locked: expected a boolean');
  let next = result.settings;
  // A managed block wins over the parent's own allow list (also over an allow of one of its subdomains): else an
  // "always allow" from the blocked page or the options page would undo a school's block.
  if (result.managedSites.block.length) {
    next = { ...next, allowSites: next.allowSites.filter((site) => !isManagedBlock(result, normalizeSite(site) ?? site)) };
  }
  next = { ...next, sensitivity: perLabel<Sensitivity>(managed.sensitivity, 'sensitivity', SENSITIVITIES, next.sensitivity, result) };
  next = { ...next, warningStyle: perLabel<WarningStyle>(managed.warningStyle, 'warningStyle', ['blur', 'label'], next.warningStyle, result) };
  if (managed.country !== undefined) {
    const c = typeof managed.country === 'string' ? managed.country.trim().toUpperCase() : '';
    if (/^[A-Z]{2}$/.test(c)) {
      next = { ...next, country: c };
      result.locked.push('country');
    } else result.problems.push('country: expected a two-letter country code');
  }
  if (managed.language !== undefined) {
    if (LOCALES.includes(managed.language as Locale)) {
      next = { ...next, language: managed.language as Locale };
      result.locked.push('language');
    } else result.problems.push(`language: expected one of ${LOCALES.join(', ')}`);
  }
  if (managed.reportEndpoint !== undefined) {
    const url = managed.reportEndpoint;
    if (url === '' || url === null) {
      next = { ...next, reportEndpoint: null };
      result.locked.push('reportEndpoint');
    } else if (typeof url === 'string' && url.length <= 2048 && ENDPOINT.test(url)) {
      next = { ...next, reportEndpoint: url };
      result.locked.push('reportEndpoint');
    } else result.problems.push('reportEndpoint: expected an https:// URL');
  }
  result.settings = next;
  return result;
}

/** Whether a policy blocks `host` (itself or a parent domain) without allowing it explicitly. */
export function isManagedBlock(policy: Pick<PolicyResult, 'managedSites'>, host: string): boolean {
  const { allow, block } = policy.managedSites;
  return !allow.includes(host) && block.some((b) => hostMatches(host, b));
}

/** Whether a setting path may be changed locally under this policy. `categories` matches `categories.adult` etc. */
export function isLocked(policy: Pick<PolicyResult, 'locked' | 'lockedAll'>, path: string): boolean {
  return policy.lockedAll || policy.locked.includes(path);
}

/**
 * Applies the policy to a parent's edit: every locked value is taken from the policy result, so a page cannot
 * unlock anything by sending a crafted save. With `lockedAll`, the edit is ignored entirely.
 */
export function enforceOnEdit(edited: Settings, current: Settings, managed: unknown): Settings {
  const merged = mergePolicy(edited, managed);
  if (merged.lockedAll) return mergePolicy(current, managed).settings;
  return merged.settings;
}
