import { browser } from 'wxt/browser';
import { dispatch, type Handlers } from './router';
import type { Envelope, MessageName, Reply, Request, Response } from './protocol';

export type { MessageName, Request, Response } from './protocol';
export { MessageError, type Handlers } from './router';

/** Thrown in the sender when the background rejected a message or its handler failed. */
export class RemoteError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** Sends a typed message to the background and returns its typed response (or throws a RemoteError). */
export async function sendMessage<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  const envelope: Envelope<N> = { haven: 1, name, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Response<N>> | undefined;
  if (!reply) throw new RemoteError('no-reply', `No reply to "${name}": the background did not answer.`);
  if (!reply.ok) throw new RemoteError(reply.error.code, reply.error.message);
  return reply.value;
}

/**
 * Registers the background's handlers. Call synchronously at the top of the background's main so no message
 * is lost while the service worker wakes up.
 */
export function handleMessages(handlers: Handlers): void {
  const ctx = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender) => dispatch(raw, sender, handlers, ctx));
}
