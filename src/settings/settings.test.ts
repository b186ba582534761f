import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from './defaults';
import { repairSettings, settingsCheck } from './validate';
import { settingsItem } from '../storage/items';

describe('settings defaults', () => {
  it('blocks dating under 16 and everything harmful at every age', () => {
    expect(defaultSettings('13-15').categories.dating).toBe(true);
    expect(defaultSettings('16-17').categories.dating).toBe(false);
    expect(defaultSettings('16-17').categories.adult).toBe(true);
    expect(defaultSettings('under9').sensitivity.bullying).toBe('high');
    expect(defaultSettings('16-17').sensitivity.bullying).toBe('medium');
  });

  it('blurs grooming and sexual messages, labels the rest', () => {
    const s = defaultSettings();
    expect(s.warningStyle).toMatchObject({ grooming: 'blur', sexual: 'blur', bullying: 'label' });
  });

  it('are valid settings', () => {
    expect(settingsCheck(defaultSettings('9-12', 'DE', 'de'), '').ok).toBe(true);
  });

  it('refuse a plain-http report endpoint except loopback', () => {
    const s = defaultSettings();
    expect(settingsCheck({ ...s, reportEndpoint: 'http://example.org/reports' }, '').ok).toBe(false);
    expect(settingsCheck({ ...s, reportEndpoint: 'http://127.0.0.1:8080/reports' }, '').ok).toBe(true);
    expect(settingsCheck({ ...s, reportEndpoint: 'https://safeguarding.school.example/reports' }, '').ok).toBe(true);
  });
});

describe('repairSettings', () => {
  it('keeps a valid value untouched', () => {
    const s = defaultSettings('13-15', 'FR', 'fr');
    expect(repairSettings(s)).toEqual({ settings: s, repaired: [] });
  });

  it('fills fields missing in an older value and repairs malformed ones with safe defaults', () => {
    const old = { country: 'DE', language: 'de', ageBand: '13-15', categories: { adult: false }, sensitivity: 'high' };
    const { settings, repaired } = repairSettings(old);
    expect(settings.country).toBe('DE');
    expect(settings.language).toBe('de');
    expect(settings.categories.adult).toBe(true); // an incomplete map is not trusted: safe default
    expect(repaired).toEqual(expect.arrayContaining(['categories', 'sensitivity', 'warningStyle', 'allowSites']));
  });

  it('survives garbage', () => {
    expect(repairSettings('{').repaired).toEqual(['*']);
    expect(repairSettings(null).settings).toEqual(defaultSettings());
  });
});

describe('settings storage item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to defaults and stores what is set', async () => {
    expect(await settingsItem.getValue()).toEqual(defaultSettings());
    await settingsItem.setValue(defaultSettings('16-17'));
    const stored = (await fakeBrowser.storage.local.get('settings')) as { settings: { ageBand: string } };
    expect(stored.settings.ageBand).toBe('16-17');
  });

  it('refuses to run with data from a newer schema (downgrade) instead of corrupting it', async () => {
    await fakeBrowser.storage.local.set({ settings: defaultSettings(), settings$: { v: 7 } });
    vi.resetModules();
    const fresh = await import('../storage/items');
    await expect(fresh.settingsItem.migrate()).rejects.toThrow('Version downgrade');
  });
});
