import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parentsHandlers, enforceSettings, sameJson, SESSION_TTL_MS } from './background';
import { pinAttemptsItem, pinItem } from './pin-store';
import { eventsItem, sessionItem } from './store';
import { settingsItem, setupItem } from '../storage/items';
import { defaultSettings } from '../settings/defaults';
import type { Handler } from '../messaging/router';
import type { MessageName, Request, Response } from '../messaging';

const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };
function call<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  const handler = parentsHandlers[name] as Handler<N> | undefined;
  if (!handler) throw new Error(`no handler ${name}`);
  return Promise.resolve(handler(payload, sender));
}

async function setUp(pin = '4821'): Promise<string> {
  const result = await call('parents.setup', { pin, country: 'DE', language: 'de', ageBand: '13-15' });
  if (!result.ok) throw new Error(result.reason);
  return result.token;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('first-run setup', () => {
  it('stores the PIN only as a hash, applies the age band defaults and opens a session', async () => {
    expect(await call('parents.status', {})).toMatchObject({ pinSet: false, setupDone: false });
    const token = await setUp();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const record = await pinItem.getValue();
    expect(JSON.stringify(record)).not.toContain('4821');
    expect(record?.iterations).toBeGreaterThanOrEqual(100_000);
    const settings = await settingsItem.getValue();
    expect(settings).toMatchObject({ country: 'DE', language: 'de', ageBand: '13-15' });
    expect(settings.sensitivity.grooming).toBe('medium');
    expect((await setupItem.getValue()).completedAt).toEqual(expect.any(Number));
    expect(await call('parents.status', {})).toMatchObject({ pinSet: true, setupDone: true, language: 'de' });
  });

  it('refuses a second setup once a PIN exists, and PINs that are not 4–12 digits', async () => {
    expect(await call('parents.setup', { pin: '12', country: 'DE', language: 'de', ageBand: '9-12' })).toEqual({ ok: false, reason: 'invalid' });
    await setUp();
    expect(await call('parents.setup', { pin: '9999', country: 'GB', language: 'en', ageBand: '16-17' })).toEqual({
      ok: false,
      reason: 'already-set-up',
    });
    expect((await settingsItem.getValue()).country).toBe('DE');
  });

  it('lets only one of two simultaneous setups set the PIN', async () => {
    const results = await Promise.all([
      call('parents.setup', { pin: '1111', country: 'DE', language: 'de', ageBand: '9-12' }),
      call('parents.setup', { pin: '2222', country: 'GB', language: 'en', ageBand: '16-17' }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect((await settingsItem.getValue()).country).toBe('DE');
  });
});

describe('PIN lock', () => {
  it('gives a session only for the right PIN and delays repeated mistakes', async () => {
    await setUp();
    await call('parents.lock', { token: (await sessionItem.getValue())!.token });
    expect(await call('parents.unlock', { pin: '0000' })).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 0 });
    await call('parents.unlock', { pin: '0001' });
    const third = await call('parents.unlock', { pin: '0002' });
    expect(third).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 5_000 });
    // Even the right PIN waits out the delay.
    expect(await call('parents.unlock', { pin: '4821' })).toMatchObject({ ok: false, reason: 'locked' });
    await pinAttemptsItem.setValue({ failures: 3, lastFailureAt: Date.now() - 6_000 });
    expect(await call('parents.unlock', { pin: '4821' })).toMatchObject({ ok: true, token: expect.any(String) });
  });

  it('refuses protected calls without a live session, and expires sessions', async () => {
    const token = await setUp();
    const fake = 'f'.repeat(64);
    expect(await call('parents.view', { token: fake })).toEqual({ ok: false, reason: 'expired' });
    expect(await call('parents.save', { token: fake, settings: defaultSettings('16-17') })).toEqual({ ok: false, reason: 'expired' });
    expect((await call('parents.view', { token })).ok).toBe(true);
    await sessionItem.setValue({ token, expiresAt: Date.now() - 1 });
    expect(await call('parents.view', { token })).toEqual({ ok: false, reason: 'expired' });
  });

  it('extends the session on use (sliding expiry) and ends it on lock', async () => {
    const token = await setUp();
    const before = (await sessionItem.getValue())!.expiresAt;
    await new Promise((r) => setTimeout(r, 5));
    await call('parents.view', { token });
    expect((await sessionItem.getValue())!.expiresAt).toBeGreaterThan(before);
    expect((await sessionItem.getValue())!.expiresAt - Date.now()).toBeLessThanOrEqual(SESSION_TTL_MS);
    await call('parents.lock', { token });
    expect(await call('parents.view', { token })).toEqual({ ok: false, reason: 'expired' });
  });

  it('changes the PIN only with the current PIN', async () => {
    const token = await setUp();
    expect(await call('parents.changePin', { token, currentPin: '1111', newPin: '2468' })).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await call('parents.changePin', { token, currentPin: '4821', newPin: '12' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await call('parents.changePin', { token, currentPin: '4821', newPin: '2468' })).toEqual({ ok: true });
    expect((await call('parents.unlock', { pin: '4821' })).ok).toBe(false);
    expect((await call('parents.unlock', { pin: '2468' })).ok).toBe(true);
  });
});

describe('saving settings', () => {
  it('saves a valid edit and returns the view', async () => {
    const token = await setUp();
    const current = await settingsItem.getValue();
    const next = { ...current, categories: { ...current.categories, gambling: false }, blockSites: ['chat.example'] };
    const result = await call('parents.save', { token, settings: next });
    expect(result.ok).toBe(true);
    expect((await settingsItem.getValue()).categories.gambling).toBe(false);
    expect((await settingsItem.getValue()).blockSites).toEqual(['chat.example']);
  });

  it('keeps managed values: a crafted save cannot unlock them', async () => {
    const token = await setUp();
    await fakeBrowser.storage.managed.set({ categories: { gambling: true }, country: 'FR', sensitivity: { grooming: 'high' } });
    const current = await settingsItem.getValue();
    const crafted = { ...current, country: 'GB', categories: { ...current.categories, gambling: false }, sensitivity: { ...current.sensitivity, grooming: 'low' as const } };
    const result = await call('parents.save', { token, settings: crafted });
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.settings).toMatchObject({ country: 'FR', categories: { gambling: true }, sensitivity: { grooming: 'high' } });
    expect(result.value.policy.locked).toEqual(expect.arrayContaining(['categories.gambling', 'country', 'sensitivity.grooming']));
    expect(await settingsItem.getValue()).toMatchObject({ country: 'FR', categories: { gambling: true } });
  });

  it('refuses every edit when the policy locks everything', async () => {
    const token = await setUp();
    await fakeBrowser.storage.managed.set({ locked: true });
    const current = await settingsItem.getValue();
    expect(await call('parents.save', { token, settings: { ...current, country: 'GB' } })).toEqual({ ok: false, reason: 'managed' });
    expect((await settingsItem.getValue()).country).toBe('DE');
  });
});

