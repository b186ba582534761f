import * as v from '../lib/validate';
import { LABELS } from '../classifier/types';
import { CATEGORIES } from '../rules/categories';
import { AGE_BANDS, LOCALES, type Settings } from './schema';
import { defaultSettings } from './defaults';

const host = v.string({ min: 1, max: 253, pattern: /^[a-z0-9.-]+$/ });

/** The exact shape of SettingsV1; used for imported files, messages and repairs of stored values. */
export const settingsCheck: v.Check<Settings> = v.object({
  country: v.string({ pattern: /^[A-Z]{2}$/ }),
  language: v.literal(...LOCALES),
  ageBand: v.literal(...AGE_BANDS),
  categories: v.record(CATEGORIES, v.boolean()),
  sensitivity: v.record(LABELS, v.literal('low', 'medium', 'high')),
  warningStyle: v.record(LABELS, v.literal('blur', 'label')),
  allowSites: v.array(host, { max: 5000 }),
  blockSites: v.array(host, { max: 5000 }),
  reportEndpoint: v.nullable(v.string({ max: 2048, pattern: /^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/ })),
  contact: v.nullable(v.object({ name: v.string({ max: 200 }), email: v.string({ max: 320 }), phone: v.string({ max: 40 }) })),
}) as v.Check<Settings>;

/**
 * Repairs a stored settings value field by field: a field that is missing or malformed (a build from before the
 * field existed, a corrupted profile, tampering) falls back to its safe default, and the caller learns that a
 * repair happened (a tamper signal for parents). Never throws.
 */
export function repairSettings(stored: unknown): { settings: Settings; repaired: string[] } {
  const base = defaultSettings(
    (AGE_BANDS as readonly unknown[]).includes((stored as Settings | null)?.ageBand) ? (stored as Settings).ageBand : undefined,
  );
  if (typeof stored !== 'object' || stored === null) return { settings: base, repaired: ['*'] };
  const input = stored as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  const repaired: string[] = [];
  for (const key of Object.keys(base) as Array<keyof Settings>) {
    const candidate = { ...base, [key]: input[key] };
    const r = settingsCheck(candidate, '');
    if (r.ok) out[key] = r.value[key];
    else repaired.push(key);
  }
  return { settings: out as unknown as Settings, repaired };
}
