/**
 * The training side's twin of the runtime (src/classifier/model.ts): the same forward pass and conversation
 * scoring in plain JS, used for validation and checked against tfjs on the golden texts after every training.
 */
import { LABELS, type Scores } from '../../src/classifier/types';
import { featuresOfNormalized, type FeatureConfig } from '../../src/classifier/features';
import { analyzeMessages, conversationFeatures, convModelScore, windowTexts, type ConvModel } from '../../src/classifier/conversation';
import { forward, type BagParams } from './bag-model';

const K = LABELS.length;
const GI = LABELS.indexOf('grooming');
const SI = LABELS.indexOf('sexual');

/** The parts of the training config that scoring needs. */
export interface ScoringConfig {
  feature: FeatureConfig;
  window: { maxLines: number; maxChars: number };
}

export function predictTexts(p: BagParams, texts: string[], feature: FeatureConfig): Float32Array[] {
  const o = new Float32Array(K);
  const x = new Float32Array(p.dims.dim);
  const h = new Float32Array(p.dims.hidden);
  return texts.map((t) => {
    forward(p, featuresOfNormalized(t, feature), o, x, h);
    return o.slice();
  });
}

/** JS twin of HavenClassifier.classify for already-normalized conversation lines. */
export function convScores(p: BagParams, lines: string[], cfg: ScoringConfig, conv: ConvModel | null, authors?: string[]): { feats: number[]; scores: Scores } {
  const a = analyzeMessages(lines.map((t, i) => ({ text: t, author: authors?.[i] })), lines);
  const wins = windowTexts(lines.length ? lines : [''], cfg.window.maxLines, cfg.window.maxChars);
  const probs = predictTexts(p, wins, cfg.feature);
  const feats = conversationFeatures(a, probs.map((q) => q[GI]!), probs.map((q) => q[SI]!));
  const s = { bullying: 0, grooming: 0, sexual: 0, threat: 0, hate: 0 } as Scores;
  LABELS.forEach((l, k) => {
    if (k === GI) return;
    s[l] = Math.max(...probs.map((q) => q[k]!));
  });
  s.grooming = conv ? convModelScore(conv, feats, a.lang) : Math.max(...probs.map((q) => q[GI]!));
  return { feats, scores: s };
}
