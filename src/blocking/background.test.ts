import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { applySettings, blockCountItem, blockingHandlers, reconcileTempAllows, tempAllowsItem, TEMP_ALLOW_MS } from './background';
import { hashPin } from '../parents/pin';
import { pinItem } from '../parents/pin-store';
import { settingsItem, statsItem } from '../storage/items';
import { defaultSettings } from '../settings/defaults';
import { CATEGORIES } from '../rules/categories';
import type { Handler } from '../messaging/router';
import type { MessageName, Request, Response } from '../messaging';
import type { Rule } from '../rules/types';

/** In-memory declarativeNetRequest (fakeBrowser has none): enough state to check what the service asks for. */
function fakeDnr() {
  const state = {
    enabled: new Set<string>([...CATEGORIES, 'protected']),
    dynamic: new Map<number, Rule>(),
    session: new Map<number, Rule>(),
    disabledStatic: new Map<string, Set<number>>(),
  };
  const update = (map: Map<number, Rule>) => async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    for (const id of removeRuleIds) map.delete(id);
    for (const rule of addRules) {
      if (map.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
      map.set(rule.id, rule);
    }
  };
  const api = {
    getEnabledRulesets: async () => [...state.enabled],
    updateEnabledRulesets: async ({ enableRulesetIds = [], disableRulesetIds = [] }: { enableRulesetIds?: string[]; disableRulesetIds?: string[] }) => {
      for (const id of disableRulesetIds) state.enabled.delete(id);
      for (const id of enableRulesetIds) state.enabled.add(id);
    },
    getDynamicRules: async () => [...state.dynamic.values()],
    updateDynamicRules: update(state.dynamic),
    getSessionRules: async () => [...state.session.values()],
    updateSessionRules: update(state.session),
    updateStaticRules: async ({ rulesetId, disableRuleIds = [], enableRuleIds = [] }: { rulesetId: string; disableRuleIds?: number[]; enableRuleIds?: number[] }) => {
      const set = state.disabledStatic.get(rulesetId) ?? new Set<number>();
      for (const id of enableRuleIds) set.delete(id);
      for (const id of disableRuleIds) set.add(id);
      state.disabledStatic.set(rulesetId, set);
    },
  };
  return { state, api };
}

let dnr: ReturnType<typeof fakeDnr>;
const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/blocked.html' };
function call<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  const handler = blockingHandlers[name] as Handler<N> | undefined;
  if (!handler) throw new Error(`no handler ${name}`);
  return Promise.resolve(handler(payload, sender));
}

beforeEach(async () => {
  fakeBrowser.reset();
  dnr = fakeDnr();
  (fakeBrowser as unknown as { declarativeNetRequest: unknown }).declarativeNetRequest = dnr.api;
  await pinItem.setValue(await hashPin('2468', 1_000));
});

describe('applySettings', () => {
  it('enables exactly the categories that are on, keeps protected, touches nothing else', async () => {
    const s = defaultSettings('16-17');
    await settingsItem.setValue({ ...s, categories: { ...s.categories, gambling: false, safesearch: false } });
    await applySettings();
    expect(dnr.state.enabled.has('gambling')).toBe(false);
    expect(dnr.state.enabled.has('safesearch')).toBe(false);
    expect(dnr.state.enabled.has('dating')).toBe(false); // off by default for 16–17
    expect(dnr.state.enabled.has('adult')).toBe(true);
    expect(dnr.state.enabled.has('protected')).toBe(true);
    // 16–17: YouTube Moderate (the Strict rule is disabled).
    expect([...(dnr.state.disabledStatic.get('safesearch') ?? [])]).toEqual([10]);
  });

  it('writes the parent overrides as dynamic rules, replacing the previous ones', async () => {
    await settingsItem.setValue({ ...defaultSettings(), allowSites: ['a.example'], blockSites: ['b.example'] });
    await applySettings();
    expect([...dnr.state.dynamic.keys()]).toEqual([1, 2]);
    expect(dnr.state.dynamic.get(2)?.action.redirect?.regexSubstitution).toMatch(/\/blocked\.html\?c=parent&u=\\0$/);
    await settingsItem.setValue({ ...defaultSettings(), allowSites: [], blockSites: [] });
    await applySettings();
    expect(dnr.state.dynamic.size).toBe(0);
  });
});

