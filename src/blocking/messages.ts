import * as v from '../lib/validate';
import { message } from '../messaging/define';
import { CATEGORIES } from '../rules/categories';
import { PARENT_CATEGORY } from './overrides';

export const UNBLOCK_DURATIONS = ['hour', 'always'] as const;
export type UnblockDuration = (typeof UNBLOCK_DURATIONS)[number];

export type UnblockResponse =
  | { ok: true; host: string; until: number | null }
  | { ok: false; reason: 'no-pin' | 'wrong' | 'locked' | 'bad-site' | 'locked-by-policy'; retryAfterMs: number };

export interface BlockingState {
  /** The effective category switches (settings with managed policy applied). */
  categories: Record<string, boolean>;
  /** Setting paths a managed policy locks. */
  locked: string[];
  /** Whether a parent PIN exists (otherwise "Ask a parent" cannot unblock). */
  pinSet: boolean;
}

const blockedCategory = v.literal(...CATEGORIES, PARENT_CATEGORY);

/** Messages of the blocking feature: the blocked page asks a parent, and counts a block. */
export const blockingMessages = {
  /** "Ask a parent": the PIN is checked in the background only; on success the site is allowed. */
  'blocking.unblock': message<UnblockResponse>()(
    'page',
    v.object({ site: v.string({ min: 1, max: 2048 }), duration: v.literal(...UNBLOCK_DURATIONS), pin: v.string({ min: 1, max: 64 }) }),
  ),
  /** The blocked page was shown for a category: counted per day (no URL is stored). */
  'blocking.blocked': message<void>()('page', v.object({ category: blockedCategory })),
  'blocking.state': message<BlockingState>()('page', v.object({})),
};
