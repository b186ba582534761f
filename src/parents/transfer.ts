import { settingsCheck } from '../settings/validate';
import type { Settings } from '../settings/schema';

/**
 * Export and import of the parent settings as a small JSON file. The file carries a format marker and version,
 * never the PIN, the activity counts or anything a child did. Importing validates the whole file first: a bad
 * file gets a clear error and changes nothing.
 */
export const EXPORT_FORMAT = 'haven-settings';
export const EXPORT_VERSION = 1;
/** Far above any real settings file (5,000 sites × 2 lists); refuses anything that is clearly not one. */
export const MAX_IMPORT_BYTES = 1_000_000;

export interface SettingsFileV1 {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  settings: Settings;
}

export function exportSettings(settings: Settings, now = new Date()): string {
  const file: SettingsFileV1 = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(now = new Date()): string {
  return `haven-settings-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportError = 'too-large' | 'not-json' | 'not-haven' | 'newer-version' | 'invalid';
export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: ImportError; details: string[] };

/** Parses and validates an exported file. Pure; never throws. */
export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: 'too-large', details: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'not-json', details: [error instanceof Error ? error.message : String(error)] };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'not-haven', details: [] };
  }
  const file = data as Partial<SettingsFileV1>;
  if (typeof file.version !== 'number' || file.version > EXPORT_VERSION) return { ok: false, error: 'newer-version', details: [] };
  const checked = settingsCheck(file.settings, 'settings');
  if (!checked.ok) return { ok: false, error: 'invalid', details: checked.errors.slice(0, 10) };
  return { ok: true, settings: checked.value };
}
