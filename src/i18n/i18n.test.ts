import { describe, expect, it } from 'vitest';
import { createTranslator, format } from './translate';
import { localeFromTag, translatorFor } from '.';

describe('i18n', () => {
  it('fills named placeholders through their positional content', () => {
    const entry = { message: 'Checked $COUNT$, warnings $W$', placeholders: { count: { content: '$1' }, w: { content: '$2' } } };
    expect(format(entry, [12, 1])).toBe('Checked 12, warnings 1');
  });

  it('falls back to English, then to the key', () => {
    const t = createTranslator({ a: { message: 'A de' } }, { a: { message: 'A en' }, b: { message: 'B en' } });
    expect(t('a')).toBe('A de');
    expect(t('b')).toBe('B en');
    expect(t('missing')).toBe('missing');
  });

  it('translates the shipped catalogs in the chosen language', () => {
    expect(translatorFor('de')('popup_get_help')).toBe('Hilfe holen');
    expect(translatorFor('en')('popup_helpline', '116 111')).toBe('You can always talk to someone: call 116 111 (free).');
  });

  it('maps browser language tags to supported locales', () => {
    expect(localeFromTag('de-AT')).toBe('de');
    expect(localeFromTag('tr')).toBe('en');
    expect(localeFromTag(undefined)).toBe('en');
  });
});
