import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging';
import { settingsItem, setupItem, statsItem } from '../storage/items';
import { defaultSettings } from '../settings/defaults';
import { repairSettings } from '../settings/validate';
import type { Settings } from '../settings/schema';
import { serial } from '../lib/serial';
import { logErrorOnce } from '../lib/errors';
import { PIN_PATTERN } from './pin';
import { checkParentPin, pinAttemptsItem, pinItem, setParentPin } from './pin-store';
import { enforceOnEdit, mergePolicy, type PolicyResult } from './policy';
import { eventsItem, policySeenItem, sessionItem } from './store';
import { addEvent, tamperSignals } from './tamper';
import type { ParentsView } from './messages';

/** An unlocked parent session lasts 15 minutes after the last action, and never survives a browser restart. */
export const SESSION_TTL_MS = 15 * 60_000;

const run = serial();

/** Deep equality of JSON values, ignoring object key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function openSession(now = Date.now()): Promise<string> {
  const token = randomToken();
  await sessionItem.setValue({ token, expiresAt: now + SESSION_TTL_MS });
  return token;
}

/** True when `token` is the live session; extends it (sliding expiry). */
async function checkSession(token: string, now = Date.now()): Promise<boolean> {
  const session = await sessionItem.getValue();
  if (!session || session.expiresAt <= now || session.token.length !== token.length) return false;
  let diff = 0;
  for (let i = 0; i < token.length; i++) diff |= token.charCodeAt(i) ^ session.token.charCodeAt(i);
  if (diff !== 0) return false;
  await sessionItem.setValue({ token, expiresAt: now + SESSION_TTL_MS });
  return true;
}

let lastManaged: Record<string, unknown> = {};

/**
 * `storage.managed`, or `{}`: Firefox rejects when no policy exists, Chrome when the schema is missing. Chromium's
 * `get()` can stay pending while its policy service starts (seen by the blocking work in headless runs), so the
 * wait is capped and the last value read is used meanwhile.
 */
export async function readManaged(timeoutMs = 1_000): Promise<Record<string, unknown>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Record<string, unknown>>((resolve) => (timer = setTimeout(() => resolve(lastManaged), timeoutMs)));
  const read = browser.storage.managed.get().then(
    (value) => (lastManaged = (value ?? {}) as Record<string, unknown>),
    () => (lastManaged = {}),
  );
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Keeps the stored settings valid and in line with the managed policy. A malformed stored value (tampering, a
 * corrupted profile) is repaired field by field to safe defaults and logged for the parent; managed values are
 * written into the stored settings, so every reader (content scripts, blocking, reports) sees them.
 */
export function enforceSettings(now = Date.now()): Promise<PolicyResult> {
  return run(async () => {
    const raw = (await browser.storage.local.get('settings')).settings as unknown;
    let settings: Settings;
    if (raw === undefined) settings = await settingsItem.getValue();
    else {
      const repair = repairSettings(raw);
      settings = repair.settings;
      if (repair.repaired.length) {
        await eventsItem.setValue(addEvent(await eventsItem.getValue(), { kind: 'settings-repaired', at: now, fields: repair.repaired }));
      }
    }
    const policy = mergePolicy(settings, await readManaged());
    if (policy.present && (await policySeenItem.getValue()) === null) await policySeenItem.setValue(now);
    // Write only a real change (key order aside), and only if nobody else wrote meanwhile: a stale rewrite would put
    // an older value back over another writer's. Storage has no compare-and-set, so this re-read narrows the window
    // to the time between two reads; the other writer's change event runs this again anyway.
    if ((raw !== undefined || policy.present) && !sameJson(policy.settings, raw)) {
      const latest = (await browser.storage.local.get('settings')).settings as unknown;
      if (sameJson(latest, raw)) await settingsItem.setValue(policy.settings);
    }
    return policy;
  });
}

