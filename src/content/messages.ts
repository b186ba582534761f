import * as v from '../lib/validate';
import { message, type RequestOf, type ResponseOf } from '../messaging/define';

/** Messages the popup or background send *to* a tab's content script (top frame). */
export const contentMessages = {
  'status.get': message<PageStatus>()('page', v.object({})),
};
export interface PageStatus {
  checked: number;
  warnings: number;
}
export type ContentMessageName = keyof typeof contentMessages;
export type ContentRequest<N extends ContentMessageName> = RequestOf<(typeof contentMessages)[N]>;
export type ContentResponse<N extends ContentMessageName> = ResponseOf<(typeof contentMessages)[N]>;
