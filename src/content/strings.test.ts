import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { WARNING_KEYS, warningTranslator } from './strings';
import { CUE_KINDS, LABELS } from '../classifier/types';

describe('warning strings', () => {
  it('bundles every warning_/banner_ key of the catalog (regenerate strings.ts after adding one)', () => {
    expect([...WARNING_KEYS].sort()).toEqual(Object.keys(en).filter((k) => /^(warning|banner)_/.test(k)).sort());
  });

  it('has copy for every label and cue (English and German checked here; src/i18n checks every language)', () => {
    const keys = [...LABELS.flatMap((l) => [`warning_title_${l}`, `warning_text_${l}`]), ...CUE_KINDS.map((c) => `banner_cue_${c.replace('-', '_')}`)];
    for (const k of keys) {
      expect(en, k).toHaveProperty(k);
      expect(de, k).toHaveProperty(k);
    }
    expect(warningTranslator('de')('warning_get_help')).toBe('Hilfe holen');
    expect(warningTranslator('fr')('warning_get_help')).toBe(fr.warning_get_help.message);
  });
});
