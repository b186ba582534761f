import { CATEGORIES, type Category } from '../rules/categories';
import type { Settings } from '../settings/schema';

/**
 * Managed policy (`storage.managed`: Chrome enterprise policy through the managed schema, Firefox `3rdparty`
 * policy). A school or a parent's admin tool may set categories and site overrides; those values win over the
 * local settings and the options page shows them as locked.
 *
 * Shape: `{ categories?: { <category>: boolean }, allowSites?: string[], blockSites?: string[] }` (the blocking part of
 * `public/managed-schema.json`; the parents feature's `mergePolicy` builds on this for its own fields).
 */
export interface ManagedResult {
  settings: Settings;
  /** Locked setting paths: `categories.<id>`, `allowSites`, `blockSites`. */
  locked: string[];
  /** Sites that come from the policy (a parent cannot remove them). */
  managedSites: { allow: string[]; block: string[] };
  /** Policy values that were ignored, with why. */
  problems: string[];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Pure: merges managed values over settings and reports which keys are locked. Unknown or malformed values are ignored. */
export function applyManagedPolicy(settings: Settings, managed: unknown): ManagedResult {
  const result: ManagedResult = { settings, locked: [], managedSites: { allow: [], block: [] }, problems: [] };
  if (typeof managed !== 'object' || managed === null || Array.isArray(managed)) return result;
  const policy = managed as Record<string, unknown>;
  let next = settings;
  if (policy.categories !== undefined) {
    if (typeof policy.categories === 'object' && policy.categories !== null && !Array.isArray(policy.categories)) {
      const categories = { ...next.categories };
      for (const [key, value] of Object.entries(policy.categories)) {
        if (!CATEGORIES.includes(key as Category)) result.problems.push(`categories.${key}: unknown category`);
        else if (typeof value !== 'boolean') result.problems.push(`categories.${key}: expected a boolean`);
        else {
          categories[key as Category] = value;
          result.locked.push(`categories.${key}`);
        }
      }
      next = { ...next, categories };
    } else result.problems.push('categories: expected an object');
  }
  for (const [key, kind] of [['allowSites', 'allow'], ['blockSites', 'block']] as const) {
    const value = policy[key];
    if (value === undefined) continue;
    if (!isStringList(value)) {
      result.problems.push(`${key}: expected a list of strings`);
      continue;
    }
    result.managedSites[kind] = value;
    result.locked.push(key);
    next = { ...next, [key]: [...new Set([...next[key], ...value])] };
  }
  result.settings = next;
  return result;
}
