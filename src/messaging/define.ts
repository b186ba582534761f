import type { Check } from '../lib/validate';

/**
 * Who may send a message. `content`: a content script in a web page (sender.tab set, http(s) URL);
 * `page`: one of Haven's own extension pages (popup, options, blocked, report); `any`: either.
 */
export type SenderKind = 'content' | 'page' | 'any';

export interface MessageSpec<Req, Res> {
  from: SenderKind;
  request: Check<Req>;
  /** Phantom field carrying the response type; never read at run time. */
  response?: Res;
}

export type SpecMap = Record<string, MessageSpec<any, any>>;
export type RequestOf<S> = S extends MessageSpec<infer Req, any> ? Req : never;
export type ResponseOf<S> = S extends MessageSpec<any, infer Res> ? Res : never;

/** Declares one message; the response type is given as a type argument only. */
export function message<Res = void>() {
  return <Req>(from: SenderKind, request: Check<Req>): MessageSpec<Req, Res> => ({ from, request });
}
