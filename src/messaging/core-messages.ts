import * as v from '../lib/validate';
import { message } from './define';
import type { Label } from '../classifier/types';
import type { Settings } from '../settings/schema';

export const STAT_EVENTS = ['shown', 'revealed', 'dismissed', 'reported'] as const;
export type StatEvent = (typeof STAT_EVENTS)[number];

const label = v.literal<Label>('bullying', 'grooming', 'sexual', 'threat', 'hate');

export interface HelloResponse {
  tabId: number;
  frameId: number;
  /** Whether in-page protection runs in this frame (always, for now: a site's always-allow only affects blocking). */
  enabled: boolean;
}

/** Messages of the foundation: content-script handshake, settings, activity counts, help. */
export const coreMessages = {
  'content.hello': message<HelloResponse>()('content', v.object({ url: v.string({ max: 8192 }), top: v.boolean() })),
  'settings.get': message<Settings>()('page', v.object({})), // holds the parent's contact details: Haven's pages only
  'stats.record': message<void>()(
    'any',
    v.object({ label, event: v.literal(...STAT_EVENTS), count: v.optional(v.number({ min: 1, max: 1000, integer: true })) }),
  ),
  'help.open': message<void>()('any', v.object({})),
};
