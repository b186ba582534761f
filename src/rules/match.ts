import { ruleCoversHost } from './compile';
import type { ResourceType, Rule } from './types';

/** Action order at equal priority (shared/DOMAIN.md §6): allow > allowAllRequests > block > upgradeScheme > redirect > modifyHeaders. */
const ACTION_RANK: Record<Rule['action']['type'], number> = {
  allow: 6,
  allowAllRequests: 5,
  block: 4,
  upgradeScheme: 3,
  redirect: 2,
  modifyHeaders: 1,
};

export interface RuleMatch {
  ruleset: string;
  rule: Rule;
}

/**
 * A small model of DNR matching for one request (domains, resource types, urlFilter as a plain substring, regex):
 * the rule the browser would apply, or null. For tests and tooling only; the browser does the real work natively.
 */
export function matchRequest(
  rulesets: readonly { id: string; rules: readonly Rule[] }[],
  url: string,
  type: ResourceType = 'main_frame',
): RuleMatch | null {
  const host = new URL(url).hostname;
  let best: RuleMatch | null = null;
  for (const set of rulesets) {
    for (const rule of set.rules) {
      const c = rule.condition;
      if (c.resourceTypes ? !c.resourceTypes.includes(type) : type === 'main_frame') continue;
      if (c.excludedResourceTypes?.includes(type)) continue;
      if (!ruleCoversHost(rule, host)) continue;
      if (c.urlFilter && !url.includes(c.urlFilter.replace(/^\|+|\^$/g, ''))) continue;
      if (c.regexFilter && !new RegExp(c.regexFilter).test(url)) continue;
      if (
        !best ||
        rule.priority > best.rule.priority ||
        (rule.priority === best.rule.priority && ACTION_RANK[rule.action.type] > ACTION_RANK[best.rule.action.type])
      ) {
        best = { ruleset: set.id, rule };
      }
    }
  }
  return best;
}
