import { LIST_CATEGORIES, type ListCategory } from './categories';
import { compileCategory, serializeRuleset, type CategoryStats, type RedirectTarget } from './compile';
import { checkStaticLimits, LIMITS, RuleLimitError, type Limits } from './limits';
import { compileProtected, PROTECTED_HOSTS, PROTECTED_RULESET_ID } from './protected';
import { compileSafeSearch, SAFESEARCH_RULESET_ID } from './safesearch';
import type { Rule } from './types';

/** Directory (inside the extension) the rulesets are written to. */
export const RULESET_DIR = 'rulesets';
export const STATS_FILE = `${RULESET_DIR}/stats.json`;

export interface BuiltRuleset {
  id: string;
  path: string;
  /** Enabled in the manifest. Categories start on (the background then applies the parent's settings). */
  enabled: boolean;
  rules: Rule[];
  json: string;
}

export interface RulesStats {
  /** Per list category: the compiler's counts. */
  categories: Partial<Record<ListCategory, CategoryStats>>;
  rulesets: Record<string, { rules: number; bytes: number }>;
  totalRules: number;
  totalRegexRules: number;
  rulesetBytes: number;
  redirect: RedirectTarget['type'];
  limits: Limits;
}

export interface BuildResult {
  rulesets: BuiltRuleset[];
  stats: RulesStats;
  /** Warnings for the build log (rejected entries, missing lists). */
  warnings: string[];
}

/**
 * Compiles every category list (given as text per category), the safe-search and the protected rulesets, checks
 * the limits, and throws a `RuleLimitError` naming each limit that would be exceeded. Pure: the caller reads files.
 */
export function buildRulesets(
  lists: Partial<Record<ListCategory, string>>,
  options: { redirect: RedirectTarget; chunkSize?: number; limits?: Limits },
): BuildResult {
  const warnings: string[] = [];
  const rulesets: BuiltRuleset[] = [];
  const categories: RulesStats['categories'] = {};
  const add = (id: string, rules: Rule[], enabled: boolean) => {
    rulesets.push({ id, path: `${RULESET_DIR}/${id}.json`, enabled, rules, json: serializeRuleset(rules) });
  };
  for (const category of LIST_CATEGORIES) {
    const text = lists[category];
    if (text === undefined) {
      warnings.push(`No list for category "${category}": its ruleset is empty.`);
      add(category, [], true);
      continue;
    }
    const compiled = compileCategory(category, text.split('\n'), {
      redirect: options.redirect,
      chunkSize: options.chunkSize,
      protectedHosts: PROTECTED_HOSTS,
    });
    categories[category] = compiled.stats;
    if (compiled.stats.rejected) {
      warnings.push(
        `${category}: ${compiled.stats.rejected} invalid entries skipped (${Object.entries(compiled.stats.rejectedBy).map(([k, v]) => `${k} ${v}`).join(', ')}; e.g. ${compiled.stats.rejectedExamples.slice(0, 3).join(', ')}).`,
      );
    }
    add(category, compiled.rules, true);
  }
  add(SAFESEARCH_RULESET_ID, compileSafeSearch(), true);
  add(PROTECTED_RULESET_ID, compileProtected(), true);

  const problems = checkStaticLimits(rulesets, options.limits ?? LIMITS);
  if (problems.length) throw new RuleLimitError(problems);

  const stats: RulesStats = {
    categories,
    rulesets: Object.fromEntries(rulesets.map((r) => [r.id, { rules: r.rules.length, bytes: byteLength(r.json) }])),
    totalRules: rulesets.reduce((n, r) => n + r.rules.length, 0),
    totalRegexRules: rulesets.reduce((n, r) => n + r.rules.filter((x) => x.condition.regexFilter).length, 0),
    rulesetBytes: rulesets.reduce((n, r) => n + byteLength(r.json), 0),
    redirect: options.redirect.type,
    limits: options.limits ?? LIMITS,
  };
  return { rulesets, stats, warnings };
}

/** The manifest's `declarative_net_request.rule_resources` for built rulesets. */
export function ruleResources(rulesets: readonly Pick<BuiltRuleset, 'id' | 'path' | 'enabled'>[]) {
  return rulesets.map(({ id, path, enabled }) => ({ id, enabled, path }));
}

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;
