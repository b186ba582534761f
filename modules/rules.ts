import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { buildRulesets, ruleResources, STATS_FILE, type BuildResult } from '../src/rules/build';
import { LIST_CATEGORIES } from '../src/rules/categories';
import { rulesetNotice } from '../src/rules/sources';
import type { RedirectTarget } from '../src/rules/compile';
import { BLOCKED_PAGE } from '../src/rules/types';
import { DEV_CHROME_ID } from '../src/lib/extension-id';

/**
 * Compiles the category blocklists (`../shared/data/blocklists`, or `HAVEN_BLOCKLISTS`) into one static DNR
 * ruleset per category at build time, plus `safesearch` and `protected`; writes them to `rulesets/<id>.json` in the
 * build output with `rulesets/stats.json`, and lists them in `declarative_net_request.rule_resources`. The build
 * fails with the list of exceeded limits if the result would not load in Chrome or Firefox. Rulesets are build
 * output, never committed.
 *
 * Redirect target: Chrome builds know their extension id (dev/test: the pinned key; store builds: `HAVEN_CHROME_ID`),
 * so their rules redirect with `regexSubstitution` and the blocked page receives the blocked URL. Firefox gives each
 * install a random moz-extension UUID, so its rules use `extensionPath` and the page gets the category only.
 */
export default defineWxtModule({
  name: 'haven-rules',
  setup(wxt) {
    let built: BuildResult | undefined;

    const redirectTarget = (): RedirectTarget => {
      if (wxt.config.browser === 'firefox') return { type: 'path' };
      const id = process.env.HAVEN_RELEASE === '1' ? process.env.HAVEN_CHROME_ID : (process.env.HAVEN_CHROME_ID ?? DEV_CHROME_ID);
      if (!id) {
        wxt.logger.warn('haven-rules: HAVEN_CHROME_ID is not set for this release build; the blocked page will not show the blocked URL.');
        return { type: 'path' };
      }
      if (!/^[a-p]{32}$/.test(id)) throw new Error(`haven-rules: HAVEN_CHROME_ID "${id}" is not a Chrome extension id.`);
      return { type: 'regex', pageUrl: `chrome-extension://${id}${BLOCKED_PAGE}` };
    };

    const build = (): BuildResult => {
      if (built) return built;
      const dir = resolve(wxt.config.root, process.env.HAVEN_BLOCKLISTS ?? '../shared/data/blocklists');
      if (!existsSync(dir)) {
        throw new Error(`haven-rules: blocklist directory ${dir} not found. Set HAVEN_BLOCKLISTS to the folder holding <category>.txt.`);
      }
      const started = performance.now();
      const lists = Object.fromEntries(
        LIST_CATEGORIES.filter((c) => existsSync(resolve(dir, `${c}.txt`))).map((c) => [c, readFileSync(resolve(dir, `${c}.txt`), 'utf8')]),
      );
      built = buildRulesets(lists, { redirect: redirectTarget() }); // throws RuleLimitError with every exceeded limit
      for (const warning of built.warnings) wxt.logger.warn(`haven-rules: ${warning}`);
      wxt.logger.info(
        `haven-rules: ${built.rulesets.length} rulesets, ${built.stats.totalRules} rules (${built.stats.totalRegexRules} regex), ` +
          `${(built.stats.rulesetBytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms (${built.stats.redirect} redirect)`,
      );
      return built;
    };

    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      const result = build();
      for (const set of result.rulesets) files.push({ relativeDest: set.path, contents: set.json });
      files.push({ relativeDest: STATS_FILE, contents: JSON.stringify(result.stats, null, 2) });
      // CC BY-SA 4.0 (UT1) requires attribution with the adapted data itself.
      files.push({ relativeDest: 'rulesets/NOTICE.txt', contents: rulesetNotice() });
    });

    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      const result = build();
      const m = manifest as typeof manifest & { declarative_net_request?: { rule_resources?: unknown[] } };
      m.declarative_net_request = { ...m.declarative_net_request, rule_resources: ruleResources(result.rulesets) };
    });

    // Each build (e.g. `wxt build` for Chrome, then Firefox in one process) recompiles for its own browser.
    wxt.hooks.hook('build:before', () => {
      built = undefined;
    });
  },
});
