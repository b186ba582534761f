import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Handlers } from '../messaging';
import { checkParentPin, pinItem } from '../parents/pin-store';
import { settingsItem } from '../storage/items';
import { logCallError } from '../lib/errors';
import { noMigrations } from '../storage/migrations';
import { recordCount } from '../background/count';
import { LIST_CATEGORIES, CATEGORIES, type Category } from '../rules/categories';
import { PROTECTED_RULESET_ID } from '../rules/protected';
import { SAFESEARCH_RULESET_ID, safeSearchDisabledRuleIds, YOUTUBE_MODERATE_RULE_ID, YOUTUBE_STRICT_RULE_ID } from '../rules/safesearch';
import { BLOCKED_PAGE, type Rule } from '../rules/types';
import type { Settings } from '../settings/schema';
import type { ManagedResult } from './managed';
import { isManagedBlock, mergePolicy } from '../parents/policy';
import { readManaged, updateSettings } from '../parents/background';
import {
  addTempAllow,
  MAX_OVERRIDE_RULE_ID,
  normalizeSite,
  overrideRules,
  planTempAllows,
  TEMP_ALLOW_ALARM,
  TEMP_ALLOW_FIRST_ID,
  type TempAllow,
} from './overrides';
import { decideBlockCount, EMPTY_BLOCK_COUNT_STATE, type BlockCountState } from './block-count-throttle';
import { serial } from '../lib/serial';

export const TEMP_ALLOW_MS = 60 * 60 * 1000;

/** Temporary allows granted from the blocked page; the source of truth for the session rules. */
export const tempAllowsItem = storage.defineItem<TempAllow[]>('local:tempAllows', { version: 1, migrations: noMigrations, fallback: [] });

const dnr = () => browser.declarativeNetRequest;
const asBrowserRules = (rules: Rule[]) => rules as unknown as Browser.declarativeNetRequest.Rule[];

const logError = (call: string, error: unknown): void => logCallError('blocking', call, error);
/** Blocked-page counts already made this session (throttle state, see block-count-throttle.ts). */
export const blockCountItem = storage.defineItem<BlockCountState>('session:blockCounts', { version: 1, fallback: EMPTY_BLOCK_COUNT_STATE });
const blockCountQueue = serial();

/** The settings in force: the same managed-policy merge (and policy read) as the parents' feature and options page. */
export async function effectiveSettings(): Promise<ManagedResult> {
  const [settings, managed] = await Promise.all([settingsItem.getValue(), readManaged()]);
  return mergePolicy(settings, managed);
}

/** Enables exactly the rulesets of the categories that are on (plus `protected`), touching only what changes. */
async function applyCategories(categories: Record<Category, boolean>): Promise<void> {
  const enabled = new Set(await dnr().getEnabledRulesets());
  const want = new Set<string>([PROTECTED_RULESET_ID, ...CATEGORIES.filter((c) => categories[c] !== false)]);
  const known = [...LIST_CATEGORIES, SAFESEARCH_RULESET_ID, PROTECTED_RULESET_ID];
  const enableRulesetIds = known.filter((id) => want.has(id) && !enabled.has(id));
  const disableRulesetIds = known.filter((id) => !want.has(id) && enabled.has(id));
  if (enableRulesetIds.length || disableRulesetIds.length) await dnr().updateEnabledRulesets({ enableRulesetIds, disableRulesetIds });
}

async function applySafeSearchMode(ageBand: string): Promise<void> {
  if (typeof dnr().updateStaticRules !== 'function') return; // older Firefox: Strict only
  const disable = safeSearchDisabledRuleIds(ageBand);
  const all = [YOUTUBE_STRICT_RULE_ID, YOUTUBE_MODERATE_RULE_ID];
  await dnr().updateStaticRules({
    rulesetId: SAFESEARCH_RULESET_ID,
    disableRuleIds: disable,
    enableRuleIds: all.filter((id) => !disable.includes(id)),
  });
}

async function applyOverrides(settings: Settings): Promise<void> {
  const rules = overrideRules(settings.allowSites, settings.blockSites, browser.runtime.getURL(BLOCKED_PAGE));
  const current = await dnr().getDynamicRules();
  await dnr().updateDynamicRules({
    removeRuleIds: current.filter((r) => r.id <= MAX_OVERRIDE_RULE_ID).map((r) => r.id),
    addRules: asBrowserRules(rules),
  });
}

