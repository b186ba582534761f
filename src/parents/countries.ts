import { DIRECTORY, directoryEntry } from '../report/directory';
import { LOCALES, type Locale } from '../settings/schema';

export interface Choice {
  value: string;
  label: string;
}

/**
 * Countries a parent can pick (every country of the hotline/helpline directory), named in the UI language by
 * the browser's own `Intl.DisplayNames`, so no country name needs a translation of ours.
 */
export function countryChoices(locale: Locale, current?: string): Choice[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const codes = new Set(Object.keys(DIRECTORY).filter((c) => /^[A-Z]{2}$/.test(c)));
  if (current && /^[A-Z]{2}$/.test(current)) codes.add(current);
  return [...codes]
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The shipped languages, each named in itself ("Deutsch", "Polski"), as language pickers should. */
export function languageChoices(): Choice[] {
  return LOCALES.map((code) => {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return { value: code, label: name.charAt(0).toLocaleUpperCase(code) + name.slice(1) };
  });
}

/** The child helpline for a country (name and phone) as the options page shows it. */
export function helplineOf(country: string): { name: string; phone: string | null } {
  const { helpline } = directoryEntry(country);
  return { name: helpline.name, phone: helpline.phone };
}

/** A best guess of the parent's country from the browser language ("de-AT" → AT), else null. */
export function countryFromLanguageTag(tag: string | undefined): string | null {
  const region = (tag ?? '').split(/[-_]/)[1]?.toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) && DIRECTORY[region] ? region : null;
}
