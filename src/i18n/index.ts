import { LOCALES, type Locale } from '../settings/schema';
import { createTranslator, type Catalog, type Translate } from './translate';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import es from '../../public/_locales/es/messages.json';
import it from '../../public/_locales/it/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import pl from '../../public/_locales/pl/messages.json';

export type { Translate } from './translate';

// Bundled so every context (content scripts included) translates synchronously in the parent's language.
const catalogs: Partial<Record<Locale, Catalog>> = { en, de, fr, es, it, nl, pl };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** Best supported locale for a browser language tag such as `de-AT`; English otherwise. */
export function localeFromTag(tag: string | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLocale(base) && catalogs[base] ? base : 'en';
}

export function translatorFor(locale: Locale): Translate {
  const chosen = catalogs[locale];
  return chosen && locale !== 'en' ? createTranslator(chosen, en) : createTranslator(en);
}
