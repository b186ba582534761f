import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The store listing in `store/` is ready to submit: every required text is present and within its limit, every
 * manifest permission is justified, and the screenshots the e2e run produced are there at the stores' size.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const STORE = path.join(ROOT, 'store');
const read = (file: string) => readFileSync(path.join(STORE, file), 'utf8');

const REQUIRED = [
  'README.md',
  'chrome/description.en.md',
  'chrome/description.de.md',
  'amo/description.en.md',
  'amo/description.de.md',
  'privacy-policy.en.md',
  'privacy-policy.de.md',
  'single-purpose.md',
  'permissions.md',
];
const SCREENSHOTS = ['1-setup.png', '2-options.png', '3-summary.png'];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('store listing', () => {
  it('has every file, none empty', () => {
    const missing = REQUIRED.filter((f) => !existsSync(path.join(STORE, f)) || read(f).trim().length < 100);
    expect(missing).toEqual([]);
  });

  it('keeps the summaries within the stores’ limits', () => {
    const en = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8'));
    const de = JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/de/messages.json'), 'utf8'));
    // Chrome Web Store summary = manifest description: at most 132 characters.
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(de.extDescription.message.length).toBeLessThanOrEqual(132);
    for (const lang of ['en', 'de']) {
      const amo = read(`amo/description.${lang}.md`);
      const summary = /## Summary\n\n([\s\S]*?)\n\n## Description/.exec(amo)?.[1] ?? '';
      expect(summary.length, `AMO summary (${lang})`).toBeGreaterThan(50);
      expect(summary.length, `AMO summary (${lang})`).toBeLessThanOrEqual(250);
      expect(read(`chrome/description.${lang}.md`).length).toBeLessThanOrEqual(16_000);
    }
  });

  it('summarises the privacy policy in the AMO description and keeps the policy’s key promises', () => {
    expect(read('amo/description.en.md')).toMatch(/privacy/i);
    const policy = read('privacy-policy.en.md');
    for (const promise of [/on the device/i, /never sent/i, /presses \*\*Send\*\*/, /PBKDF2/, /counts/i, /uninstall/i, /Contact/]) {
      expect(policy).toMatch(promise);
    }
  });

  it('justifies every permission the manifest asks for', () => {
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    const list = (key: string) =>
      [...(new RegExp(`\\b${key}:\\s*\\[([^\\]]*)\\]`).exec(config)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    const permissions = list('permissions');
    expect(permissions).toContain('storage');
    const doc = read('permissions.md');
    const unjustified = [...permissions, ...list('optional_permissions')].filter((p) => !doc.includes(`## \`${p}\``));
    expect(unjustified).toEqual([]);
    for (const host of list('host_permissions')) expect(doc).toContain(`\`${host}\``);
    expect(doc).toContain('data_collection_permissions');
  });

  it('has the store screenshots from the e2e run at 1280×800', () => {
    const dir = path.join(STORE, 'screenshots');
    const present = existsSync(dir) ? readdirSync(dir) : [];
    expect(SCREENSHOTS.filter((s) => !present.includes(s))).toEqual([]);
    for (const shot of SCREENSHOTS) expect(pngSize(path.join(dir, shot))).toEqual({ width: 1280, height: 800 });
  });
});