/**
 * Read-modify-write of the stored settings for other features (the blocked page's "always allow"): in the same
 * queue as enforcement, setup and the options page, so no writer overwrites another's change; managed values win.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<void> {
  return run(async () => {
    const current = await settingsItem.getValue();
    await settingsItem.setValue(enforceOnEdit(change(current), current, await readManaged()));
  });
}

async function incognitoAllowed(): Promise<boolean | null> {
  try {
    return await browser.extension.isAllowedIncognitoAccess();
  } catch {
    return null;
  }
}

async function installType(): Promise<string | null> {
  try {
    return (await browser.management.getSelf()).installType ?? null;
  } catch {
    return null;
  }
}

async function buildView(): Promise<ParentsView> {
  const policy = await enforceSettings();
  const [incognito, install, policySeenAt, events, stats] = await Promise.all([
    incognitoAllowed(),
    installType(),
    policySeenItem.getValue(),
    eventsItem.getValue(),
    statsItem.getValue(),
  ]);
  return {
    settings: policy.settings,
    policy: { present: policy.present, lockedAll: policy.lockedAll, locked: policy.locked, managedSites: policy.managedSites, problems: policy.problems },
    signals: tamperSignals({
      incognitoAllowed: incognito,
      installType: install,
      policyPresent: policy.present,
      policySeenAt,
      policyProblems: policy.problems,
      events,
    }),
    stats,
  };
}

const expired = { ok: false, reason: 'expired' } as const;

/** Handlers of `parentsMessages`, merged into the background's router. */
export const parentsHandlers: Handlers = {
  async 'parents.status'() {
    const [pin, setup, policy] = await Promise.all([pinItem.getValue(), setupItem.getValue(), enforceSettings()]);
    return {
      pinSet: pin !== null,
      setupDone: pin !== null && setup.completedAt !== null,
      language: policy.settings.language,
      managed: policy.present,
      lockedAll: policy.lockedAll,
    };
  },
  async 'parents.setup'({ pin, country, language, ageBand }) {
    if (!PIN_PATTERN.test(pin)) return { ok: false, reason: 'invalid' };
    // Check and set in one step: two setups at once (two setup tabs) must not both pass "no PIN yet".
    const done = await run(async () => {
      if (await pinItem.getValue()) return false;
      const previous = await settingsItem.getValue();
      // Sites a parent blocked survive a forgotten-PIN reset; everything else starts from the age band's defaults.
      const fresh = { ...defaultSettings(ageBand, country, language), blockSites: previous.blockSites };
      await settingsItem.setValue(mergePolicy(fresh, await readManaged()).settings);
      await setParentPin(pin);
      await setupItem.setValue({ completedAt: Date.now() });
      return true;
    });
    if (!done) return { ok: false, reason: 'already-set-up' };
    return { ok: true, token: await openSession() };
  },
  async 'parents.unlock'({ pin }) {
    const check = await checkParentPin(pin);
    return check.ok ? { ok: true, token: await openSession() } : check;
  },
  async 'parents.lock'({ token }) {
    if (await checkSession(token)) await sessionItem.setValue(null);
  },
  async 'parents.view'({ token }) {
    if (!(await checkSession(token))) return expired;
    return { ok: true, value: await buildView() };
  },
  async 'parents.save'({ token, settings }) {
    if (!(await checkSession(token))) return expired;
    const managed = await readManaged();
    if (mergePolicy(settings, managed).lockedAll) return { ok: false, reason: 'managed' };
    await run(async () => settingsItem.setValue(enforceOnEdit(settings, await settingsItem.getValue(), managed)));
    return { ok: true, value: await buildView() };
  },
  async 'parents.changePin'({ token, currentPin, newPin }) {
    if (!(await checkSession(token))) return expired;
    if (!PIN_PATTERN.test(newPin)) return { ok: false, reason: 'invalid' };
    const check = await checkParentPin(currentPin);
    if (!check.ok) return check;
    await setParentPin(newPin);
    return { ok: true };
  },
  async 'parents.clearEvents'({ token }) {
    if (!(await checkSession(token))) return expired;
    await eventsItem.setValue([]);
    // A policy removed on purpose stops being reported once the parent has seen it.
    if (!(await enforceSettings()).present) await policySeenItem.setValue(null);
    return { ok: true, value: await buildView() };
  },
  async 'parents.resetForgotten'() {
    const now = Date.now();
    await run(async () => {
      const current = await settingsItem.getValue();
      // Strictest defaults; the parent's always-block list stays, the always-allow list goes.
      const safe = { ...defaultSettings('under9', current.country, current.language), blockSites: current.blockSites };
      await settingsItem.setValue(mergePolicy(safe, await readManaged()).settings);
      await eventsItem.setValue(addEvent(await eventsItem.getValue(), { kind: 'pin-reset', at: now }));
    });
    await pinItem.setValue(null);
    await pinAttemptsItem.setValue({ failures: 0, lastFailureAt: 0 });
    await setupItem.setValue({ completedAt: null });
    await sessionItem.setValue(null);
    return { ok: true };
  },
};

/** First run: the setup page (unless a policy locks everything, as on a managed school device). */
export async function openSetupOnInstall(): Promise<void> {
  const policy = await enforceSettings();
  if (policy.lockedAll) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/setup.html') });
}

/** Background side of the parents' feature: called once, synchronously, from the background's main. */
export function startParents(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && 'settings' in changes)) {
      void enforceSettings().catch((error) => logErrorOnce('parents.enforce', error));
    }
  });
  void enforceSettings().catch((error) => logErrorOnce('parents.enforce', error));
}
