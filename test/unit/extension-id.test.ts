import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_CHROME_ID, DEV_PUBLIC_KEY } from '../../src/lib/extension-id';

describe('pinned extension id', () => {
  it('is derived from the manifest key the way Chrome derives it', () => {
    const hex = createHash('sha256').update(Buffer.from(DEV_PUBLIC_KEY, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
    expect(id).toBe(DEV_CHROME_ID);
  });
});
