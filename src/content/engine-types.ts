import type { CueKind, Scores, Sensitivity } from '../classifier/types';

/**
 * What a classifier engine offers the content script (types only: no TensorFlow.js here). Two engines implement
 * it: the background one (default: the model runs once, in the background) and the in-page chunk
 * (`WXT_INLINE_ENGINE=page` builds; kept to re-measure the alternative, see src/content/README.md).
 */
export interface ConversationMessage {
  author?: string;
  text: string;
}

export interface ConversationVerdict {
  risk: number;
  flagged: boolean;
  cues: Array<{ kind: CueKind; messageIndex: number }>;
}

export interface InlineEngine {
  readonly version: string;
  /** True when the model runs on this page's main thread (the in-page chunk). */
  readonly local: boolean;
  readonly thresholds: Record<Sensitivity, Scores>;
  classify(texts: string[]): Promise<Scores[]>;
  /** Grooming risk of one conversation (messages oldest first). */
  assess(messages: ConversationMessage[], sensitivity: Sensitivity): Promise<ConversationVerdict>;
  dispose(): void;
}

/** Global slot (in the isolated world only; the page cannot see it) through which the chunk hands itself over. */
export const ENGINE_SLOT = '__havenInlineEngine';
export type EngineFactory = (modelBaseUrl: string) => Promise<InlineEngine>;
