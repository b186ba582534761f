import { describe, expect, it } from 'vitest';
import { BLOCK_REGEX, compileCategory, fnv1a, packHosts, prepareHosts, type CompileOptions } from './compile';
import { PRIORITY } from './types';

const chrome: CompileOptions = { redirect: { type: 'regex', pageUrl: 'chrome-extension://abc/blocked.html' } };

describe('prepareHosts', () => {
  it('normalises, de-duplicates, counts rejects and prunes subdomains of listed parents', () => {
    const { hosts, stats } = prepareHosts(
      ['Example.com', 'www.example.com', 'a.b.example.com', 'example.com', '10.0.0.1', 'bad host', 'other.org', '', '# comment', 'bücher.de'],
      [],
    );
    expect(hosts).toEqual(['example.com', 'other.org', 'xn--bcher-kva.de']);
    expect(stats).toMatchObject({ entriesIn: 8, kept: 3, duplicates: 1, pruned: 2, rejected: 2, rejectedBy: { ip: 1, syntax: 1 } });
    expect(stats.rejectedExamples).toEqual(['10.0.0.1', 'bad host']);
  });

  it('prunes against any listed ancestor, not just the direct parent', () => {
    const { hosts, stats } = prepareHosts(['x.y.z.example.com', 'example.com', 'z.example.com']);
    expect(hosts).toEqual(['example.com']);
    expect(stats.pruned).toBe(2);
  });

  it('keeps a sibling that merely shares a suffix string', () => {
    expect(prepareHosts(['example.com', 'badexample.com']).hosts).toEqual(['badexample.com', 'example.com']);
  });

  it('drops protected hosts and their subdomains', () => {
    const { hosts, stats } = prepareHosts(['childline.org.uk', 'www.childline.org.uk', 'porn.example'], ['childline.org.uk']);
    expect(hosts).toEqual(['porn.example']);
    expect(stats.protectedDropped).toBe(2);
  });
});

describe('packHosts', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => `host${i}.example${i % 97}.com`);

  it('keeps every host exactly once and respects the chunk size', () => {
    const buckets = packHosts(many, 1_000);
    expect(buckets.flat().sort()).toEqual([...many].sort());
    expect(Math.max(...buckets.map((b) => b.length))).toBeLessThanOrEqual(1_000);
    expect(buckets.length & (buckets.length - 1)).toBe(0); // a power of two
  });

  it('puts a small list in one bucket', () => {
    expect(packHosts(['b.com', 'a.com'], 50_000)).toEqual([['a.com', 'b.com']]);
  });

  it('moves only the bucket of an added host', () => {
    const before = packHosts(many, 1_000);
    const after = packHosts([...many, 'new-host.example.org'], 1_000);
    expect(after.length).toBe(before.length);
    const changed = after.map((b, i) => JSON.stringify(b) !== JSON.stringify(before[i])).filter(Boolean);
    expect(changed).toHaveLength(1);
    expect(after[fnv1a('new-host.example.org') & (after.length - 1)]).toContain('new-host.example.org');
  });
});

describe('compileCategory', () => {
  const lines = Array.from({ length: 3_000 }, (_, i) => `site${i}.example`);

  it('packs hosts into few redirect rules carrying category and URL', () => {
    const { rules, stats } = compileCategory('gambling', lines, { ...chrome, chunkSize: 1_000 });
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules.length).toBeLessThanOrEqual(8);
    expect(stats).toMatchObject({ entriesIn: 3_000, kept: 3_000, rules: rules.length, regexRules: rules.length });
    for (const rule of rules) {
      expect(rule.priority).toBe(PRIORITY.category);
      expect(rule.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
      expect(rule.condition.regexFilter).toBe(BLOCK_REGEX);
      expect(rule.action.redirect?.regexSubstitution).toBe('chrome-extension://abc/blocked.html?c=gambling&u=\\0');
    }
    expect(rules.flatMap((r) => r.condition.requestDomains!).sort()).toEqual([...lines].sort());
  });

  it('falls back to extensionPath (no URL) for a portable build', () => {
    const { rules } = compileCategory('adult', ['x.example'], { redirect: { type: 'path' } });
    expect(rules).toEqual([
      {
        id: 1,
        priority: PRIORITY.category,
        action: { type: 'redirect', redirect: { extensionPath: '/blocked.html?c=adult' } },
        condition: { requestDomains: ['x.example'], resourceTypes: ['main_frame', 'sub_frame'] },
      },
    ]);
  });

  it('gives identical output (ids included) for re-ordered and re-cased input', () => {
    const shuffled = [...lines].reverse().map((l, i) => (i % 3 ? l : l.toUpperCase()));
    const a = compileCategory('drugs', lines, { ...chrome, chunkSize: 1_000 });
    const b = compileCategory('drugs', shuffled, { ...chrome, chunkSize: 1_000 });
    expect(JSON.stringify(b.rules)).toBe(JSON.stringify(a.rules));
    expect(a.rules.map((r) => r.id)).toEqual(b.rules.map((r) => r.id));
  });

  it('emits no rule for an empty list', () => {
    expect(compileCategory('hate', ['', '# nothing'], chrome).rules).toEqual([]);
  });
});
