import { storage } from 'wxt/utils/storage';
import type { ParentEvent } from './tamper';

/**
 * The parents' unlocked session, kept by the background in `storage.session` (memory only, cleared when the
 * browser closes, not readable by content scripts). The page holds the random token; the background checks it
 * on every call and extends it while the parent is active.
 */
export interface ParentSession {
  token: string;
  expiresAt: number;
}
export const sessionItem = storage.defineItem<ParentSession | null>('session:parentsSession', { fallback: null });

/** Tamper events for the parent (settings repaired, PIN reset). Counts and times only. */
export const eventsItem = storage.defineItem<ParentEvent[]>('local:parentsEvents', { version: 1, fallback: [] });

/** When a managed policy was last present (epoch ms): its later absence is a tamper signal. */
export const policySeenItem = storage.defineItem<number | null>('local:policySeenAt', { version: 1, fallback: null });
