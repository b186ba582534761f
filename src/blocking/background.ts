import type { Handlers } from '../messaging';

/** Handlers of `blockingMessages`, merged into the background's router. */
export const blockingHandlers: Handlers = {};

/** Background side of category blocking: called once, synchronously, from the background's main. */
export function startBlocking(): void {}
