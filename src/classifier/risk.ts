/**
 * Conversation-level grooming accumulator. Feed it the messages of one conversation (any order
 * with `order`, or arrival order); assess() returns the conversation risk and the cues behind it.
 * With a classifier it uses the shipped stacked conversation model (window scores + cues); without
 * one it falls back to a cue-only rule (documented in MODEL_CARD.md).
 */
import { analyzeMessages, type ConvMessage } from './conversation';
import type { HavenClassifier } from './model';
import type { CueKind, Scores, Sensitivity } from './types';

export interface RiskMessage {
  author?: string;
  text: string;
  order?: number;
  scores?: Scores;
}

export interface ConversationAssessment {
  risk: number;
  flagged: boolean;
  cues: Array<{ kind: CueKind; messageIndex: number; author?: string }>;
}

export interface ConversationRiskOptions {
  classifier?: HavenClassifier;
  sensitivity?: Sensitivity;
  /** Override the flag threshold (default: classifier's grooming threshold, or 0.5 cue-only). */
  threshold?: number;
}

function isClassifier(x: unknown): x is HavenClassifier {
  return !!x && typeof (x as HavenClassifier).scoreConversation === 'function';
}

export class ConversationRisk {
  private readonly classifier?: HavenClassifier;
  private readonly sensitivity: Sensitivity;
  private readonly threshold?: number;
  private messages: Array<RiskMessage & { seq: number }> = [];
  private seq = 0;
  private cache: ConversationAssessment | null = null;

  constructor(arg?: HavenClassifier | ConversationRiskOptions) {
    if (isClassifier(arg)) {
      this.classifier = arg;
      this.sensitivity = 'medium';
    } else {
      this.classifier = arg?.classifier;
      this.sensitivity = arg?.sensitivity ?? 'medium';
      this.threshold = arg?.threshold;
    }
  }

  /** Add one message. Synchronous: scoring happens in assess() (cached until the next add). */
  add(msg: RiskMessage): void {
    if (!msg || typeof msg.text !== 'string') return;
    this.messages.push({ ...msg, seq: this.seq++ });
    this.cache = null;
  }

  get size(): number {
    return this.messages.length;
  }

  reset(): void {
    this.messages = [];
    this.cache = null;
  }

  private ordered(): RiskMessage[] {
    return [...this.messages].sort((a, b) => (a.order ?? a.seq) - (b.order ?? b.seq) || a.seq - b.seq);
  }

  assess(): ConversationAssessment {
    if (this.cache) return this.cache;
    const msgs = this.ordered();
    const conv: ConvMessage[] = msgs.map((m) => ({ author: m.author, text: m.text }));
    const a = analyzeMessages(conv);
    let risk: number;
    let thr: number;
    if (this.classifier && msgs.length > 0) {
      risk = this.classifier.scoreConversation(conv).grooming;
      thr = this.threshold ?? this.classifier.thresholds[this.sensitivity].grooming;
    } else {
      risk = cueOnlyRisk(a);
      thr = this.threshold ?? 0.5;
    }
    this.cache = { risk, flagged: msgs.length > 0 && risk >= thr, cues: a.cues };
    return this.cache;
  }
}

/** Cue-only fallback: a pattern (minor + sexual/contact/secrecy, or several kinds) is needed. */
export function cueOnlyRisk(a: ReturnType<typeof analyzeMessages>): number {
  const kinds = new Set(a.cues.map((c) => c.kind));
  const has = (k: CueKind): number => (kinds.has(k) ? 1 : 0);
  const contact = Math.max(has('meeting'), has('pictures'), has('private-channel'));
  const z =
    -4 +
    (a.minorAge ? 1 : 0) * (1.5 * has('sexual') + 1.2 * contact + 1.0 * has('secrecy')) +
    0.8 * has('secrecy') + 0.6 * has('isolation') + 0.5 * has('gifts') + 0.5 * has('threats') +
    0.3 * kinds.size + 0.5 * has('sexual') * has('secrecy') - (a.adultAge && !a.minorAge ? 1 : 0);
  return 1 / (1 + Math.exp(-z));
}
