import { describe, expect, it } from 'vitest';
import { parseBlockedQuery } from './query';

describe('parseBlockedQuery', () => {
  it('reads category and the raw URL, which may contain & and ?', () => {
    expect(parseBlockedQuery('?c=adult&u=http://a.porn.example:8080/x?y=1&z=2#f')).toEqual({
      category: 'adult',
      url: 'http://a.porn.example:8080/x?y=1&z=2#f',
      host: 'a.porn.example',
    });
  });
  it('decodes an encoded URL', () => {
    expect(parseBlockedQuery('?c=gambling&u=https%3A%2F%2Fbet.example%2F').url).toBe('https://bet.example/');
  });
  it('works without URL (Firefox static rules)', () => {
    expect(parseBlockedQuery('?c=malware')).toEqual({ category: 'malware', url: null, host: null });
  });
  it('rejects junk', () => {
    expect(parseBlockedQuery('?c=<script>&u=javascript:alert(1)')).toEqual({ category: null, url: null, host: null });
    expect(parseBlockedQuery('')).toEqual({ category: null, url: null, host: null });
  });
});
