import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it('applies NFKC and lowercases (fullwidth, math alphanumerics)', () => {
    expect(normalizeText('You are ＳＴＵＰＩＤ')).toBe('you are stupid');
    expect(normalizeText('𝐲𝐨𝐮 𝐢𝐝𝐢𝐨𝐭')).toBe('you idiot');
  });
  it('removes zero-width and invisible characters', () => {
    expect(normalizeText('i\u200bd\u200ci\u200do\u2060t\ufeff')).toBe('idiot');
    expect(normalizeText('lo\u00adser')).toBe('loser');
  });
  it('strips combining marks (zalgo, accents)', () => {
    expect(normalizeText('s̸t̸u̸p̸i̸d̸')).toBe('stupid');
    expect(normalizeText('Z̷̢a̶l̵g̴o')).toBe('zalgo');
  });
  it('maps homoglyphs in mixed-script words but keeps real Cyrillic text', () => {
    expect(normalizeText('ѕtupіd')).toBe('stupid'); // Cyrillic ѕ, і
    expect(normalizeText('idіоt')).toBe('idiot');
    expect(normalizeText('привет как дела')).toBe('привет как дела');
  });
  it('undoes leetspeak inside words', () => {
    expect(normalizeText('st00pid')).toBe('stopid'.replace('stopid', 'stoopid'));
    expect(normalizeText('b!tch')).toBe('bitch');
    expect(normalizeText('sh1t')).toBe('shit');
    expect(normalizeText('$hit')).toBe('shit');
    expect(normalizeText('a$$')).toBe('ass');
    expect(normalizeText('l0s3r')).toBe('loser');
  });
  it('keeps numbers, ages and ordinary punctuation', () => {
    expect(normalizeText('im 14yo and 13 years')).toBe('im 14yo and 13 years');
    expect(normalizeText('what!? 100% no.')).toBe('what!? 100% no.');
    expect(normalizeText('call me at 5pm')).toBe('call me at 5pm');
  });
  it('joins s p a c e d letters', () => {
    expect(normalizeText('you are a s t u p i d loser')).toBe('you are a stupid loser');
    expect(normalizeText('a.s.s.h.o.l.e')).toBe('asshole');
    expect(normalizeText('l-o-s-e-r')).toBe('loser');
  });
  it('collapses repeated letters', () => {
    expect(normalizeText('stuuuuupid looooser')).toBe('stupid loser');
    expect(normalizeText('!!!!!')).toBe('!');
    expect(normalizeText('good')).toBe('good');
  });
  it('maps emoji to words', () => {
    expect(normalizeText('you 🐷 🔪')).toBe('you pig knife');
    expect(normalizeText('🍆💦')).toBe('eggplant splash');
    expect(normalizeText('hi 🦄')).toBe('hi emoji');
    expect(normalizeText('👍🏽')).toBe('emoji');
  });
  it('normalizes mentions and urls', () => {
    expect(normalizeText('@SomeUser look https://x.com/a?b=1')).toBe('@user look url');
  });
  it('never throws, on any input', () => {
    for (const v of [null, undefined, 42, {}, [], '\ud800', '\u0000\u0001', 'a'.repeat(200000), '🏳️‍🌈'.repeat(1000), '我爱你', 'مرحبا']) {
      expect(() => normalizeText(v as unknown as string)).not.toThrow();
      expect(typeof normalizeText(v as unknown as string)).toBe('string');
    }
    expect(normalizeText('')).toBe('');
    expect(normalizeText('我爱你')).toBe('我爱你');
  });
  it('is idempotent on typical text', () => {
    for (const t of ['Du bist so hässlich!!!', 'st00pid b!tch 🐷', 'ѕ t u p і d']) {
      const n = normalizeText(t);
      expect(normalizeText(n)).toBe(n);
    }
  });
});
