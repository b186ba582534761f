import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRulesets, ruleResources, type BuildResult } from './build';
import { CATEGORIES, LIST_CATEGORIES, type ListCategory } from './categories';
import { RuleLimitError } from './limits';
import { matchRequest } from './match';
import { FALSE_POSITIVES, HELP_SITES, PROTECTED_SITES } from './protected';
import { PRIORITY } from './types';

const redirect = { type: 'regex', pageUrl: 'chrome-extension://abc/blocked.html' } as const;
const tiny: Partial<Record<ListCategory, string>> = {
  adult: 'porn.example\nwww.porn.example\nscarleteen.com\ndmm.com\n',
  dating: 'eventbrite.com\ndate.example\n',
  gambling: 'bet.example\n',
};

describe('buildRulesets (small input)', () => {
  const result = buildRulesets(tiny, { redirect });

  it('emits one ruleset per category plus safesearch and protected, in the manifest shape', () => {
    expect(result.rulesets.map((r) => r.id)).toEqual([...CATEGORIES, 'protected']);
    expect(ruleResources(result.rulesets)[0]).toEqual({ id: 'adult', enabled: true, path: 'rulesets/adult.json' });
    expect(JSON.parse(result.rulesets[0]!.json)).toEqual(result.rulesets[0]!.rules);
  });

  it('writes stats per category and totals', () => {
    expect(result.stats.categories.adult).toMatchObject({ entriesIn: 4, kept: 1, pruned: 1, protectedDropped: 2, rules: 1 });
    expect(result.stats.totalRules).toBe(result.rulesets.reduce((n, r) => n + r.rules.length, 0));
    expect(result.stats.rulesetBytes).toBeGreaterThan(0);
    expect(result.warnings.filter((w) => w.startsWith('No list'))).toHaveLength(LIST_CATEGORIES.length - 3);
  });

  it('blocks a listed domain and its subdomains, with the right category', () => {
    for (const url of ['http://porn.example/', 'https://a.b.porn.example/x?y=1']) {
      expect(matchRequest(result.rulesets, url)?.ruleset).toBe('adult');
      expect(matchRequest(result.rulesets, url, 'sub_frame')?.ruleset).toBe('adult');
    }
    expect(matchRequest(result.rulesets, 'http://bet.example/')?.ruleset).toBe('gambling');
    expect(matchRequest(result.rulesets, 'http://unlisted.example/')).toBeNull();
    expect(matchRequest(result.rulesets, 'http://porn.example/pic.png', 'image')).toBeNull();
  });

  it('fails the build with a clear message when a limit would be exceeded', () => {
    const limits = { ...result.stats.limits, staticRules: 5 };
    expect(() => buildRulesets(tiny, { redirect, limits })).toThrow(RuleLimitError);
    expect(() => buildRulesets(tiny, { redirect, limits })).toThrow(/static rules exceed the limit of 5/);
  });
});

