import type { Handlers } from '../messaging';

/** Handlers of `reportMessages`, merged into the background's router. */
export const reportHandlers: Handlers = {};

/** Background side of reporting (outbox, alarms, context menu): called once, synchronously, from main. */
export function startReporting(): void {}
