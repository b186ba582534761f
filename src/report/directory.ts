import data from './directory.json';
import { CATEGORY_RULES, type ReportCategory } from './categories';

export interface HotlineEntry {
  name: string;
  /** The public web form (or the page that leads to it). */
  reportUrl: string;
  /** A machine intake endpoint accepting Haven reports, if the hotline offers one (none known publicly). */
  apiEndpoint: string | null;
  source: string;
  lastVerified: string;
  fallback: boolean;
  notes?: string;
}

export interface HelplineEntry {
  name: string;
  phone: string | null;
  url: string;
  source: string;
  lastVerified: string;
  fallback: boolean;
  notes?: string;
}

export interface CountryEntry {
  name: string;
  hotline: HotlineEntry;
  helpline: HelplineEntry;
}

export const DIRECTORY = data.countries as Record<string, CountryEntry>;

/** Used for a country not in the directory: the international directories, never a guessed national service. */
const INTERNATIONAL = data.international as CountryEntry;

export function directoryEntry(country: string): CountryEntry {
  return DIRECTORY[country.toUpperCase()] ?? INTERNATIONAL;
}

/** An organization endpoint is accepted over HTTPS, or plain HTTP on loopback only (development). */
export function isAllowedEndpoint(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

export type DestinationOption =
  | { kind: 'api'; id: string; name: string; url: string }
  | { kind: 'form'; id: 'hotline' | 'helpline'; name: string; url: string; phone: string | null; fallback: boolean }
  | { kind: 'save'; id: 'save' };

/**
 * Where a report of this category can go, best first: the organization's API endpoint (configured by a parent or
 * school), then the national hotline and/or helpline as the category asks, then "save evidence".
 */
export function destinationsFor(category: ReportCategory, country: string, reportEndpoint: string | null): DestinationOption[] {
  const entry = directoryEntry(country);
  const out: DestinationOption[] = [];
  if (reportEndpoint && isAllowedEndpoint(reportEndpoint)) {
    out.push({ kind: 'api', id: 'org', name: new URL(reportEndpoint).host, url: reportEndpoint });
  }
  for (const audience of CATEGORY_RULES[category].audiences) {
    if (audience === 'hotline') {
      const h = entry.hotline;
      if (h.apiEndpoint && isAllowedEndpoint(h.apiEndpoint)) out.push({ kind: 'api', id: 'hotline-api', name: h.name, url: h.apiEndpoint });
      out.push({ kind: 'form', id: 'hotline', name: h.name, url: h.reportUrl, phone: null, fallback: h.fallback });
    } else {
      const h = entry.helpline;
      out.push({ kind: 'form', id: 'helpline', name: h.name, url: h.url, phone: h.phone, fallback: h.fallback });
    }
  }
  out.push({ kind: 'save', id: 'save' });
  return out;
}
