import { describe, expect, it } from 'vitest';
import { checkStaticLimits, LIMITS } from './limits';
import type { Rule } from './types';

const rule = (id: number, extra: Partial<Rule['condition']> = {}): Rule => ({
  id,
  priority: 1,
  action: { type: 'block' },
  condition: { requestDomains: ['a.example'], ...extra },
});
const rules = (n: number, extra?: Partial<Rule['condition']>) => Array.from({ length: n }, (_, i) => rule(i + 1, extra));

describe('checkStaticLimits', () => {
  it('accepts a set that fits', () => {
    expect(checkStaticLimits([{ id: 'a', rules: rules(10), enabled: true }])).toEqual([]);
  });
  it('enforces Firefox’s 30,000 static rules in total', () => {
    const errors = checkStaticLimits([
      { id: 'a', rules: rules(20_000), enabled: true },
      { id: 'b', rules: rules(10_001), enabled: true },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/30001 static rules exceed the limit of 30000 .*a=20000, b=10001/);
  });
  it('enforces the ruleset counts (100 static, 20 enabled at once)', () => {
    const sets = Array.from({ length: 101 }, (_, i) => ({ id: `s${i}`, rules: [], enabled: i < 21 }));
    const errors = checkStaticLimits(sets);
    expect(errors.some((e) => e.includes('101 static rulesets'))).toBe(true);
    expect(errors.some((e) => e.includes('21 rulesets may be enabled'))).toBe(true);
  });
  it('enforces the 1,000 regex rules and the regex size', () => {
    expect(checkStaticLimits([{ id: 'r', rules: rules(1_001, { regexFilter: '^https?://.*$' }), enabled: true }])).toEqual([
      `1001 regex rules exceed the limit of ${LIMITS.regexRules}.`,
    ]);
    expect(checkStaticLimits([{ id: 'r', rules: [rule(1, { regexFilter: `^${'a'.repeat(300)}$` })], enabled: true }])[0]).toMatch(
      /Regex of rule r#1 has 302 characters/,
    );
  });
  it('rejects duplicate ids and empty requestDomains', () => {
    const errors = checkStaticLimits([{ id: 'x', rules: [rule(1), rule(1), rule(2, { requestDomains: [] })], enabled: true }]);
    expect(errors).toEqual(['Ruleset x: duplicate rule id 1.', 'Ruleset x: rule 2 has an empty requestDomains (it would match every domain).']);
  });
});
