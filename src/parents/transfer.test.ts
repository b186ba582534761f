import { describe, expect, it } from 'vitest';
import { exportFileName, exportSettings, parseSettingsFile } from './transfer';
import { defaultSettings } from '../settings/defaults';

const settings = { ...defaultSettings('9-12', 'NL', 'nl'), blockSites: ['chat.example'], contact: { name: 'A', email: 'a@b.example', phone: '' } };

describe('settings export and import', () => {
  it('round-trips the settings and nothing else', () => {
    const text = exportSettings(settings, new Date('2026-11-22T10:00:00Z'));
    const file = JSON.parse(text);
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'settings', 'version']);
    expect(text).not.toMatch(/pin|hash|salt|stats/i);
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings });
    expect(exportFileName(new Date('2026-11-22T10:00:00Z'))).toBe('haven-settings-2026-11-22.json');
  });

  it('refuses bad files with a clear reason', () => {
    expect(parseSettingsFile('{not json')).toMatchObject({ ok: false, error: 'not-json' });
    expect(parseSettingsFile('[]')).toMatchObject({ ok: false, error: 'not-haven' });
    expect(parseSettingsFile(JSON.stringify({ format: 'other', settings }))).toMatchObject({ ok: false, error: 'not-haven' });
    expect(parseSettingsFile(JSON.stringify({ format: 'haven-settings', version: 2, settings }))).toMatchObject({ ok: false, error: 'newer-version' });
    expect(parseSettingsFile(' '.repeat(1_000_001))).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('lists the invalid values of a malformed file', () => {
    const bad = { format: 'haven-settings', version: 1, settings: { ...settings, country: 'Netherlands', reportEndpoint: 'http://x.example', extra: 1 } };
    const r = parseSettingsFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('invalid');
    expect(r.details.join('\n')).toMatch(/settings\.country/);
    expect(r.details.join('\n')).toMatch(/settings\.reportEndpoint/);
    expect(r.details.join('\n')).toMatch(/settings\.extra: unknown field/);
  });

  it('refuses a file with a missing field rather than guessing', () => {
    const { sensitivity: _dropped, ...partial } = settings;
    expect(parseSettingsFile(JSON.stringify({ format: 'haven-settings', version: 1, settings: partial }))).toMatchObject({ ok: false, error: 'invalid' });
  });
});
