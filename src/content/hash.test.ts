import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { quickHash, sha256, sha256Hex } from './hash';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('hashes', () => {
  it('pure SHA-256 matches node:crypto on edge lengths and any script', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'd'.repeat(1000), 'مرحبا 😂 Grüße 你好']) {
      const bytes = new TextEncoder().encode(text);
      expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('sha256Hex gives 64 lower-case hex digits', async () => {
    expect(await sha256Hex('shut up')).toBe(createHash('sha256').update('shut up').digest('hex'));
  });

  it('quickHash separates texts and is stable', () => {
    expect(quickHash('hello')).toBe(quickHash('hello'));
    expect(quickHash('hello')).not.toBe(quickHash('hellp'));
    expect(quickHash('')).toMatch(/:0$/);
  });
});
