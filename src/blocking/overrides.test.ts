import { describe, expect, it } from 'vitest';
import { matchRequest } from '../rules/match';
import { PRIORITY } from '../rules/types';
import { addTempAllow, normalizeSite, overrideRules, planTempAllows, TEMP_ALLOW_FIRST_ID } from './overrides';

const page = 'chrome-extension://abc/blocked.html';
const category = { id: 'adult', rules: [{ id: 1, priority: PRIORITY.category, action: { type: 'redirect' as const }, condition: { requestDomains: ['example.com'], resourceTypes: ['main_frame' as const] } }] };

describe('normalizeSite', () => {
  it('accepts URLs and bare hosts, rejects junk', () => {
    expect(normalizeSite('https://WWW.Example.com/page?q=1')).toBe('www.example.com');
    expect(normalizeSite('example.com/path')).toBe('example.com');
    expect(normalizeSite(' bücher.de ')).toBe('xn--bcher-kva.de');
    expect(normalizeSite('not a site')).toBeNull();
    expect(normalizeSite('javascript:alert(1)')).toBeNull();
  });
});

describe('overrideRules', () => {
  it('is empty without overrides', () => {
    expect(overrideRules([], [], page)).toEqual([]);
  });

  it('packs each kind into one rule with a stable id', () => {
    const rules = overrideRules(['b.example', 'a.example', 'A.example'], ['x.example', 'y.example'], page);
    expect(rules.map((r) => [r.id, r.priority, r.action.type, r.condition.requestDomains])).toEqual([
      [1, PRIORITY.parentAllow, 'allowAllRequests', ['a.example', 'b.example']],
      [2, PRIORITY.parentBlock, 'redirect', ['x.example', 'y.example']],
    ]);
    expect(rules[1]!.action.redirect?.regexSubstitution).toBe(`${page}?c=parent&u=\\0`);
  });

  it('always-allow beats a category, always-block beats nothing protected', () => {
    const sets = (allow: string[], block: string[]) => [category, { id: 'dynamic', rules: overrideRules(allow, block, page) }];
    expect(matchRequest(sets(['example.com'], []), 'http://www.example.com/')?.rule.action.type).toBe('allowAllRequests');
    expect(matchRequest(sets([], ['other.example']), 'http://other.example/')?.ruleset).toBe('dynamic');
  });

  it('resolves conflicts: same host → allow; block under an allowed domain → block', () => {
    const sets = [{ id: 'd', rules: overrideRules(['example.com'], ['example.com', 'chat.example.com'], page) }];
    expect(matchRequest(sets, 'http://example.com/')?.rule.action.type).toBe('allowAllRequests');
    expect(matchRequest(sets, 'http://www.example.com/')?.rule.action.type).toBe('allowAllRequests');
    expect(matchRequest(sets, 'http://chat.example.com/')?.rule.action.type).toBe('redirect');
    expect(matchRequest(sets, 'http://chat.example.com/')?.rule.id).toBe(3);
  });
});

describe('temporary allows', () => {
  it('allocates stable ids, extends an existing host', () => {
    let entries = addTempAllow([], 'a.example', 1_000);
    entries = addTempAllow(entries, 'b.example', 2_000);
    entries = addTempAllow(entries, 'a.example', 5_000);
    expect(entries).toEqual([
      { host: 'a.example', until: 5_000, id: TEMP_ALLOW_FIRST_ID },
      { host: 'b.example', until: 2_000, id: TEMP_ALLOW_FIRST_ID + 1 },
    ]);
  });

  it('plans session rules for unexpired entries and the next expiry', () => {
    const entries = [
      { host: 'a.example', until: 1_000, id: 1000 },
      { host: 'b.example', until: 3_000, id: 1001 },
      { host: 'c.example', until: 2_000, id: 1002 },
    ];
    const plan = planTempAllows(entries, 1_000);
    expect(plan.keep.map((e) => e.host)).toEqual(['b.example', 'c.example']);
    expect(plan.rules.map((r) => [r.id, r.action.type, r.condition.requestDomains])).toEqual([
      [1001, 'allowAllRequests', ['b.example']],
      [1002, 'allowAllRequests', ['c.example']],
    ]);
    expect(plan.nextExpiry).toBe(2_000);
    expect(planTempAllows(entries, 10_000)).toEqual({ keep: [], rules: [], nextExpiry: null });
  });
});
