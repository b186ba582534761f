import { describe, expect, it } from 'vitest';
import { hostAndParents, hostMatches, normalizeHost } from './normalize';

describe('normalizeHost', () => {
  it('lower-cases, trims and drops a trailing dot', () => {
    expect(normalizeHost('  WWW.Example.COM.  ')).toEqual({ ok: true, host: 'www.example.com' });
  });
  it('converts IDN to punycode', () => {
    expect(normalizeHost('bücher.de')).toEqual({ ok: true, host: 'xn--bcher-kva.de' });
    expect(normalizeHost('ПРИМЕР.рф')).toEqual({ ok: true, host: 'xn--e1afmkfd.xn--p1ai' });
    expect(normalizeHost('xn--bcher-kva.de')).toEqual({ ok: true, host: 'xn--bcher-kva.de' });
  });
  it('accepts hosts-file and adblock forms', () => {
    expect(normalizeHost('0.0.0.0 ads.example.com')).toEqual({ ok: true, host: 'ads.example.com' });
    expect(normalizeHost('||tracker.example.org^')).toEqual({ ok: true, host: 'tracker.example.org' });
    expect(normalizeHost('example.net # comment')).toEqual({ ok: true, host: 'example.net' });
  });
  it('keeps underscores (real hosts in the UT1 lists)', () => {
    expect(normalizeHost('_video-bagarre.com')).toEqual({ ok: true, host: '_video-bagarre.com' });
  });
  it.each([
    ['', 'empty'],
    ['192.168.1.1', 'ip'],
    ['[::1]', 'ip'],
    ['localhost', 'single-label'],
    ['exa mple.com', 'syntax'],
    ['-bad.com', 'syntax'],
    ['bad-.com', 'syntax'],
    ['a..b.com', 'syntax'],
    [`${'a'.repeat(64)}.com`, 'too-long'],
    ['example.123', 'ip'],
    ['http://example.com/path', 'syntax'],
    ['2001:db8::1', 'ip'],
  ])('rejects %j as %s', (line, reason) => {
    expect(normalizeHost(line)).toEqual({ ok: false, reason });
  });
});

describe('host helpers', () => {
  it('matches a domain and its subdomains only', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('a.b.example.com', 'example.com')).toBe(true);
    expect(hostMatches('badexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com', 'a.example.com')).toBe(false);
  });
  it('lists a host and its parents', () => {
    expect(hostAndParents('a.b.c')).toEqual(['a.b.c', 'b.c', 'c']);
  });
});
