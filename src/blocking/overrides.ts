import { hostMatches, normalizeHost } from '../rules/normalize';
import { BLOCK_REGEX } from '../rules/compile';
import { FRAME_TYPES, PRIORITY, type Rule } from '../rules/types';
import { LIMITS } from '../rules/limits';

/** Category name the blocked page shows for a parent's "always block". */
export const PARENT_CATEGORY = 'parent';

/**
 * Dynamic rule ids owned by the overrides (stable: each kind has a fixed id, all sites of a kind share one rule,
 * so a parent's list never approaches the 5,000 dynamic-rule limit). Ids below 100 are reserved for them.
 */
export const OVERRIDE_RULE_IDS = { allow: 1, block: 2, blockSpecific: 3 } as const;
export const MAX_OVERRIDE_RULE_ID = 99;

/** A parent's entry ("https://Example.com/page", "example.com.") → the host DNR matches, or null. */
export function normalizeSite(input: string): string | null {
  let text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  } else {
    text = text.split(/[/?#]/)[0] ?? '';
  }
  const n = normalizeHost(text);
  return n.ok ? n.host : null;
}

export function normalizeSites(list: readonly string[]): string[] {
  return [...new Set(list.map(normalizeSite).filter((h): h is string => h !== null))].sort();
}

/**
 * The dynamic rules for a parent's overrides. An always-allowed host wins over the categories and over an
 * always-block of the same host or a parent domain; an always-block of a host *under* an allowed domain (allow
 * example.com, block chat.example.com) wins, being the more specific choice. `blockedPageUrl` is the absolute URL of
 * the blocked page (`runtime.getURL`), so the page receives the blocked URL in every browser.
 */
export function overrideRules(allowSites: readonly string[], blockSites: readonly string[], blockedPageUrl: string): Rule[] {
  const allow = normalizeSites(allowSites);
  const allowSet = new Set(allow);
  const blockAll = normalizeSites(blockSites).filter((h) => !allowSet.has(h));
  const underAllowed = (h: string) => allow.some((a) => a !== h && hostMatches(h, a));
  const specific = blockAll.filter(underAllowed);
  const plain = blockAll.filter((h) => !underAllowed(h));
  const redirect = (id: number, priority: number, hosts: string[]): Rule => ({
    id,
    priority,
    action: { type: 'redirect', redirect: { regexSubstitution: `${blockedPageUrl}?c=${PARENT_CATEGORY}&u=\\0` } },
    condition: { regexFilter: BLOCK_REGEX, requestDomains: hosts, resourceTypes: [...FRAME_TYPES] },
  });
  const rules: Rule[] = [];
  if (allow.length) {
    rules.push({
      id: OVERRIDE_RULE_IDS.allow,
      priority: PRIORITY.parentAllow,
      action: { type: 'allowAllRequests' },
      condition: { requestDomains: allow, resourceTypes: [...FRAME_TYPES] },
    });
  }
  if (plain.length) rules.push(redirect(OVERRIDE_RULE_IDS.block, PRIORITY.parentBlock, plain));
  if (specific.length) rules.push(redirect(OVERRIDE_RULE_IDS.blockSpecific, PRIORITY.parentBlockSpecific, specific));
  return rules;
}

/** Temporary allows ("1 hour" from the blocked page), persisted so they survive a service-worker restart. */
export interface TempAllow {
  host: string;
  /** Epoch ms when it ends. */
  until: number;
  /** Its session rule id (≥ 1,000, stable for the entry's life). */
  id: number;
}

export const TEMP_ALLOW_FIRST_ID = 1_000;
export const TEMP_ALLOW_ALARM = 'haven-temp-allow';

/** Adds or extends a temporary allow for `host`; reuses the host's id, else the smallest free one. */
export function addTempAllow(entries: readonly TempAllow[], host: string, until: number): TempAllow[] {
  const existing = entries.find((e) => e.host === host);
  if (existing) return entries.map((e) => (e.host === host ? { ...e, until: Math.max(e.until, until) } : e));
  const used = new Set(entries.map((e) => e.id));
  let id = TEMP_ALLOW_FIRST_ID;
  while (used.has(id)) id++;
  if (entries.length >= LIMITS.sessionRules - 100) throw new RangeError('Too many temporary allows.');
  return [...entries, { host, until, id }];
}

/**
 * What the session rules must be at `now`: unexpired allows only, one `allowAllRequests` rule each, and when the
 * next one ends (for the alarm), or null.
 */
export function planTempAllows(entries: readonly TempAllow[], now: number): { keep: TempAllow[]; rules: Rule[]; nextExpiry: number | null } {
  const keep = entries.filter((e) => e.until > now);
  const rules: Rule[] = keep.map((e) => ({
    id: e.id,
    priority: PRIORITY.parentAllow,
    action: { type: 'allowAllRequests' },
    condition: { requestDomains: [e.host], resourceTypes: [...FRAME_TYPES] },
  }));
  const nextExpiry = keep.length ? Math.min(...keep.map((e) => e.until)) : null;
  return { keep, rules, nextExpiry };
}
