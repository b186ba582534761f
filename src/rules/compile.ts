import { hostAndParents, hostMatches, normalizeHost, type RejectReason } from './normalize';
import { BLOCKED_PAGE, FRAME_TYPES, PRIORITY, type Rule, type RuleAction, type RuleCondition } from './types';

/**
 * Where a category rule sends a blocked frame.
 * - `regex`: a redirect through `regexSubstitution` to `<pageUrl>?c=<category>&u=<original URL>`. It carries the
 *   blocked URL, but the page URL must be absolute, so it needs the extension origin at build time (Chrome, whose
 *   id is pinned by the manifest key or known from the store).
 * - `path`: `extensionPath: /blocked.html?c=<category>`. Portable (Firefox gives every install a random
 *   moz-extension UUID, so no absolute URL can be written into a static ruleset), but the blocked URL is lost.
 */
export type RedirectTarget = { type: 'regex'; pageUrl: string } | { type: 'path' };

export interface CompileOptions {
  redirect: RedirectTarget;
  /** Most domains in one rule's `requestDomains` (hedge against per-rule costs; shared/DOMAIN.md §6). */
  chunkSize?: number;
  /** Hosts that must never be blocked: listed entries equal to or under them are dropped (and counted). */
  protectedHosts?: readonly string[];
}

export interface CategoryStats {
  /** Non-empty input lines. */
  entriesIn: number;
  /** Hosts in the ruleset after every step. */
  kept: number;
  /** Exact duplicates after normalisation. */
  duplicates: number;
  /** Dropped because a parent domain is listed (requestDomains already covers subdomains). */
  pruned: number;
  /** Dropped because they are, or are under, a protected host. */
  protectedDropped: number;
  rejected: number;
  rejectedBy: Partial<Record<RejectReason, number>>;
  /** A few rejected lines, for the build log. */
  rejectedExamples: string[];
  rules: number;
  regexRules: number;
}

export interface CompiledRuleset {
  id: string;
  rules: Rule[];
  stats: CategoryStats;
}

export const DEFAULT_CHUNK_SIZE = 50_000;

/** Regex of a category redirect: the whole URL is captured as `\0`. Tiny, far below Chrome's 2 KB RE2 limit. */
export const BLOCK_REGEX = '^https?://.*$';

/** The query string the blocked page reads: category first, the raw original URL last (it may contain `&`). */
export function blockedPageQuery(category: string): string {
  return `?c=${encodeURIComponent(category)}`;
}

export function blockAction(category: string, target: RedirectTarget): { action: RuleAction; condition: RuleCondition } {
  if (target.type === 'regex') {
    return {
      action: { type: 'redirect', redirect: { regexSubstitution: `${target.pageUrl}${blockedPageQuery(category)}&u=\\0` } },
      condition: { regexFilter: BLOCK_REGEX },
    };
  }
  return { action: { type: 'redirect', redirect: { extensionPath: `${BLOCKED_PAGE}${blockedPageQuery(category)}` } }, condition: {} };
}

/** FNV-1a, 32 bit: a stable, order-independent bucket for each host. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Splits hosts into buckets by hash. The bucket count is a power of two sized from the host count, so the same set
 * (in any order) gives the same rules, and adding or removing a few hosts changes only the rules holding them.
 * Bucket i becomes rule id i + 1; empty buckets emit no rule but keep their id reserved.
 */
export function packHosts(hosts: readonly string[], chunkSize: number): string[][] {
  if (chunkSize < 1) throw new RangeError('chunkSize must be ≥ 1');
  let count = 1;
  while (hosts.length / count > chunkSize * 0.8) count *= 2;
  for (;;) {
    const buckets: string[][] = Array.from({ length: count }, () => []);
    for (const host of hosts) buckets[count === 1 ? 0 : fnv1a(host) & (count - 1)]!.push(host);
    if (buckets.every((b) => b.length <= chunkSize)) {
      for (const b of buckets) b.sort();
      return buckets;
    }
    count *= 2;
  }
}

/**
 * Normalises, de-duplicates and prunes one list. Pure; exported for the benchmark and tests.
 */
export function prepareHosts(
  lines: Iterable<string>,
  protectedHosts: readonly string[] = [],
): { hosts: string[]; stats: Omit<CategoryStats, 'rules' | 'regexRules'> } {
  let entriesIn = 0;
  let duplicates = 0;
  let rejected = 0;
  const rejectedBy: Partial<Record<RejectReason, number>> = {};
  const rejectedExamples: string[] = [];
  const set = new Set<string>();
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    entriesIn++;
    const n = normalizeHost(trimmed);
    if (!n.ok) {
      rejected++;
      rejectedBy[n.reason] = (rejectedBy[n.reason] ?? 0) + 1;
      if (rejectedExamples.length < 5) rejectedExamples.push(trimmed.slice(0, 100));
      continue;
    }
    if (set.has(n.host)) duplicates++;
    else set.add(n.host);
  }
  const protectedSet = new Set(protectedHosts);
  let pruned = 0;
  let protectedDropped = 0;
  const hosts: string[] = [];
  for (const host of set) {
    const chain = hostAndParents(host);
    if (chain.some((h) => protectedSet.has(h))) {
      protectedDropped++;
      continue;
    }
    if (chain.slice(1).some((parent) => set.has(parent))) {
      pruned++;
      continue;
    }
    hosts.push(host);
  }
  hosts.sort();
  return { hosts, stats: { entriesIn, kept: hosts.length, duplicates, pruned, protectedDropped, rejected, rejectedBy, rejectedExamples } };
}

/** Compiles one category list into its static ruleset: redirect rules for main and sub frames, packed. */
export function compileCategory(category: string, lines: Iterable<string>, options: CompileOptions): CompiledRuleset {
  const { hosts, stats } = prepareHosts(lines, options.protectedHosts);
  const { action, condition } = blockAction(category, options.redirect);
  const rules: Rule[] = [];
  packHosts(hosts, options.chunkSize ?? DEFAULT_CHUNK_SIZE).forEach((bucket, i) => {
    if (!bucket.length) return;
    rules.push({
      id: i + 1,
      priority: PRIORITY.category,
      action,
      condition: { ...condition, requestDomains: bucket, resourceTypes: [...FRAME_TYPES] },
    });
  });
  return {
    id: category,
    rules,
    stats: { ...stats, rules: rules.length, regexRules: rules.filter((r) => r.condition.regexFilter).length },
  };
}

/** True when a host is covered by a rule's domain conditions (for tests and tools; the browser does the real work). */
export function ruleCoversHost(rule: Rule, host: string): boolean {
  const { requestDomains, excludedRequestDomains } = rule.condition;
  if (excludedRequestDomains?.some((d) => hostMatches(host, d))) return false;
  return !requestDomains || requestDomains.some((d) => hostMatches(host, d));
}

/** Serialises a ruleset the way it ships: compact JSON. */
export function serializeRuleset(rules: readonly Rule[]): string {
  return JSON.stringify(rules);
}
