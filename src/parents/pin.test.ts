import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hashPin, lockoutMs, verifyPin, PIN_ITERATIONS } from './pin';
import { checkParentPin, pinItem, setParentPin } from './pin-store';

describe('parent PIN', () => {
  it('stores only a salted PBKDF2 hash with ≥ 100,000 iterations', async () => {
    const a = await hashPin('4821', 1000);
    const b = await hashPin('4821', 1000);
    expect(a.algorithm).toBe('PBKDF2-SHA-256');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('4821');
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(100_000);
  });

  it('verifies the right PIN and refuses wrong ones', async () => {
    const record = await hashPin('4821', 1000);
    expect(await verifyPin('4821', record)).toBe(true);
    expect(await verifyPin('4822', record)).toBe(false);
    expect(await verifyPin('', record)).toBe(false);
  });

  it('refuses PINs that are not 4–12 digits', async () => {
    await expect(hashPin('12a4')).rejects.toThrow('4 to 12 digits');
    await expect(hashPin('123')).rejects.toThrow();
  });

  it('grows the delay after the third mistake and caps it at 15 minutes', () => {
    expect([0, 1, 2].map(lockoutMs)).toEqual([0, 0, 0]);
    expect(lockoutMs(3)).toBe(5_000);
    expect(lockoutMs(4)).toBe(10_000);
    expect(lockoutMs(30)).toBe(15 * 60_000);
  });
});

describe('checkParentPin (rate limited)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says when no PIN is set', async () => {
    expect(await checkParentPin('1234')).toEqual({ ok: false, reason: 'no-pin', retryAfterMs: 0 });
  });

  it('locks after repeated mistakes, even for the right PIN, until the delay passed', async () => {
    await setParentPin('1234');
    expect((await pinItem.getValue())?.iterations).toBe(PIN_ITERATIONS);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect((await checkParentPin('9999', t0)).ok).toBe(false);
    expect(await checkParentPin('1234', t0 + 1000)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 4000 });
    expect(await checkParentPin('1234', t0 + 5000)).toEqual({ ok: true });
    // Success resets the counter: the next typo is not delayed.
    expect(await checkParentPin('0000', t0 + 6000)).toEqual({ ok: false, reason: 'wrong', retryAfterMs: 0 });
  });

  it('cannot be bypassed by guessing in parallel: the lockout applies from the third mistake on', async () => {
    await setParentPin('1234');
    const t0 = 1_000_000;
    const guesses = ['0000', '1111', '2222', '3333', '1234', '5555'].map((pin) => checkParentPin(pin, t0));
    const results = await Promise.all(guesses);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'locked', 'locked', 'locked']);
  });
});
