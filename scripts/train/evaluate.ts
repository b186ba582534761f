/**
 * Validation of a trained model: per-label thresholds (precision-first, chosen on val), and the metrics that go
 * into metrics.json and the model card: per set, per language, pooled, grooming on whole conversations and their
 * adult-age counterfactuals, the functional probe and false alarms on ordinary chat. Fits nothing.
 */
import { LABELS, SENSITIVITIES, type Scores, type Sensitivity } from '../../src/classifier/types';
import { adultify, convModelScore, parseConversation, type ConvModel } from '../../src/classifier/conversation';
import { normalizeText } from '../../src/classifier/normalize';
import { capSamples, concatNegatives, convSamples, normLines, rng, CLEAN_CHAT, type Conversation, type Example, type Row } from './data';
import type { BagParams } from './bag-model';
import { prfAt, prfAtW, rocAuc, round, roundObj, thresholdForPrecision } from './metrics';
import { runProbe } from './probe';
import { convScores, predictTexts, type ScoringConfig } from './scoring';

const GI = LABELS.indexOf('grooming');

export interface EvaluateInput {
  shipped: BagParams; // dequantized, as shipped
  convModel: ConvModel;
  cfg: ScoringConfig & { seed: number; maxConvSamplesPerSource: number; counterfactualWeight: number; minRecall?: number };
  msgVal: Example[];
  valConvs: Conversation[];
  valRows: Row[];
}

export interface Evaluation {
  thresholds: Record<Sensitivity, Scores>;
  perSource: Record<string, unknown>;
  perLanguage: Record<string, unknown>;
  pooled: Record<string, unknown>;
  grooming: Record<string, unknown>;
  functionalProbe: Record<string, unknown>;
  ordinaryChatFlagsPer1000: Record<string, unknown>;
}

