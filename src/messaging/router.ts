import { protocol, type ErrorCode, type MessageName, type Reply, type Request, type Response } from './protocol';
import type { SenderKind } from './define';

/** The parts of `runtime.MessageSender` the trust rules read. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}
export type Handler<N extends MessageName> = (payload: Request<N>, sender: Sender) => Response<N> | Promise<Response<N>>;
export type Handlers = { [N in MessageName]?: Handler<N> };

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface RouterContext {
  /** This extension's id (`browser.runtime.id`). */
  extensionId: string;
  /** The origin of this extension's own pages, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

function senderKindOf(sender: Sender, ctx: RouterContext): SenderKind | null {
  if (sender.id !== ctx.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(ctx.extensionOrigin)) return 'page';
  if (sender.tab && /^https?:/i.test(url)) return 'content';
  return null;
}

/**
 * Validates and dispatches one incoming message. Pure apart from the handlers, so the trust rules are unit-tested
 * without a browser: unknown senders, unknown names and malformed payloads are rejected with a clear error and
 * never reach a handler.
 */
export async function dispatch(raw: unknown, sender: Sender, handlers: Handlers, ctx: RouterContext): Promise<Reply<unknown>> {
  const reject = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });
  if (typeof raw !== 'object' || raw === null || (raw as { haven?: unknown }).haven !== 1) {
    return reject('bad-envelope', 'Not a Haven message: expected { haven: 1, name, payload }.');
  }
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string' || !Object.hasOwn(protocol, name)) {
    return reject('unknown-message', `Unknown message ${JSON.stringify(String(name)).slice(0, 80)}.`);
  }
  const spec = protocol[name as MessageName];
  const kind = senderKindOf(sender, ctx);
  if (!kind || (spec.from !== 'any' && spec.from !== kind)) {
    return reject('bad-sender', `Message "${name}" is not accepted from ${kind ?? 'an unknown sender'}.`);
  }
  const checked = spec.request(payload, 'payload');
  if (!checked.ok) return reject('bad-payload', `Message "${name}" has an invalid payload: ${checked.errors.slice(0, 5).join('; ')}`);
  const handler = handlers[name as MessageName] as Handler<MessageName> | undefined;
  if (!handler) return reject('unknown-message', `No handler for "${name}" in this context.`);
  try {
    return { ok: true, value: (await handler(checked.value as never, sender)) ?? null };
  } catch (error) {
    const code = error instanceof MessageError ? error.code : 'handler-failed';
    return reject(code, error instanceof Error ? error.message : String(error));
  }
}
