import { storage } from 'wxt/utils/storage';
import { hashPin, lockoutMs, verifyPin, type PinRecordV1 } from './pin';
import { serial } from '../lib/serial';

export const pinItem = storage.defineItem<PinRecordV1 | null>('local:pin', { version: 1, fallback: null });
export const pinAttemptsItem = storage.defineItem<{ failures: number; lastFailureAt: number }>('local:pinAttempts', {
  version: 1,
  fallback: { failures: 0, lastFailureAt: 0 },
});

export type PinCheck = { ok: true } | { ok: false; reason: 'no-pin' | 'wrong' | 'locked'; retryAfterMs: number };

const attemptsQueue = serial();

/**
 * Checks a parent PIN with the growing lockout; only the background calls this. Checks run one at a time: in
 * parallel, a burst of guesses (from the blocked page's or options page's console) would all read "no failures
 * yet" and be verified before the first failure was recorded, bypassing the lockout.
 */
export function checkParentPin(pin: string, at?: number): Promise<PinCheck> {
  return attemptsQueue(async () => {
    const now = at ?? Date.now();
    const record = await pinItem.getValue();
    if (!record) return { ok: false, reason: 'no-pin', retryAfterMs: 0 };
    const attempts = await pinAttemptsItem.getValue();
    const wait = attempts.lastFailureAt + lockoutMs(attempts.failures) - now;
    if (wait > 0) return { ok: false, reason: 'locked', retryAfterMs: wait };
    if (await verifyPin(pin, record)) {
      if (attempts.failures) await pinAttemptsItem.setValue({ failures: 0, lastFailureAt: 0 });
      return { ok: true };
    }
    const failures = attempts.failures + 1;
    await pinAttemptsItem.setValue({ failures, lastFailureAt: now });
    return { ok: false, reason: 'wrong', retryAfterMs: lockoutMs(failures) };
  });
}

export async function setParentPin(pin: string): Promise<void> {
  await pinItem.setValue(await hashPin(pin));
  await pinAttemptsItem.setValue({ failures: 0, lastFailureAt: 0 });
}