describe('forgotten PIN', () => {
  it('resets to the safest defaults, keeps always-block sites, never unlocks, and tells the parent', async () => {
    const token = await setUp();
    const current = await settingsItem.getValue();
    await call('parents.save', {
      token,
      settings: { ...current, categories: { ...current.categories, adult: false }, allowSites: ['games.example'], blockSites: ['chat.example'] },
    });
    const result = await call('parents.resetForgotten', { confirm: 'reset' });
    expect(result).toEqual({ ok: true });
    expect(await pinItem.getValue()).toBeNull();
    expect(await call('parents.view', { token })).toEqual({ ok: false, reason: 'expired' });
    const settings = await settingsItem.getValue();
    expect(Object.values(settings.categories).every(Boolean)).toBe(true);
    expect(Object.values(settings.sensitivity).every((s) => s === 'high')).toBe(true);
    expect(settings.allowSites).toEqual([]);
    expect(settings.blockSites).toEqual(['chat.example']);
    expect(settings.country).toBe('DE');
    expect(await call('parents.status', {})).toMatchObject({ pinSet: false, setupDone: false });
    // Setting Haven up again is possible, and the parent sees the reset afterwards.
    const again = await call('parents.setup', { pin: '1357', country: 'DE', language: 'de', ageBand: '9-12' });
    if (!again.ok) throw new Error(again.reason);
    expect((await settingsItem.getValue()).blockSites).toEqual(['chat.example']);
    const view = await call('parents.view', { token: again.token });
    if (!view.ok) throw new Error('expired');
    expect(view.value.signals).toContainEqual({ kind: 'pin-reset', at: expect.any(Number) });
  });
});

describe('tamper signals', () => {
  it('repairs malformed stored settings and reports which fields', async () => {
    const token = await setUp();
    const current = await settingsItem.getValue();
    await fakeBrowser.storage.local.set({ settings: { ...current, categories: 'off', country: 'nowhere' } });
    await enforceSettings();
    const repaired = await settingsItem.getValue();
    expect(repaired.categories.adult).toBe(true);
    expect(repaired.language).toBe('de');
    const events = await eventsItem.getValue();
    expect(events).toEqual([{ kind: 'settings-repaired', at: expect.any(Number), fields: ['country', 'categories'] }]);
    const view = await call('parents.view', { token });
    if (!view.ok) throw new Error('expired');
    expect(view.value.signals.map((s) => s.kind)).toContain('settings-repaired');
    const cleared = await call('parents.clearEvents', { token });
    expect(cleared.ok && cleared.value.signals.some((s) => s.kind === 'settings-repaired')).toBe(false);
  });

  it('shows incognito access off, and a policy that went missing', async () => {
    const token = await setUp();
    vi.spyOn(fakeBrowser.extension, 'isAllowedIncognitoAccess').mockImplementation(() => Promise.resolve(false) as never);
    await fakeBrowser.storage.managed.set({ country: 'FR' });
    let view = await call('parents.view', { token });
    if (!view.ok) throw new Error('expired');
    expect(view.value.signals.map((s) => s.kind)).toEqual(['incognito-off']);
    await fakeBrowser.storage.managed.clear();
    view = await call('parents.view', { token });
    if (!view.ok) throw new Error('expired');
    expect(view.value.signals).toContainEqual({ kind: 'policy-missing', reason: 'seen-before' });
    const seen = await call('parents.clearEvents', { token });
    expect(seen.ok && seen.value.signals.map((s) => s.kind)).toEqual(['incognito-off']);
  });
});

describe('policy enforcement writes', () => {
  it('never rewrites valid settings that only differ in key order (no stale write-back over other writers)', async () => {
    const valid = defaultSettings('9-12', 'GB', 'en');
    const reordered = Object.fromEntries(Object.entries({ ...valid, categories: Object.fromEntries(Object.entries(valid.categories).reverse()) }).reverse());
    await fakeBrowser.storage.local.set({ settings: reordered });
    const writes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if ('settings' in changes) writes.push(changes.settings);
    });
    await enforceSettings();
    expect(writes).toEqual([]);
    expect(await eventsItem.getValue()).toEqual([]);
  });

  it('compares JSON deeply and ignores key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
