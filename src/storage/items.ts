import { storage } from 'wxt/utils/storage';
import { defaultSettings } from '../settings/defaults';
import type { Settings } from '../settings/schema';
import type { Label } from '../classifier/types';
import type { StatEvent } from '../messaging/core-messages';
import { noMigrations, settingsMigrations } from './migrations';

/**
 * Every value Haven persists, each versioned from day one. A schema change bumps `version` and adds a pure
 * migration in `./migrations/` (tested with realistic old JSON). Page text is never stored here: the only
 * trace of a warning is a count.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 1,
  migrations: settingsMigrations,
  fallback: defaultSettings(),
});

/** When the parent finished first-run setup (epoch ms), or null before. */
export const setupItem = storage.defineItem<{ completedAt: number | null }>('local:setup', {
  version: 1,
  migrations: noMigrations,
  fallback: { completedAt: null },
});

/** Warning and blocking counts: day (YYYY-MM-DD, local) → key → count. Counts only; no text, no URLs. */
export type StatsV1 = Record<string, Partial<Record<`${Label}.${StatEvent}` | `blocked.${string}`, number>>>;
export const statsItem = storage.defineItem<StatsV1>('local:stats', { version: 1, migrations: noMigrations, fallback: {} });

/** SHA-256 hex digests of texts the child marked "This is OK"; the texts themselves are never stored. */
export const okTextsItem = storage.defineItem<string[]>('local:okTexts', { version: 1, migrations: noMigrations, fallback: [] });
