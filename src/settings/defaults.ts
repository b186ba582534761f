import { LABELS, type Label, type Sensitivity } from '../classifier/types';
import { CATEGORIES, type Category } from '../rules/categories';
import type { AgeBand, Locale, Settings, WarningStyle } from './schema';

/**
 * Safe defaults by age band. Younger children get higher sensitivity; dating sites are blocked under 16
 * (issue 5), everything else harmful is blocked at every age.
 */
export function defaultSettings(ageBand: AgeBand = '9-12', country = 'GB', language: Locale = 'en'): Settings {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>;
  categories.dating = ageBand !== '16-17';
  const level: Sensitivity = ageBand === 'under9' || ageBand === '9-12' ? 'high' : 'medium';
  const sensitivity = Object.fromEntries(LABELS.map((l) => [l, level])) as Record<Label, Sensitivity>;
  const warningStyle = Object.fromEntries(
    LABELS.map((l): [Label, WarningStyle] => [l, l === 'grooming' || l === 'sexual' ? 'blur' : 'label']),
  ) as Record<Label, WarningStyle>;
  return {
    country,
    language,
    ageBand,
    categories,
    sensitivity,
    warningStyle,
    allowSites: [],
    blockSites: [],
    reportEndpoint: null,
    contact: null,
  };
}
