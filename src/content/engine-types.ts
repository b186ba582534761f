import type { ConversationAssessment, RiskMessage } from '../classifier/risk';
import type { Scores, Sensitivity } from '../classifier/types';

/** What the lazily imported classifier chunk offers the content script (types only: no TensorFlow.js here). */
export interface Conversation {
  add(msg: RiskMessage): void;
  assess(): ConversationAssessment;
  readonly size: number;
}

export interface InlineEngine {
  readonly version: string;
  readonly thresholds: Record<Sensitivity, Scores>;
  classify(texts: string[]): Promise<Scores[]>;
  conversation(sensitivity: Sensitivity): Conversation;
  dispose(): void;
}

/** Global slot (in the isolated world only; the page cannot see it) through which the chunk hands itself over. */
export const ENGINE_SLOT = '__havenInlineEngine';
export type EngineFactory = (modelBaseUrl: string) => Promise<InlineEngine>;
