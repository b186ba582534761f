import type { Rule } from './types';

/**
 * declarativeNetRequest limits both browsers enforce (shared/DOMAIN.md §6). The build fails rather than ship a
 * ruleset a browser would refuse or silently truncate.
 */
export const LIMITS = {
  /** Firefox: hard cap on rules in all enabled static rulesets (no global pool); Chrome's guaranteed minimum. */
  staticRules: 30_000,
  /** Chrome 120+ and Firefox. */
  staticRulesets: 100,
  /** Firefox 20 (Chrome 50): the stricter one applies to rulesets enabled at the same time. */
  enabledRulesets: 20,
  /** Regex rules: Chrome counts all static rules, Firefox each ruleset; we check the total (stricter). */
  regexRules: 1_000,
  /** Chrome rejects regexes above 2 KB once compiled by RE2; a source this short cannot get near it. */
  regexSourceChars: 256,
  /** Firefox dynamic rules (Chrome: 5,000 "unsafe" dynamic rules; redirects are unsafe). */
  dynamicRules: 5_000,
  sessionRules: 5_000,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export interface RulesetForCheck {
  id: string;
  rules: readonly Rule[];
  /** Whether it can be enabled together with the others (every category can be on at once). */
  enabled: boolean;
}

/** Every limit the set of static rulesets would exceed, as readable messages (empty when it fits). */
export function checkStaticLimits(rulesets: readonly RulesetForCheck[], limits: Limits = LIMITS): string[] {
  const errors: string[] = [];
  const total = rulesets.reduce((n, r) => n + r.rules.length, 0);
  if (total > limits.staticRules) {
    const biggest = [...rulesets].sort((a, b) => b.rules.length - a.rules.length).slice(0, 3);
    errors.push(
      `${total} static rules exceed the limit of ${limits.staticRules} (Firefox hard cap). Largest: ${biggest.map((r) => `${r.id}=${r.rules.length}`).join(', ')}.`,
    );
  }
  if (rulesets.length > limits.staticRulesets) {
    errors.push(`${rulesets.length} static rulesets exceed the limit of ${limits.staticRulesets}.`);
  }
  const enabled = rulesets.filter((r) => r.enabled).length;
  if (enabled > limits.enabledRulesets) {
    errors.push(`${enabled} rulesets may be enabled at once, more than ${limits.enabledRulesets} (Firefox).`);
  }
  const regex = rulesets.flatMap((r) => r.rules.filter((rule) => rule.condition.regexFilter).map((rule) => ({ set: r.id, rule })));
  if (regex.length > limits.regexRules) errors.push(`${regex.length} regex rules exceed the limit of ${limits.regexRules}.`);
  for (const { set, rule } of regex) {
    if (rule.condition.regexFilter!.length > limits.regexSourceChars) {
      errors.push(`Regex of rule ${set}#${rule.id} has ${rule.condition.regexFilter!.length} characters (max ${limits.regexSourceChars}, Chrome's 2 KB compiled-regex limit).`);
    }
  }
  for (const r of rulesets) {
    const ids = new Set<number>();
    for (const rule of r.rules) {
      if (!Number.isInteger(rule.id) || rule.id < 1) errors.push(`Ruleset ${r.id}: rule id ${rule.id} is not a positive integer.`);
      if (ids.has(rule.id)) errors.push(`Ruleset ${r.id}: duplicate rule id ${rule.id}.`);
      ids.add(rule.id);
      if (rule.condition.requestDomains && rule.condition.requestDomains.length === 0) {
        errors.push(`Ruleset ${r.id}: rule ${rule.id} has an empty requestDomains (it would match every domain).`);
      }
    }
  }
  return errors;
}

export class RuleLimitError extends Error {
  constructor(readonly problems: string[]) {
    super(`Haven rulesets do not fit the declarativeNetRequest limits:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RuleLimitError';
  }
}
