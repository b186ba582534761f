import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n';
import { unblockErrorMessage } from './blocked-page';

describe('unblockErrorMessage', () => {
  const t = translatorFor('en');
  it('explains each refusal in plain words', () => {
    expect(unblockErrorMessage(t, { ok: false, reason: 'wrong', retryAfterMs: 1000 })).toBe('That PIN is not right.');
    expect(unblockErrorMessage(t, { ok: false, reason: 'locked', retryAfterMs: 29_001 })).toBe('Too many tries. Try again in 30 seconds.');
    expect(unblockErrorMessage(t, { ok: false, reason: 'no-pin', retryAfterMs: 0 })).toMatch(/No parent PIN/);
    expect(unblockErrorMessage(t, { ok: false, reason: 'bad-site', retryAfterMs: 0 })).toMatch(/example\.com/);
    expect(unblockErrorMessage(t, { ok: false, reason: 'locked-by-policy', retryAfterMs: 0 })).toMatch(/school/);
  });
  it('is translated', () => {
    expect(unblockErrorMessage(translatorFor('de'), { ok: false, reason: 'wrong', retryAfterMs: 0 })).toBe('Diese PIN stimmt nicht.');
  });
});