/** Makes the session rules match the stored temporary allows; drops expired ones and arms the alarm for the next. */
export async function reconcileTempAllows(now = Date.now()): Promise<void> {
  const entries = await tempAllowsItem.getValue();
  const { keep, rules, nextExpiry } = planTempAllows(entries, now);
  if (keep.length !== entries.length) await tempAllowsItem.setValue(keep);
  const current = await dnr().getSessionRules();
  await dnr().updateSessionRules({
    removeRuleIds: current.filter((r) => r.id >= TEMP_ALLOW_FIRST_ID).map((r) => r.id),
    addRules: asBrowserRules(rules),
  });
  await browser.alarms.clear(TEMP_ALLOW_ALARM);
  if (nextExpiry !== null) await browser.alarms.create(TEMP_ALLOW_ALARM, { when: nextExpiry });
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs DNR updates one at a time (settings can change while an update is in flight). */
function serialized<T>(name: string, task: () => Promise<T>): Promise<T | undefined> {
  const run = queue.then(task).catch((error) => {
    logError(name, error);
    return undefined;
  });
  queue = run;
  return run;
}

/** Applies the parent's settings (with managed policy) to the browser: categories, overrides, safe-search mode. */
export function applySettings(): Promise<void> {
  return serialized('applySettings', async () => {
    const { settings } = await effectiveSettings();
    await applyCategories(settings.categories);
    await applyOverrides(settings);
    await applySafeSearchMode(settings.ageBand).catch((e) => logError('updateStaticRules', e));
  }) as Promise<void>;
}

/** Handlers of `blockingMessages`, merged into the background's router. */
export const blockingHandlers: Handlers = {
  async 'blocking.unblock'({ site, duration, pin }) {
    const host = normalizeSite(site);
    if (!host) return { ok: false, reason: 'bad-site', retryAfterMs: 0 };
    const check = await checkParentPin(pin);
    if (!check.ok) return check;
    // A managed device with `locked: true` (school): nothing may be changed locally, not even with the PIN.
    // Nor a site the policy blocks: a parent's allow would otherwise outrank the school's block.
    const policy = mergePolicy(await settingsItem.getValue(), await readManaged());
    if (policy.lockedAll || isManagedBlock(policy, host)) {
      return { ok: false, reason: 'locked-by-policy', retryAfterMs: 0 };
    }
    if (duration === 'hour') {
      const until = Date.now() + TEMP_ALLOW_MS;
      const done = await serialized('allowForAnHour', async () => {
        await tempAllowsItem.setValue(addTempAllow(await tempAllowsItem.getValue(), host, until));
        await reconcileTempAllows();
        return true;
      });
      if (!done) throw new Error('Haven could not allow this site. Please try again.');
      return { ok: true, host, until };
    }
    await updateSettings((settings) => ({
      ...settings,
      allowSites: [...new Set([...settings.allowSites, host])],
      blockSites: settings.blockSites.filter((s) => normalizeSite(s) !== host),
    }));
    await applySettings();
    return { ok: true, host, until: null };
  },
  'blocking.blocked': ({ category }, sender) =>
    blockCountQueue(async () => {
      const { count, state } = decideBlockCount(await blockCountItem.getValue(), sender.tab?.id ?? -1, sender.frameId ?? 0, category, Date.now());
      await blockCountItem.setValue(state);
      if (count) await recordCount(`blocked.${category}`);
    }),
  async 'blocking.state'() {
    const [{ settings, locked }, pin] = await Promise.all([effectiveSettings(), pinItem.getValue()]);
    return { categories: settings.categories, locked, pinSet: pin !== null };
  },
};

/** Background side of category blocking: called once, synchronously, from the background's main. */
export function startBlocking(): void {
  settingsItem.watch(() => void applySettings());
  tempAllowsItem.watch(() => void serialized('reconcileTempAllows', () => reconcileTempAllows()));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applySettings();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEMP_ALLOW_ALARM) void serialized('reconcileTempAllows', () => reconcileTempAllows());
  });
  // Every service-worker start: settings may have changed while it slept, session rules vanish on browser restart.
  void applySettings();
  void serialized('reconcileTempAllows', () => reconcileTempAllows());
}