describe('Ask a parent', () => {
  it('refuses a wrong PIN and changes nothing', async () => {
    expect(await call('blocking.unblock', { site: 'x.example', duration: 'always', pin: '0000' })).toMatchObject({ ok: false, reason: 'wrong' });
    expect((await settingsItem.getValue()).allowSites).toEqual([]);
    expect(await tempAllowsItem.getValue()).toEqual([]);
  });

  it('allows a site for an hour through a session rule that expires', async () => {
    const before = Date.now();
    const result = await call('blocking.unblock', { site: 'https://www.x.example/page', duration: 'hour', pin: '2468' });
    expect(result).toMatchObject({ ok: true, host: 'www.x.example' });
    const [entry] = await tempAllowsItem.getValue();
    expect(entry!.until).toBeGreaterThanOrEqual(before + TEMP_ALLOW_MS);
    expect([...dnr.state.session.values()].map((r) => [r.action.type, r.condition.requestDomains])).toEqual([['allowAllRequests', ['www.x.example']]]);
    expect(await fakeBrowser.alarms.get('haven-temp-allow')).toMatchObject({ scheduledTime: entry!.until });
    await reconcileTempAllows(entry!.until + 1);
    expect(dnr.state.session.size).toBe(0);
    expect(await tempAllowsItem.getValue()).toEqual([]);
  });

  it('restores unexpired session rules after a browser restart (session rules are gone)', async () => {
    await call('blocking.unblock', { site: 'x.example', duration: 'hour', pin: '2468' });
    dnr.state.session.clear();
    await reconcileTempAllows();
    expect(dnr.state.session.size).toBe(1);
  });

  it('always-allows a site by adding it to allowSites (and dropping it from blockSites)', async () => {
    await settingsItem.setValue({ ...defaultSettings(), blockSites: ['x.example'] });
    expect(await call('blocking.unblock', { site: 'X.example', duration: 'always', pin: '2468' })).toEqual({ ok: true, host: 'x.example', until: null });
    expect(await settingsItem.getValue()).toMatchObject({ allowSites: ['x.example'], blockSites: [] });
    expect([...dnr.state.dynamic.values()].map((r) => r.action.type)).toEqual(['allowAllRequests']);
  });

  it('keeps both sites when two "always" allows are granted at once (no lost settings write)', async () => {
    await Promise.all([
      call('blocking.unblock', { site: 'a.example', duration: 'always', pin: '2468' }),
      call('blocking.unblock', { site: 'b.example', duration: 'always', pin: '2468' }),
    ]);
    expect((await settingsItem.getValue()).allowSites.sort()).toEqual(['a.example', 'b.example']);
  });

  it('does not let the PIN allow a site the managed policy blocks', async () => {
    await fakeBrowser.storage.managed.set({ blockSites: ['game.example'] });
    for (const duration of ['hour', 'always'] as const) {
      expect(await call('blocking.unblock', { site: 'www.game.example', duration, pin: '2468' })).toMatchObject({ ok: false, reason: 'locked-by-policy' });
    }
    expect(await tempAllowsItem.getValue()).toEqual([]);
  });

  it('rejects something that is not a site', async () => {
    expect(await call('blocking.unblock', { site: 'not a site', duration: 'hour', pin: '2468' })).toMatchObject({ ok: false, reason: 'bad-site' });
  });
});

it('counts a block per category and day, without the address, and a reload of the same blocked page once', async () => {
  const handler = blockingHandlers['blocking.blocked'] as Handler<'blocking.blocked'>;
  const inTab = (tabId: number) => ({ ...sender, tab: { id: tabId } as Browser.tabs.Tab, frameId: 0 });
  await handler({ category: 'gambling' }, inTab(41));
  await handler({ category: 'gambling' }, inTab(41)); // the same page reloaded (or embedded again) right away
  await handler({ category: 'gambling' }, inTab(42));
  const stats = await statsItem.getValue();
  expect(Object.values(stats)[0]).toEqual({ 'blocked.gambling': 2 });
  // the throttle state is in session storage: a restarted service worker still knows tab 41 was just counted
  expect((await blockCountItem.getValue()).counted.map(([tab, place]) => `${tab}|${place}`)).toContain('41|0|gambling');
});
