import type { Label, Sensitivity } from '../classifier/types';
import type { Category } from '../rules/categories';

export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

export const AGE_BANDS = ['under9', '9-12', '13-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export type WarningStyle = 'blur' | 'label';

export interface ReportContact {
  name: string;
  email: string;
  phone: string;
}

/** Version 1 of the parent settings (storage key `local:settings`). Change only through a migration. */
export interface SettingsV1 {
  /** ISO 3166-1 alpha-2, upper case; drives the hotline and helpline. */
  country: string;
  language: Locale;
  ageBand: AgeBand;
  categories: Record<Category, boolean>;
  sensitivity: Record<Label, Sensitivity>;
  warningStyle: Record<Label, WarningStyle>;
  /** Hostnames always allowed / always blocked by a parent (lower case, no scheme). */
  allowSites: string[];
  blockSites: string[];
  /** An organization's HTTPS intake endpoint for reports, or null for the national hotline/helpline. */
  reportEndpoint: string | null;
  /** Contact details a parent chose to offer in reports; never included unless the child opts in per report. */
  contact: ReportContact | null;
}

export type Settings = SettingsV1;