export function evaluate({ shipped, convModel, cfg, msgVal, valConvs, valRows }: EvaluateInput): Evaluation {
  const valPool = [...valConvs, ...concatNegatives(valConvs, rng(cfg.seed + 4), 50)];
  const valSamples = capSamples(convSamples(valPool, rng(cfg.seed + 2)), cfg.maxConvSamplesPerSource, rng(cfg.seed + 3));
  const convVal = valSamples.map((s) => ({
    s, score: convScores(shipped, s.conv.lines.slice(s.start, s.end), cfg, convModel, s.conv.authors.slice(s.start, s.end)).scores.grooming,
  }));
  const pMsg = predictTexts(shipped, msgVal.map((e) => e.text), cfg.feature);

  const metrics: Record<string, any> = { perSource: {}, perLanguage: {}, pooled: {}, grooming: {} };
  // scored like the runtime scores a text: parsed into messages, grooming by the conversation model
  metrics.functionalProbe = runProbe((texts) =>
    texts.map((t) => {
      const msgs = parseConversation(t);
      const lines = msgs.map((m) => normalizeText(m.text));
      const s = convScores(shipped, lines.length ? lines : [''], cfg, convModel, msgs.map((m) => m.author ?? '')).scores;
      return LABELS.map((l) => s[l]);
    }),
  );
  const thresholds = {} as Record<Sensitivity, Scores>;
  for (const s of SENSITIVITIES) thresholds[s] = { bullying: 0.5, grooming: 0.5, sexual: 0.5, threat: 0.5, hate: 0.5 };
  const targets: Record<Sensitivity, number> = { low: 0.9, medium: 0.8, high: 0.65 };

  for (const [k, l] of LABELS.entries()) {
    let scores: number[] = [];
    let ys: number[] = [];
    const groups: Array<{ src: string; lang: string; s: number; y: number }> = [];
    if (k === GI) {
      // thresholds and metrics on whole conversations (incl. synthetic long ordinary chats);
      // sub-window samples are reported separately in metrics.grooming
      for (const c of convVal) {
        if (c.s.start !== 0 || c.s.end !== c.s.conv.lines.length) continue;
        groups.push({ src: c.s.conv.source, lang: c.s.conv.lang, s: c.score, y: c.s.conv.label });
        // adult-age counterfactual of each PJ val conversation: a hard negative (grooming trap)
        if (c.s.conv.label === 1 && cfg.counterfactualWeight > 0) {
          const cf = c.s.conv.lines.map(adultify);
          if (!cf.every((l, j) => l === c.s.conv.lines[j])) {
            groups.push({ src: 'counterfactual-adult-age', lang: c.s.conv.lang, s: convScores(shipped, cf, cfg, convModel, c.s.conv.authors).scores.grooming, y: 0 });
          }
        }
      }
    } else {
      msgVal.forEach((e, i) => {
        const v = e.y[k];
        if (v === null || v === undefined) return;
        groups.push({ src: e.source, lang: e.lang, s: pMsg[i]![k]!, y: v });
      });
    }
    // sources with both classes are used for thresholds (positive-only sets would inflate precision)
    const bySrc = new Map<string, { s: number[]; y: number[] }>();
    const byLang = new Map<string, { s: number[]; y: number[] }>();
    for (const g of groups) {
      if (!bySrc.has(g.src)) bySrc.set(g.src, { s: [], y: [] });
      bySrc.get(g.src)!.s.push(g.s);
      bySrc.get(g.src)!.y.push(g.y);
      if (!byLang.has(g.lang)) byLang.set(g.lang, { s: [], y: [] });
      byLang.get(g.lang)!.s.push(g.s);
      byLang.get(g.lang)!.y.push(g.y);
    }
    // each val set gets a total weight ∝ sqrt(its size) in the threshold choice (between pooled and
    // equal weights: the pooled positive rate would otherwise be that of the largest, easiest set)
    const ws: number[] = [];
    for (const g of groups) {
      const b = bySrc.get(g.src)!;
      if (k !== GI) {
        const pos = b.y.filter((v) => v).length;
        if (pos === 0 || pos === b.y.length) continue;
      }
      scores.push(g.s);
      ys.push(g.y);
      ws.push(k === GI ? 1 : 30 / Math.sqrt(b.y.length));
    }
    if (scores.length === 0) {
      scores = groups.map((g) => g.s);
      ys = groups.map((g) => g.y);
    }
    let prev = 1;
    for (const sens of ['low', 'medium', 'high'] as Sensitivity[]) {
      const { thr, met } = thresholdForPrecision(scores, ys, targets[sens], k === GI ? 5 : 10, ws.length === scores.length ? ws : undefined, cfg.minRecall ?? 0);
      const t = Math.min(prev, thr);
      thresholds[sens][l] = round(t, 5);
      prev = t;
      metrics.pooled[`${l}@${sens}`] = { threshold: round(t, 5), precisionTargetMet: met, ...roundObj(prfAt(scores, ys, t)), sourceBalanced: roundObj(prfAtW(scores, ys, t, ws)) };
    }
    metrics.pooled[l] = { auc: round(rocAuc(scores, ys)), n: ys.length, pos: ys.filter((v) => v).length };
    const medThr = thresholds.medium[l];
    for (const [src, b] of bySrc) {
      metrics.perSource[`${l}|${src}`] = { n: b.y.length, pos: b.y.filter((v) => v).length, auc: round(rocAuc(b.s, b.y)), ...roundObj(prfAt(b.s, b.y, medThr)) };
    }
    for (const [lang, b] of byLang) {
      metrics.perLanguage[`${l}|${lang}`] = { n: b.y.length, pos: b.y.filter((v) => v).length, auc: round(rocAuc(b.s, b.y)), ...roundObj(prfAt(b.s, b.y, medThr)) };
    }
  }
  // grooming detail: whole conversations only, and base-model window max without the conversation model
  {
    const whole = convVal.filter((c) => c.s.start === 0 && c.s.end === c.s.conv.lines.length);
    const ws = whole.map((c) => c.score);
    const wy = whole.map((c) => c.s.conv.label);
    metrics.grooming.wholeConversations = { n: wy.length, pos: wy.filter((v) => v).length, auc: round(rocAuc(ws, wy)), ...roundObj(prfAt(ws, wy, thresholds.medium.grooming)) };
    const cfS: number[] = [];
    const cfY: number[] = [];
    for (const c of convVal) {
      if (c.s.conv.label !== 1 || c.s.start !== 0 || c.s.end !== c.s.conv.lines.length) continue;
      const cf = c.s.conv.lines.map(adultify);
      if (cf.every((l, j) => l === c.s.conv.lines[j])) continue;
      cfS.push(c.score, convScores(shipped, cf, cfg, convModel, c.s.conv.authors).scores.grooming);
      cfY.push(1, 0);
    }
    metrics.grooming.counterfactualPairs = { n: cfY.length / 2, auc: round(rocAuc(cfS, cfY)), ...roundObj(prfAt(cfS, cfY, thresholds.medium.grooming)) };
    {
      const whole = convVal.filter((c) => c.s.start === 0 && c.s.end === c.s.conv.lines.length);
      const cs = whole.map((c) => {
        const lines = c.s.conv.lines;
        const f = convScores(shipped, lines, cfg, null, c.s.conv.authors).feats;
        return convModelScore(convModel, f, 'de');
      });
      const cy = whole.map((c) => c.s.conv.label);
      metrics.grooming.cueOnlyModelOnWholeConversations = { auc: round(rocAuc(cs, cy)), ...roundObj(prfAt(cs, cy, thresholds.medium.grooming)) };
    }
    const allS = convVal.map((c) => c.score);
    const allY = convVal.map((c) => c.s.conv.label);
    metrics.grooming.allSamples = { auc: round(rocAuc(allS, allY)), ...roundObj(prfAt(allS, allY, thresholds.medium.grooming)) };
    const baseOnly = valSamples.map((s) => convScores(shipped, s.conv.lines.slice(s.start, s.end), cfg, null, s.conv.authors.slice(s.start, s.end)).scores.grooming);
    metrics.grooming.windowMaxWithoutConvModel = { auc: round(rocAuc(baseOnly, valSamples.map((s) => s.conv.label))) };
    metrics.grooming.samples = { n: convVal.length, pos: convVal.filter((c) => c.s.conv.label).length };
  }
  // Warnings per 1,000 lines of ordinary chat (val lines of the three clean chat sets): what a
  // child would see as false alarms on everyday text, per sensitivity.
  {
    const lines = valRows.filter((r) => CLEAN_CHAT.has(r.source)).map((r) => normLines(r.text)).filter(Boolean);
    const p = predictTexts(shipped, lines, cfg.feature);
    const rate: Record<string, Record<string, number>> = {};
    for (const sens of SENSITIVITIES) {
      rate[sens] = {};
      let any = 0;
      for (const [k, l] of LABELS.entries()) {
        if (k === GI) continue;
        rate[sens]![l] = round((1000 * p.filter((q) => q[k]! >= thresholds[sens][l]).length) / Math.max(1, lines.length), 1);
      }
      for (const q of p) if (LABELS.some((l, k) => k !== GI && q[k]! >= thresholds[sens][l])) any++;
      rate[sens]!.any = round((1000 * any) / Math.max(1, lines.length), 1);
    }
    // grooming of a line scored alone (the CLI's view of a one-message input; the extension never
    // warns about grooming for a single message)
    const g = lines.map((l) => convScores(shipped, [l], cfg, convModel).scores.grooming);
    for (const sens of SENSITIVITIES) rate[sens]!.groomingSingleLine = round((1000 * g.filter((x) => x >= thresholds[sens].grooming).length) / Math.max(1, lines.length), 1);
    metrics.ordinaryChatFlagsPer1000 = { lines: lines.length, ...rate };
  }
  return {
    thresholds, perSource: metrics.perSource, perLanguage: metrics.perLanguage, pooled: metrics.pooled, grooming: metrics.grooming,
    functionalProbe: metrics.functionalProbe, ordinaryChatFlagsPer1000: metrics.ordinaryChatFlagsPer1000,
  };
}
