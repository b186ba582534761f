import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults';
import { applyManagedPolicy } from './managed';

describe('applyManagedPolicy', () => {
  const settings = { ...defaultSettings('13-15'), allowSites: ['mine.example'] };

  it('changes nothing without a policy', () => {
    for (const managed of [undefined, null, {}, 'x', []]) {
      const r = applyManagedPolicy(settings, managed);
      expect(r.settings).toEqual(settings);
      expect(r.locked).toEqual([]);
    }
  });

  it('overrides and locks the categories it names', () => {
    const r = applyManagedPolicy(settings, { categories: { dating: false, gambling: true } });
    expect(r.settings.categories.dating).toBe(false);
    expect(r.settings.categories.adult).toBe(true);
    expect(r.locked).toEqual(['categories.dating', 'categories.gambling']);
  });

  it('adds managed sites to the parent’s and locks the lists', () => {
    const r = applyManagedPolicy(settings, { allowSites: ['school.example'], blockSites: ['game.example'] });
    expect(r.settings.allowSites).toEqual(['mine.example', 'school.example']);
    expect(r.settings.blockSites).toEqual(['game.example']);
    expect(r.locked).toEqual(['allowSites', 'blockSites']);
    expect(r.managedSites).toEqual({ allow: ['school.example'], block: ['game.example'] });
  });

  it('ignores malformed values and says why', () => {
    const r = applyManagedPolicy(settings, { categories: { adult: 'no', nope: true }, allowSites: 'x' });
    expect(r.settings).toEqual(settings);
    expect(r.problems).toEqual(['categories.adult: expected a boolean', 'categories.nope: unknown category', 'allowSites: expected a list of strings']);
  });
});
