import * as v from '../lib/validate';
import { message, type RequestOf, type ResponseOf } from '../messaging/define';
import type { CueKind, Scores, Sensitivity } from '../classifier/types';

/** Messages the popup or background send *to* a tab's content scripts (each frame answers for itself). */
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

/** Longest text and largest batch the background classifies for a content script. */
export const INLINE_MAX_TEXT = 4000;
export const INLINE_MAX_BATCH = 64;

export interface ClassifyResult {
  version: string;
  thresholds: Record<Sensitivity, Scores>;
  scores: Scores[];
}
export interface AssessResult {
  risk: number;
  flagged: boolean;
  cues: Array<{ kind: CueKind; messageIndex: number }>;
}

const text = v.string({ max: INLINE_MAX_TEXT });

/**
 * Messages content scripts send to the background for in-page protection (issue 4): the model runs once, in the
 * background, for every tab (see src/content/README.md for the measurements behind that choice). Page text
 * crosses only this extension-internal channel; nothing leaves the device.
 */
export const inlineMessages = {
  /**
   * Scores for each text (an empty list returns just the model's version and thresholds). Haven's own pages may
   * ask too: the e2e check that the browser scores exactly like Node goes through this path.
   */
  'inline.classify': message<ClassifyResult>()('any', v.object({ texts: v.array(text, { max: INLINE_MAX_BATCH }) })),
  /** "This is OK": remembers the SHA-256 digest of a text (never the text) for every tab and frame. */
  'inline.ok': message<void>()('content', v.object({ digest: v.string({ pattern: /^[0-9a-f]{64}$/ }) })),
  /** Grooming risk of one conversation (messages oldest first). */
  'inline.assess': message<AssessResult>()(
    'content',
    v.object({
      messages: v.array(v.object({ author: v.optional(v.string({ max: 200 })), text }), { max: 100 }),
      sensitivity: v.literal<Sensitivity>('low', 'medium', 'high'),
    }),
  ),
};
