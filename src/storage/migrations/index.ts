/**
 * Migrations per storage item, keyed by the version they produce: `2: (v1: SettingsV1) => SettingsV2`, each a
 * pure function in its own file (`v2-<what>.ts`) with a test feeding realistic old JSON. Every item is at
 * version 1 today; passing the (empty) maps makes WXT record the schema version on first install, so the first
 * real migration knows where it starts.
 */
export const settingsMigrations = {};
export const noMigrations = {};
