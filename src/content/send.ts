import { browser } from 'wxt/browser';
import type { Envelope, MessageName, Reply, Request, Response } from '../messaging/protocol';

/**
 * The content script's sender: the same envelope and reply as `sendMessage` in `src/messaging`, but importing
 * only the protocol's types. `src/messaging/index` also carries the router and every payload validator of every
 * feature (the background's side), which would otherwise ride along in the script that runs on every page.
 */
export async function send<N extends MessageName>(name: N, payload: Request<N>): Promise<Response<N>> {
  const envelope: Envelope<N> = { haven: 1, name, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Response<N>> | undefined;
  if (!reply) throw new Error(`No reply to "${name}": the background did not answer.`);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.value;
}
