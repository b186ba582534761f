import { describe, expect, it } from 'vitest';
import data from './directory.json';
import { destinationsFor, directoryEntry, isAllowedEndpoint, type CountryEntry } from './directory';

const EU_EEA = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' ');
const REQUIRED = [...EU_EEA, 'GB', 'CH', 'US', 'CA', 'AU', 'NZ'];
const countries = data.countries as Record<string, CountryEntry>;
const https = (u: string) => new URL(u).protocol === 'https:';

describe('hotline and helpline directory', () => {
  it('covers every EU/EEA country, GB, CH, US, CA, AU and NZ, keyed by ISO alpha-2', () => {
    for (const cc of REQUIRED) expect(countries[cc], cc).toBeDefined();
    for (const cc of Object.keys(countries)) expect(cc).toMatch(/^[A-Z]{2}$/);
  });

  it('every entry has a hotline and a helpline, https URLs, a source and a last-verified date', () => {
    for (const [cc, e] of Object.entries(countries)) {
      for (const [kind, entry] of [['hotline', e.hotline], ['helpline', e.helpline]] as const) {
        const where = `${cc}.${kind}`;
        expect(entry.name.length, where).toBeGreaterThan(2);
        expect(https(entry.source), where).toBe(true);
        expect(entry.lastVerified, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof entry.fallback, where).toBe('boolean');
      }
      expect(https(e.hotline.reportUrl), cc).toBe(true);
      expect(https(e.helpline.url), cc).toBe(true);
      if (e.hotline.apiEndpoint !== null) expect(https(e.hotline.apiEndpoint), cc).toBe(true);
      // A phone number is a verified fact or absent: digits, spaces, dashes, letters for vanity numbers.
      if (e.helpline.phone !== null) expect(e.helpline.phone, cc).toMatch(/^[0-9A-Z][0-9A-Z -]{1,20}$/);
    }
  });

  it('falls back to the international directories, never a guess', () => {
    const fallbacks = Object.values(countries).flatMap((e) => [e.hotline, e.helpline]).filter((x) => x.fallback);
    for (const f of fallbacks) expect(['www.inhope.org', 'www.betterinternetforkids.eu', 'www.childhelplineinternational.org']).toContain(new URL('reportUrl' in f ? f.reportUrl : f.url).host);
    expect(directoryEntry('zz').helpline.url).toContain('childhelplineinternational.org');
    expect(directoryEntry('gb').hotline.name).toContain('Internet Watch Foundation');
  });

  it('routes categories: CSAM to the hotline only, bullying to the helpline, an org endpoint first', () => {
    expect(destinationsFor('csam', 'GB', null).map((d) => d.id)).toEqual(['hotline', 'save']);
    expect(destinationsFor('bullying', 'DE', null).map((d) => d.id)).toEqual(['helpline', 'save']);
    expect(destinationsFor('grooming', 'US', 'https://safe.school.example/reports').map((d) => d.id)).toEqual(['org', 'helpline', 'hotline', 'save']);
    expect(destinationsFor('bullying', 'DE', 'http://evil.example/r').map((d) => d.id)).toEqual(['helpline', 'save']);
  });

  it('accepts https endpoints, and http only on loopback', () => {
    expect(isAllowedEndpoint('https://intake.example.org/reports')).toBe(true);
    expect(isAllowedEndpoint('http://127.0.0.1:8787/reports')).toBe(true);
    expect(isAllowedEndpoint('http://localhost:8787/reports')).toBe(true);
    expect(isAllowedEndpoint('http://intake.example.org/reports')).toBe(false);
    expect(isAllowedEndpoint('https://user:pw@intake.example.org/')).toBe(false);
    expect(isAllowedEndpoint('javascript:alert(1)')).toBe(false);
  });
});
