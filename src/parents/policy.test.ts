import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enforceOnEdit, isLocked, mergePolicy } from './policy';
import { defaultSettings } from '../settings/defaults';
import { settingsCheck } from '../settings/validate';
import { CATEGORIES } from '../rules/categories';
import { LABELS } from '../classifier/types';

const base = defaultSettings('13-15', 'GB', 'en');

describe('managed policy merge', () => {
  it('changes nothing without a policy', () => {
    for (const managed of [undefined, null, {}, [], 'x']) {
      const r = mergePolicy(base, managed);
      expect(r).toMatchObject({ settings: base, present: false, lockedAll: false, locked: [] });
    }
  });

  it('applies every managed field, locks it, and keeps the result valid settings', () => {
    const r = mergePolicy(base, {
      categories: { dating: true, gambling: false },
      allowSites: ['https://Homework.example/path'],
      blockSites: ['chat.example'],
      sensitivity: { grooming: 'high' },
      warningStyle: { hate: 'blur' },
      country: 'de',
      language: 'de',
      reportEndpoint: 'https://reports.school.example/intake',
    });
    expect(r.present).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.settings).toMatchObject({
      categories: { dating: true, gambling: false },
      allowSites: ['homework.example'],
      blockSites: ['chat.example'],
      sensitivity: { grooming: 'high', bullying: 'medium' },
      warningStyle: { hate: 'blur' },
      country: 'DE',
      language: 'de',
      reportEndpoint: 'https://reports.school.example/intake',
    });
    expect(r.locked.sort()).toEqual(
      ['allowSites', 'blockSites', 'categories.dating', 'categories.gambling', 'country', 'language', 'reportEndpoint', 'sensitivity.grooming', 'warningStyle.hate'].sort(),
    );
    expect(settingsCheck(r.settings, '').ok).toBe(true);
    expect(isLocked(r, 'country')).toBe(true);
    expect(isLocked(r, 'categories.adult')).toBe(false);
  });

  it('ignores malformed values one by one and says why', () => {
    const r = mergePolicy(base, {
      categories: { gambling: 'yes', nope: true },
      sensitivity: { grooming: 'extreme' },
      country: 'Germany',
      reportEndpoint: 'http://evil.example/',
      blockSites: ['ok.example', 42, 'not a host'],
      locked: 'true',
    });
    expect(r.settings.categories.gambling).toBe(base.categories.gambling);
    expect(r.settings.sensitivity.grooming).toBe(base.sensitivity.grooming);
    expect(r.settings.country).toBe('GB');
    expect(r.settings.reportEndpoint).toBeNull();
    expect(r.settings.blockSites).toEqual(['ok.example']);
    expect(r.lockedAll).toBe(false);
    expect(r.problems.length).toBeGreaterThanOrEqual(7);
    expect(settingsCheck(r.settings, '').ok).toBe(true);
  });

  it('locks everything with locked: true and ignores local edits then', () => {
    const r = mergePolicy(base, { locked: true });
    expect(r.lockedAll).toBe(true);
    expect(isLocked(r, 'categories.adult')).toBe(true);
    const edited = { ...base, country: 'FR' };
    expect(enforceOnEdit(edited, base, { locked: true }).country).toBe('GB');
  });

  it('a managed block beats the parent\'s own allow (also of a subdomain), unless the policy allows it too', () => {
    const edited = { ...base, allowSites: ['game.example', 'www.game.example', 'ok.example', 'school.game.example'] };
    const r = mergePolicy(edited, { blockSites: ['game.example'], allowSites: ['school.game.example'] });
    expect(r.settings.allowSites).toEqual(['ok.example', 'school.game.example']);
  });

  it('keeps managed sites even when a parent removes them', () => {
    const edited = { ...base, blockSites: [] };
    expect(enforceOnEdit(edited, base, { blockSites: ['chat.example'] }).blockSites).toEqual(['chat.example']);
  });
});

describe('managed_schema (public/managed-schema.json)', () => {
  const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../public/managed-schema.json'), 'utf8'));
  const manifestConfig = readFileSync(path.resolve(import.meta.dirname, '../../wxt.config.ts'), 'utf8');

  it('follows Chrome’s rules: top-level object, no additionalProperties, one type per schema', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    const walk = (node: Record<string, any>, at: string): void => {
      expect(typeof node.type, at).toBe('string');
      for (const [k, child] of Object.entries(node.properties ?? {})) walk(child as Record<string, any>, `${at}.${k}`);
      if (node.items) walk(node.items, `${at}[]`);
    };
    walk(schema, 'schema');
    expect(manifestConfig).toContain("managed_schema: 'managed-schema.json'");
  });

  it('declares exactly the fields the merge reads, with every category and label', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(
      ['allowSites', 'blockSites', 'categories', 'country', 'language', 'locked', 'reportEndpoint', 'sensitivity', 'warningStyle'].sort(),
    );
    expect(Object.keys(schema.properties.categories.properties)).toEqual([...CATEGORIES]);
    expect(Object.keys(schema.properties.sensitivity.properties)).toEqual([...LABELS]);
    expect(Object.keys(schema.properties.warningStyle.properties)).toEqual([...LABELS]);
  });

  it('the README example policy is accepted by the merge without problems', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/parents.md'), 'utf8');
    const block = /<!-- policy-example -->\s*```json\n([\s\S]*?)```/.exec(doc);
    expect(block, 'docs/parents.md has a ```json block after <!-- policy-example -->').toBeTruthy();
    const r = mergePolicy(base, JSON.parse(block![1]!));
    expect(r.problems).toEqual([]);
    expect(r.present).toBe(true);
  });
});
