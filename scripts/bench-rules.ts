/**
 * `npm run --silent bench:rules`: compiles the shipped category lists (`../shared/data/blocklists`, or
 * `HAVEN_BLOCKLISTS`) exactly as the build does (src/rules/build.ts, Chrome target with the blocked URL), timing
 * file reading plus compilation, and checks the result against the DNR limits (the compile throws if one is hit).
 *
 * Budget (issue 5): compile ≤ 10 s, ≤ 30,000 static rules in total.
 * Last line: {"compileMs","totalRules","rulesetBytes","perCategory":{category:{"hosts","rules"}}}.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRulesets } from '../src/rules/build';
import { LIST_CATEGORIES } from '../src/rules/categories';
import { DEV_CHROME_ID } from '../src/lib/extension-id';

const dir = path.resolve(import.meta.dirname, '..', process.env.HAVEN_BLOCKLISTS ?? '../shared/data/blocklists');
if (!existsSync(dir)) {
  console.error(`Blocklist directory ${dir} not found (set HAVEN_BLOCKLISTS).`);
  process.exit(1);
}

const started = performance.now();
const lists = Object.fromEntries(
  LIST_CATEGORIES.filter((c) => existsSync(path.join(dir, `${c}.txt`))).map((c) => [c, readFileSync(path.join(dir, `${c}.txt`), 'utf8')]),
);
const read = performance.now();
const result = buildRulesets(lists, { redirect: { type: 'regex', pageUrl: `chrome-extension://${DEV_CHROME_ID}/blocked.html` } });
const done = performance.now();

const perCategory: Record<string, { hosts: number; rules: number }> = {};
for (const set of result.rulesets) {
  const stats = result.stats.categories[set.id as keyof typeof result.stats.categories];
  perCategory[set.id] = { hosts: stats?.kept ?? new Set(set.rules.flatMap((r) => r.condition.requestDomains ?? [])).size, rules: set.rules.length };
}
for (const [id, s] of Object.entries(result.stats.categories)) {
  console.log(
    `${id.padEnd(9)} in ${String(s.entriesIn).padStart(7)}  kept ${String(s.kept).padStart(7)}  pruned ${String(s.pruned).padStart(6)}  ` +
      `protected ${s.protectedDropped}  rejected ${s.rejected}  rules ${s.rules}`,
  );
}
for (const w of result.warnings) console.log(`warning: ${w}`);
console.log(`read ${Math.round(read - started)} ms, compile ${Math.round(done - read)} ms, ${result.stats.totalRegexRules} regex rules`);
console.log(
  JSON.stringify({
    compileMs: Math.round(done - started),
    totalRules: result.stats.totalRules,
    rulesetBytes: result.stats.rulesetBytes,
    perCategory,
  }),
);