describe('protected sites', () => {
  it('each entry names its source and is a valid host', () => {
    for (const site of PROTECTED_SITES) {
      expect(site.source.length, site.host).toBeGreaterThan(5);
      expect(site.host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
    expect(FALSE_POSITIVES.map((s) => s.host).sort()).toEqual(['dmm.com', 'eventbrite.com', 'ke.com', 'telegra.ph']);
  });

  it('help sites win over every list and a parent block; false positives over lists only', () => {
    const everything = Object.fromEntries(
      LIST_CATEGORIES.map((c) => [c, [...HELP_SITES, ...FALSE_POSITIVES].flatMap((s) => [s.host, `www.${s.host}`]).join('\n')]),
    );
    const { rulesets } = buildRulesets(everything, { redirect });
    const parentBlock = {
      id: 'dynamic',
      rules: [{ id: 2, priority: PRIORITY.parentBlock, action: { type: 'block' as const }, condition: { requestDomains: PROTECTED_SITES.map((s) => s.host), resourceTypes: ['main_frame' as const] } }],
    };
    for (const site of HELP_SITES) {
      expect(matchRequest([...rulesets, parentBlock], `https://www.${site.host}/help`)?.rule.action.type, site.host).toBe('allowAllRequests');
    }
    for (const site of FALSE_POSITIVES) {
      expect(matchRequest(rulesets, `https://${site.host}/`)?.rule.action.type).toBe('allowAllRequests');
      expect(matchRequest([...rulesets, parentBlock], `https://${site.host}/`)?.rule.action.type).toBe('block');
    }
  });
});

describe('safe search', () => {
  const { rulesets } = buildRulesets({}, { redirect });
  const params = (url: string) => matchRequest(rulesets, url)?.rule.action.redirect?.transform?.queryTransform?.addOrReplaceParams;
  it('adds the strict parameter of each engine', () => {
    expect(params('https://www.google.com/search?q=x')).toEqual([{ key: 'safe', value: 'active' }]);
    expect(params('https://www.google.co.uk/search?q=x')).toEqual([{ key: 'safe', value: 'active' }]);
    expect(params('https://www.bing.com/search?q=x')).toEqual([{ key: 'adlt', value: 'strict' }]);
    expect(params('https://duckduckgo.com/?q=x')).toEqual([{ key: 'kp', value: '1' }]);
    expect(params('https://www.google.com/maps')).toBeUndefined();
  });
  it('never redirects a URL that already has the parameter (no loop in any browser)', () => {
    for (const url of ['https://www.google.com/search?q=x&safe=active', 'https://www.bing.com/search?q=x&adlt=strict', 'https://duckduckgo.com/?q=x&kp=1']) {
      expect(matchRequest(rulesets, url)?.rule.action.type, url).toBe('allow');
    }
  });
  it('sets YouTube-Restrict, Strict winning while both rules are on', () => {
    for (const type of ['main_frame', 'sub_frame', 'xmlhttprequest'] as const) {
      const m = matchRequest(rulesets, 'https://www.youtube.com/watch?v=1', type);
      expect(m?.rule.action.requestHeaders).toEqual([{ header: 'YouTube-Restrict', operation: 'set', value: 'Strict' }]);
    }
  });
});

const dir = process.env.HAVEN_BLOCKLISTS ?? resolve(import.meta.dirname, '../../../shared/data/blocklists');
describe.runIf(existsSync(resolve(dir, 'adult.txt')))('the shipped lists', () => {
  let result: BuildResult;
  beforeAll(() => {
    const lists = Object.fromEntries(LIST_CATEGORIES.map((c) => [c, readFileSync(resolve(dir, `${c}.txt`), 'utf8')]));
    result = buildRulesets(lists, { redirect });
  });

  it('fit every limit with all ~690k hosts included', () => {
    const hosts = Object.values(result.stats.categories).reduce((n, s) => n + s.kept, 0);
    expect(hosts).toBeGreaterThan(600_000);
    expect(result.stats.totalRules).toBeLessThan(100);
    expect(result.stats.totalRegexRules).toBeLessThan(100);
    for (const set of result.rulesets) for (const rule of set.rules) expect(rule.condition.requestDomains?.length ?? 0).toBeLessThanOrEqual(50_000);
  });

  it('never block a protected site, and allow the known false positives', () => {
    for (const site of PROTECTED_SITES) {
      for (const url of [`https://${site.host}/`, `https://www.${site.host}/`]) {
        const m = matchRequest(result.rulesets, url);
        expect(m?.rule.action.type, url).toBe('allowAllRequests');
      }
    }
  });

  it('leave popular general sites alone', () => {
    const popular = ['google.com', 'youtube.com', 'wikipedia.org', 'amazon.com', 'reddit.com', 'github.com', 'bbc.co.uk', 'khanacademy.org', 'scratch.mit.edu', 'roblox.com', 'twitch.tv', 'discord.com', 'instagram.com', 'tiktok.com'];
    for (const host of popular) {
      const m = matchRequest(result.rulesets, `https://www.${host}/`);
      expect(m === null || m.ruleset === 'safesearch', host).toBe(true);
    }
  });

  it('block known entries of each list', () => {
    expect(matchRequest(result.rulesets, 'https://www.pornhub.com/')?.ruleset).toBe('adult');
    expect(matchRequest(result.rulesets, 'https://bet365.com/')?.ruleset).toMatch(/gambling|malware/);
  });
});
