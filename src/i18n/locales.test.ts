import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../settings/schema';
import { translatorFor } from '.';

/**
 * Every shipped language has every key of the English catalog, with the same placeholders. The failure message
 * lists exactly what is missing per language, ready for a translation pass.
 */
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const ROOT = path.resolve(import.meta.dirname, '../../public/_locales');
const cache = new Map<string, Record<string, Entry>>();
const load = (lang: string): Record<string, Entry> => {
  if (!cache.has(lang)) cache.set(lang, JSON.parse(readFileSync(path.join(ROOT, lang, 'messages.json'), 'utf8')));
  return cache.get(lang)!;
};
const en = load('en');

/** Placeholder names a message uses ($NAME$), lower-cased, plus each defined placeholder's content. */
function placeholderShape(entry: Entry): string {
  const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
  const defined = Object.entries(entry.placeholders ?? {})
    .map(([k, v]) => `${k.toLowerCase()}=${v.content}`)
    .sort();
  const positional = [...new Set([...entry.message.matchAll(/\$(\d)(?!\d)/g)].map((m) => m[1]))].sort();
  return `used[${[...new Set(used)].join(',')}] defined[${defined.join(',')}] positional[${positional.join(',')}]`;
}

describe('locales', () => {
  it('ships a catalog for every supported language', () => {
    expect(LOCALES.filter((l) => !existsSync(path.join(ROOT, l, 'messages.json')))).toEqual([]);
  });

  it('has no key missing in any language', () => {
    const report: string[] = [];
    for (const lang of LOCALES) {
      if (lang === 'en' || !existsSync(path.join(ROOT, lang, 'messages.json'))) continue;
      const catalog = load(lang);
      const missing = Object.keys(en).filter((k) => !catalog[k]?.message);
      const extra = Object.keys(catalog).filter((k) => !en[k]);
      if (missing.length) report.push(`${lang}: ${missing.length} missing: ${missing.join(', ')}`);
      if (extra.length) report.push(`${lang}: ${extra.length} not in en (remove or add to en): ${extra.join(', ')}`);
    }
    expect(report.join('\n')).toBe('');
  });

  it('uses the same placeholders as English in every language', () => {
    const report: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      // The English message itself must use exactly the placeholders it defines.
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()));
      if ([...used].some((u) => !defined.has(u)) || [...defined].some((d) => !used.has(d))) report.push(`en.${key}: ${placeholderShape(entry)}`);
      for (const lang of LOCALES) {
        if (lang === 'en' || !existsSync(path.join(ROOT, lang, 'messages.json'))) continue;
        const other = load(lang)[key];
        if (other && placeholderShape(other) !== placeholderShape(entry)) {
          report.push(`${lang}.${key}: ${placeholderShape(other)} ≠ en ${placeholderShape(entry)}`);
        }
      }
    }
    expect(report.join('\n')).toBe('');
  });

  it('bundles every language for run-time translation', () => {
    for (const lang of LOCALES) expect(translatorFor(lang)('options_title')).toBe(load(lang).options_title?.message);
  });
});
