/**
 * Parent PIN hashing and checking. The PIN is stored only as PBKDF2-SHA-256 (WebCrypto, random 16-byte salt,
 * 210,000 iterations — OWASP's 2023 figure for PBKDF2-HMAC-SHA256, above the 100,000 the design asks for).
 * Pure apart from `crypto`, which Node 20 and every browser context provide as `globalThis.crypto`.
 */
export const PIN_ITERATIONS = 210_000;

export interface PinRecordV1 {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of the 256-bit derived key */
  hash: string;
}

/** 4 to 12 digits: short enough for a parent to type, long enough with the rate limit below. */
export const PIN_PATTERN = /^\d{4,12}$/;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinRecordV1> {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('The PIN must be 4 to 12 digits.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations)) };
}

export async function verifyPin(pin: string, record: PinRecordV1): Promise<boolean> {
  if (typeof pin !== 'string' || pin.length > 64) return false;
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  const expected = fromBase64(record.hash);
  // Constant-time comparison: no early exit on the first differing byte.
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}

/**
 * Growing delay after wrong PINs: none for the first 3 mistakes (typos), then 5 s doubling up to 15 min.
 * A child guessing 4 digits would need weeks; a parent with a typo is never slowed.
 */
export function lockoutMs(consecutiveFailures: number): number {
  if (consecutiveFailures < 3) return 0;
  return Math.min(5_000 * 2 ** (consecutiveFailures - 3), 15 * 60_000);
}
