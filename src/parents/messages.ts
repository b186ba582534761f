import * as v from '../lib/validate';
import { message } from '../messaging/define';
import { settingsCheck } from '../settings/validate';
import { AGE_BANDS, LOCALES, type Locale, type Settings } from '../settings/schema';
import type { StatsV1 } from '../storage/items';
import type { TamperSignal } from './tamper';

export interface ParentsStatus {
  setupDone: boolean;
  pinSet: boolean;
  language: Locale;
  /** A managed policy is present / locks everything. */
  managed: boolean;
  lockedAll: boolean;
}

export interface PolicyView {
  present: boolean;
  lockedAll: boolean;
  locked: string[];
  managedSites: { allow: string[]; block: string[] };
  problems: string[];
}

export interface ParentsView {
  /** The settings in force (managed values applied). */
  settings: Settings;
  policy: PolicyView;
  signals: TamperSignal[];
  stats: StatsV1;
}

export type UnlockResult = { ok: true; token: string } | { ok: false; reason: 'no-pin' | 'wrong' | 'locked'; retryAfterMs: number };
/** Every PIN-protected call answers `expired` when the token is unknown or timed out: the page shows the lock again. */
export type Authed<T> = { ok: true; value: T } | { ok: false; reason: 'expired' };
export type SaveResult = { ok: true; value: ParentsView } | { ok: false; reason: 'expired' | 'managed' };
export type ChangePinResult = { ok: true } | { ok: false; reason: 'expired' | 'no-pin' | 'wrong' | 'locked' | 'invalid'; retryAfterMs?: number };
export type SetupResult = { ok: true; token: string } | { ok: false; reason: 'already-set-up' | 'invalid' };

const pin = v.string({ min: 1, max: 64 });
const token = v.string({ min: 32, max: 128 });

/**
 * Messages of the parents' pages (setup, options). All come from Haven's own pages only; every PIN-protected one
 * carries the session token the background issued on unlock, and the background re-checks everything.
 */
export const parentsMessages = {
  'parents.status': message<ParentsStatus>()('page', v.object({})),
  'parents.setup': message<SetupResult>()(
    'page',
    v.object({ pin, country: v.string({ pattern: /^[A-Z]{2}$/ }), language: v.literal(...LOCALES), ageBand: v.literal(...AGE_BANDS) }),
  ),
  'parents.unlock': message<UnlockResult>()('page', v.object({ pin })),
  'parents.lock': message<void>()('page', v.object({ token })),
  'parents.view': message<Authed<ParentsView>>()('page', v.object({ token })),
  'parents.save': message<SaveResult>()('page', v.object({ token, settings: settingsCheck })),
  'parents.changePin': message<ChangePinResult>()('page', v.object({ token, currentPin: pin, newPin: pin })),
  'parents.clearEvents': message<Authed<ParentsView>>()('page', v.object({ token })),
  /** The forgotten-PIN reset: needs no PIN, never unlocks, and puts every setting back to safe defaults. */
  'parents.resetForgotten': message<{ ok: boolean }>()('page', v.object({ confirm: v.literal('reset') })),
};
