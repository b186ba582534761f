import { blockingMessages } from '../blocking/messages';
import { reportMessages } from '../report/messages';
import { parentsMessages } from '../parents/messages';
import { coreMessages } from './core-messages';
import type { RequestOf, ResponseOf } from './define';
import { inlineMessages } from '../content/messages';

/**
 * The one map of every message Haven's contexts exchange. Each feature declares its messages beside its code
 * (`coreMessages` here; later `reportMessages`, `blockingMessages`, …) and they are merged here, so adding a
 * message means extending a map — never sending a raw string.
 */
export const protocol = {
  ...coreMessages,
  ...blockingMessages,
  ...reportMessages,
  ...inlineMessages,
  ...parentsMessages,
};

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Request<N extends MessageName> = RequestOf<Protocol[N]>;
export type Response<N extends MessageName> = ResponseOf<Protocol[N]>;

/** What travels over `runtime.sendMessage`. */
export interface Envelope<N extends MessageName = MessageName> {
  haven: 1;
  name: N;
  payload: Request<N>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
export type ErrorCode = 'bad-envelope' | 'unknown-message' | 'bad-sender' | 'bad-payload' | 'handler-failed';
