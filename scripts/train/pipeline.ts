/** Training pipeline as importable functions (CLI in scripts/train.ts; smoke test uses a tiny config). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Scores, type Sensitivity } from '../../src/classifier/types';
import { DEFAULT_FEATURE_CONFIG, featuresOfNormalized, type FeatureConfig } from '../../src/classifier/features';
import {
  adultify, childify, CONV_FEATURE_NAMES, CONV_FEATURE_SIGNS, WINDOW_FEATURES, type ConvModel,
} from '../../src/classifier/conversation';
import {
  buildConversations, capSamples, concatNegatives, convSamples, isStackConv, listSources, normLines, readRows, rng, shuffle, windowExamples,
  CHAT_SOURCES, CLEAN_CHAT, GROOMING_SOURCE, type Conversation, type Example, type Row,
} from './data';
import {
  cloneParams, dequantize, initParams, initSourceBias, initState, quantizeUint8, trainStep, type BagDims, type BagParams, type SourceBias,
} from './bag-model';
import { rocAuc, round } from './metrics';
import { counterSpeechRows } from './counter-speech';
import { convScores, predictTexts } from './scoring';
import { evaluate } from './evaluate';


export interface TrainConfig {
  dataDir: string;
  outDir: string | null; // null = do not write artefacts
  cardPath: string | null;
  seed: number;
  epochs: number;
  dims: BagDims;
  feature: FeatureConfig;
  window: { maxLines: number; maxChars: number };
  lrE: number;
  lrDense: number;
  l2E: number;
  featureDropout: number;
  chatLineFrac: number;
  stackFrac: number;
  sourceCap: number;
  exclude: string[];
  log: (msg: string) => void;
  maxConvSamplesPerSource: number;
  pjNoCueWeight: number;
  hardNegWeight: number;
  counterfactualWeight: number;
  /** weight of irc/dailydialog/topical-chat lines as negatives for bullying/sexual/threat/hate (0 = off) */
  chatCleanNegWeight: number;
  /** extra loss-weight multipliers per "source|label" (e.g. "olid-offenseval2019|bullying": 2); default none */
  srcBoost?: Record<string, number>;
  /** learn a training-only logit offset per (source group, label) where that source has both classes */
  sourceBias?: boolean;
  /** loss weight of "insult aimed at a participant → hate = 0" (Kaggle insults; 0 = off) */
  insultNotHate?: number;
  /** Wang 2020 `age` and `other_cyberbullying` rows say nothing reliable about bullying: mask them */
  maskNoisyWang?: boolean;
  /** synthetic counter-speech examples (hate = 0) per language, see counter-speech.ts; 0 = off */
  counterSpeech?: number;
  /** thresholds: fall back to the F0.5 optimum when the precision target leaves less recall than this */
  minRecall?: number;
  /** conversation model with sign constraints (CONV_FEATURE_SIGNS) */
  signedConvModel?: boolean;
}

export const DEFAULT_CONFIG: Omit<TrainConfig, 'dataDir' | 'outDir' | 'cardPath' | 'log'> = {
  seed: 1337,
  epochs: 5,
  dims: { buckets: DEFAULT_FEATURE_CONFIG.buckets, dim: 12, hidden: 32 },
  feature: { ...DEFAULT_FEATURE_CONFIG, negation: true },
  window: { maxLines: 10, maxChars: 700 },
  lrE: 0.4,
  lrDense: 0.002,
  l2E: 0,
  featureDropout: 0.1,
  chatLineFrac: 0.3,
  stackFrac: 0.3,
  sourceCap: 5000,
  exclude: [],
  maxConvSamplesPerSource: 1500,
  pjNoCueWeight: 0.3,
  hardNegWeight: 3,
  counterfactualWeight: 2,
  chatCleanNegWeight: 0.3,
  sourceBias: true,
  maskNoisyWang: true,
  counterSpeech: 2000,
  minRecall: 0.25,
  signedConvModel: true,
};

const K = LABELS.length;
const GI = LABELS.indexOf('grooming');
const BI = LABELS.indexOf('bullying');
const HI = LABELS.indexOf('hate');
const INSULT_SOURCE = 'kaggle-insults-impermium';

/** Sources that share one training-only bias (Wang 2020 is split into a mixed part and a positives-only rest). */
export function sourceGroup(source: string): string {
  return source.replace(/-rest$/, '');
}

/**
 * One SourceBias per source group, with the offset frozen at 0 for labels where the group has
 * (almost) only one class: there a free offset would explain every label and the shared weights
 * would learn nothing from that source (e.g. grooming = 0 on every message set).
 */
function sourceBiases(prep: Prepared): Map<string, { sb: SourceBias; free: boolean[] }> {
  const stats = new Map<string, { p: Float64Array; n: Float64Array }>();
  prep.ex.forEach((e, i) => {
    const g = sourceGroup(e.source);
    if (!stats.has(g)) stats.set(g, { p: new Float64Array(K), n: new Float64Array(K) });
    const st = stats.get(g)!;
    for (let k = 0; k < K; k++) {
      if (prep.lw[i]![k] === 0) continue;
      if (prep.y[i]![k]) st.p[k] = st.p[k]! + 1;
      else st.n[k] = st.n[k]! + 1;
    }
  });
  const out = new Map<string, { sb: SourceBias; free: boolean[] }>();
  for (const [g, st] of stats) {
    const free = Array.from({ length: K }, (_, k) => {
      const tot = st.p[k]! + st.n[k]!;
      return tot >= 200 && st.p[k]! / tot >= 0.03 && st.p[k]! / tot <= 0.97;
    });
    out.set(g, { sb: initSourceBias(), free });
  }
  return out;
}

interface Prepared {
  ex: Example[];
  y: Float32Array[]; // 0/1 (masked entries irrelevant)
  lw: Float32Array[]; // per-label loss weights (0 = masked)
}

function messageExamples(rows: Row[], cfg: TrainConfig, rand: () => number, forVal: boolean): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    if (r.source === GROOMING_SOURCE) continue;
    if (CHAT_SOURCES.has(r.source)) {
      if (!forVal && rand() >= cfg.chatLineFrac) continue;
    }
    let y = r.y;
    // Wang 2020 `age` is mostly children *telling* about being bullied and `other_cyberbullying` is
    // largely harmless (its SOURCE.md): as positives they teach "disclosing bullying = bullying".
    if (cfg.maskNoisyWang && (r.wangType === 'age' || r.wangType === 'other_cyberbullying') && y[BI] !== null) {
      y = y.slice() as typeof y;
      y[BI] = null;
    }
    if (y.every((v) => v === null)) continue;
    const text = normLines(r.text);
    if (!text) continue;
    // Sexual content between adults / towards a bot is not grooming: sexual positives of the
    // message sets become grooming negatives (except OpenAI sexual/minors).
    // Posts/tweets/bot-directed turns of the message sets are not grooming conversations either:
    // grooming = 0 there (incl. sexual content between adults), except OpenAI sexual/minors (S3).
    if (y[GI] === null && !CHAT_SOURCES.has(r.source) && !(r.source === 'openai-moderation-eval' && r.s3)) {
      y = y.slice() as typeof y;
      y[GI] = 0;
    }
    // An insult aimed at a participant is bullying, not hate against a group (Kaggle insults say
    // nothing about hate; OLID already labels such tweets hate = 0). Weighted by insultNotHate.
    if (!forVal && (cfg.insultNotHate ?? 0) > 0 && r.source === INSULT_SOURCE && y[BI] === 1 && y[HI] === null) {
      y = y.slice() as typeof y;
      y[HI] = 0;
    }
    if (!forVal && cfg.chatCleanNegWeight > 0 && CLEAN_CHAT.has(r.source)) {
      // technical / everyday / topical chat lines: weak negatives for the other labels, so the
      // model does not fire on ordinary chat it never saw (documented in MODEL_CARD.md)
      out.push({ text, y: [0, 0, 0, 0, 0], source: r.source, lang: r.lang, kind: 'msg', w: cfg.chatCleanNegWeight });
      continue;
    }
    out.push({ text, y, source: r.source, lang: r.lang, kind: 'msg', w: 1 });
  }
  return out;
}

function prepareWeights(ex: Example[], cfg: TrainConfig): Prepared & { report: Record<string, unknown> } {
  // per (source,label) totals
  const tot = new Map<string, number>();
  for (const e of ex) e.y.forEach((v, k) => {
    if (v === null) return;
    const key = `${e.source}|${k}`;
    tot.set(key, (tot.get(key) ?? 0) + e.w);
  });
  const boost = cfg.srcBoost ?? {};
  const srcF = (s: string, k: number): number =>
    Math.min(1, Math.sqrt(cfg.sourceCap / (tot.get(`${s}|${k}`) ?? 1))) * (boost[`${s}|${LABELS[k]}`] ?? 1);
  const P = new Float64Array(K);
  const N = new Float64Array(K);
  for (const e of ex) e.y.forEach((v, k) => {
    if (v === null) return;
    const w = e.w * srcF(e.source, k);
    if (v === 1) P[k] = P[k]! + w;
    else N[k] = N[k]! + w;
  });
  const posMult = Array.from({ length: K }, (_, k) => (P[k]! > 0 && P[k]! < N[k]! / 3 ? Math.min(8, N[k]! / 3 / P[k]!) : 1));
  const y: Float32Array[] = [];
  const lw: Float32Array[] = [];
  for (const e of ex) {
    const yy = new Float32Array(K);
    const ww = new Float32Array(K);
    e.y.forEach((v, k) => {
      if (v === null) return;
      yy[k] = v;
      ww[k] = e.w * srcF(e.source, k) * (v === 1 ? posMult[k]! : 1);
      if (k === HI && e.source === INSULT_SOURCE && v === 0 && e.y[BI] === 1) ww[k] = ww[k]! * (cfg.insultNotHate ?? 0);
    });
    y.push(yy);
    lw.push(ww);
  }
  const report: Record<string, unknown> = {
    posMult: Object.fromEntries(LABELS.map((l, k) => [l, round(posMult[k]!, 3)])),
    weightedPos: Object.fromEntries(LABELS.map((l, k) => [l, Math.round(P[k]!)])),
    weightedNeg: Object.fromEntries(LABELS.map((l, k) => [l, Math.round(N[k]!)])),
  };
  return { ex, y, lw, report };
}

function featurizeWithDropout(text: string, cfg: TrainConfig, rand: () => number): number[] {
  const f = featuresOfNormalized(text, cfg.feature);
  if (cfg.featureDropout <= 0 || f.length < 4) return f;
  const kept = f.filter(() => rand() >= cfg.featureDropout);
  return kept.length ? kept : f;
}

/** Logistic regression (full batch, Adam, L2) for the stacked conversation model. */
export function fitConvModel(X: number[][], y: number[], rand: () => number, iters = 600, l2 = 1e-3, sw?: number[], signs?: ReadonlyArray<-1 | 0 | 1>): ConvModel {
  const d = X[0]?.length ?? 0;
  const w = new Float64Array(d);
  let b = 0;
  const swt = sw ?? y.map(() => 1);
  const pos = y.reduce((s, v, i) => s + v * swt[i]!, 0);
  const tot = swt.reduce((s, v) => s + v, 0);
  const neg = tot - pos;
  const wp = pos ? tot / (2 * pos) : 1;
  const wn = neg ? tot / (2 * neg) : 1;
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const lr = 0.05;
  void rand;
  for (let it = 1; it <= iters; it++) {
    const g = new Float64Array(d + 1);
    for (let i = 0; i < X.length; i++) {
      let z = b;
      const xi = X[i]!;
      for (let j = 0; j < d; j++) z += w[j]! * xi[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const e = (p - y[i]!) * (y[i] ? wp : wn) * swt[i]!;
      for (let j = 0; j < d; j++) g[j] = g[j]! + e * xi[j]!;
      g[d] = g[d]! + e;
    }
    for (let j = 0; j <= d; j++) {
      let gj = g[j]! / X.length;
      if (j < d) gj += l2 * w[j]!;
      m[j] = 0.9 * m[j]! + 0.1 * gj;
      v[j] = 0.999 * v[j]! + 0.001 * gj * gj;
      const step = (lr * (m[j]! / (1 - 0.9 ** it))) / (Math.sqrt(v[j]! / (1 - 0.999 ** it)) + 1e-8);
      if (j < d) {
        w[j] = w[j]! - step;
        // projected gradient: keep sign-constrained weights on their side of zero
        const sg = signs?.[j] ?? 0;
        if (sg > 0 && w[j]! < 0) w[j] = 0;
        else if (sg < 0 && w[j]! > 0) w[j] = 0;
      } else b -= step;
    }
  }
  return { weights: Array.from(w, (x) => round(x, 6)), bias: round(b, 6) };
}

export interface TrainResult {
  params: BagParams; // dequantized (as shipped)
  quant: { q: Uint8Array; scale: number; min: number };
  convModel: ConvModel;
  thresholds: Record<Sensitivity, Scores>;
  metrics: Record<string, unknown>;
  modelJson: Record<string, unknown>;
  weightsBin: Uint8Array;
  seconds: number;
}

export function runTraining(cfg: TrainConfig): TrainResult {
  const t0 = Date.now();
  const log = cfg.log;
  const rand = rng(cfg.seed);
  const sources = listSources(cfg.dataDir).filter((s) => !cfg.exclude.includes(s));
  log(`sources (${sources.length}): ${sources.join(', ')}`);
  const trainRows: Row[] = [];
  const valRows: Row[] = [];
  const counts: Record<string, { train: number; val: number }> = {};
  for (const s of sources) {
    const tr = readRows(join(cfg.dataDir, s, 'train.jsonl'));
    const va = readRows(join(cfg.dataDir, s, 'val.jsonl'));
    counts[s] = { train: tr.length, val: va.length };
    for (const r of tr) trainRows.push(r);
    for (const r of va) valRows.push(r);
  }
  log(`loaded ${trainRows.length} train / ${valRows.length} val rows (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  // --- examples
  const trainConvs = buildConversations(trainRows);
  const baseConvs = trainConvs.filter((c) => !isStackConv(c.key, cfg.stackFrac));
  const stackConvs = trainConvs.filter((c) => isStackConv(c.key, cfg.stackFrac));
  const valConvs = buildConversations(valRows);
  const synth = (cfg.counterSpeech ?? 0) > 0 ? counterSpeechRows(trainRows, rng(cfg.seed + 9), cfg.counterSpeech!) : [];
  if (synth.length) log(`synthetic counter-speech: ${synth.length} rows (hate = 0)`);
  const msgTrain = messageExamples([...trainRows, ...synth], cfg, rand, false);
  const winTrain = windowExamples(baseConvs, cfg.window.maxLines, cfg.window.maxChars, rand, cfg.pjNoCueWeight, cfg.hardNegWeight);
  const prep = prepareWeights([...msgTrain, ...winTrain], cfg);
  log(`train examples: ${msgTrain.length} messages + ${winTrain.length} conversation windows; convs base ${baseConvs.length}, stack ${stackConvs.length}, val ${valConvs.length}`);

  const msgVal = messageExamples(valRows, cfg, rand, true).filter((e) => !CHAT_SOURCES.has(e.source));
  const winVal = windowExamples(valConvs, cfg.window.maxLines, cfg.window.maxChars, rng(cfg.seed + 1));

  // --- train base model
  let params = initParams(cfg.dims, rand);
  const st = initState(params);
  const hp = { lrE: cfg.lrE, lrDense: cfg.lrDense, l2E: cfg.l2E };
  const scratch = {
    x: new Float32Array(cfg.dims.dim), h: new Float32Array(cfg.dims.hidden), o: new Float32Array(K),
    dz: new Float32Array(K), dh: new Float32Array(cfg.dims.hidden), dx: new Float32Array(cfg.dims.dim),
  };
  const order = Array.from({ length: prep.ex.length }, (_, i) => i);
  const biases = cfg.sourceBias ? sourceBiases(prep) : null;
  if (biases) log(`source biases (free labels): ${[...biases].map(([g, b]) => `${g}=${LABELS.filter((_, k) => b.free[k]).join('+') || '-'}`).join(', ')}`);
  let best: { score: number; params: BagParams; epoch: number } | null = null;
  const valTexts = [...msgVal, ...winVal];
  const epochLog: Array<Record<string, number>> = [];
  for (let ep = 1; ep <= cfg.epochs; ep++) {
    shuffle(order, rand);
    let loss = 0;
    const te = Date.now();
    for (let n = 0; n < order.length; n++) {
      const i = order[n]!;
      const progress = ((ep - 1) * order.length + n) / (cfg.epochs * order.length);
      const decay = Math.max(0.05, 1 - progress);
      hp.lrE = cfg.lrE * decay;
      hp.lrDense = cfg.lrDense * decay;
      const feats = featurizeWithDropout(prep.ex[i]!.text, cfg, rand);
      const bias = biases?.get(sourceGroup(prep.ex[i]!.source));
      loss += trainStep(params, st, hp, feats, prep.y[i]!, prep.lw[i]!, scratch, bias?.sb, 0.05 * decay);
      if (bias) for (let k = 0; k < K; k++) if (!bias.free[k]) bias.sb.b[k] = 0;
      if ((n + 1) % 50000 === 0) log(`  epoch ${ep}: ${n + 1}/${order.length} loss ${(loss / (n + 1)).toFixed(4)} (${((Date.now() - te) / 1000).toFixed(0)}s)`);
    }
    const pv = predictTexts(params, valTexts.map((e) => e.text), cfg.feature);
    const aucs: Record<string, number> = {};
    let sum = 0;
    LABELS.forEach((l, k) => {
      // macro average of per-source AUCs (sources with both classes): rewards cross-domain fit
      const bySrc = new Map<string, { s: number[]; y: number[] }>();
      valTexts.forEach((e, i) => {
        const v = e.y[k];
        if (v === null || v === undefined) return;
        const key = k === GI ? 'all' : e.source;
        if (!bySrc.has(key)) bySrc.set(key, { s: [], y: [] });
        bySrc.get(key)!.s.push(pv[i]![k]!);
        bySrc.get(key)!.y.push(v);
      });
      const vals = [...bySrc.values()].map((b) => rocAuc(b.s, b.y)).filter((x) => Number.isFinite(x));
      aucs[l] = round(vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN);
      sum += Number.isFinite(aucs[l]!) ? aucs[l]! : 0;
    });
    const score = sum / K;
    epochLog.push({ epoch: ep, loss: round(loss / order.length), ...aucs, mean: round(score) });
    log(`epoch ${ep}/${cfg.epochs}: loss ${(loss / order.length).toFixed(4)} val AUC ${JSON.stringify(aucs)} mean ${score.toFixed(4)} (${((Date.now() - te) / 1000).toFixed(0)}s)`);
    // the last epoch is kept (linear LR decay to ~0); per-epoch val is reported, not used to pick
    if (ep === cfg.epochs) best = { score, params: cloneParams(params), epoch: ep };
  }
  params = best!.params;
  log(`best epoch ${best!.epoch}`);

  // --- quantize embedding (shipped form) and evaluate with dequantized weights
  const quant = quantizeUint8(params.E);
  const shipped: BagParams = { ...params, E: dequantize(quant.q, quant.scale, quant.min) };

  // --- stacked conversation model on held-out (stack) train conversations
  const stackPool = [...stackConvs, ...concatNegatives(stackConvs, rand, 150)];
  const stackSamples = capSamples(convSamples(stackPool, rand), cfg.maxConvSamplesPerSource, rand);
  const X: number[][] = [];
  const Y: number[] = [];
  for (const s of stackSamples) {
    X.push(convScores(shipped, s.conv.lines.slice(s.start, s.end), cfg, null, s.conv.authors.slice(s.start, s.end)).feats);
    Y.push(s.conv.label);
  }
  // Counterfactual negatives: grooming samples that state a minor age, with every minor age made
  // adult. Teaches the conversation model that sexual/flirty talk between adults is not grooming.
  let nCf = 0;
  if (cfg.counterfactualWeight > 0) {
    const n0 = X.length;
    for (let i = 0; i < n0; i++) {
      const s = stackSamples[i]!;
      if (s.conv.label !== 1) continue;
      const lines = s.conv.lines.slice(s.start, s.end);
      const authors = s.conv.authors.slice(s.start, s.end);
      const cf = lines.map(adultify);
      if (!cf.every((l, j) => l === lines[j])) {
        X.push(convScores(shipped, cf, cfg, null, authors).feats);
        Y.push(0);
        nCf++;
      }
      // peer counterfactual: the adult's stated age made a minor one → two children talking
      const peer = lines.map(childify);
      if (!peer.every((l, j) => l === lines[j])) {
        const f = convScores(shipped, peer, cfg, null, authors).feats;
        if (f[CONV_FEATURE_NAMES.indexOf('minor_peers')] === 1) {
          X.push(f);
          Y.push(0);
          nCf++;
        }
      }
    }
  }
  const W = Y.map((_, i) => (i >= Y.length - nCf ? cfg.counterfactualWeight : 1));
  const signs = cfg.signedConvModel ? CONV_FEATURE_NAMES.map((n) => CONV_FEATURE_SIGNS[n] ?? 0) : undefined;
  const convModel: ConvModel = fitConvModel(X, Y, rand, 600, 1e-3, W, signs);
  // cue-only variant (window features zeroed) for conversations in German, where the message
  // model's grooming head has no training signal (PJ is English; German chat was negative only)
  const Xc = X.map((x) => x.map((v, j) => (WINDOW_FEATURES.includes(j) ? 0 : v)));
  const cueOnly = fitConvModel(Xc, Y, rand, 600, 1e-3, W, signs);
  convModel.cueOnly = cueOnly;
  log(`conversation model: ${nCf} counterfactual (adult-age / peer-minor) negatives added`);
  log(`conversation model fitted on ${X.length} samples (${Y.filter((v) => v).length} grooming): ${JSON.stringify(Object.fromEntries(CONV_FEATURE_NAMES.map((n, i) => [n, convModel.weights[i]])))}`);

  // --- validation: thresholds and metrics (scripts/train/evaluate.ts)
  const ev = evaluate({ shipped, convModel, cfg, msgVal, valConvs, valRows });
  const thresholds = ev.thresholds;
  const metrics: Record<string, any> = {
    perSource: ev.perSource, perLanguage: ev.perLanguage, pooled: ev.pooled, grooming: ev.grooming, epochs: epochLog, weights: prep.report,
    functionalProbe: ev.functionalProbe,
  };
  if (biases) metrics.sourceBias = Object.fromEntries([...biases].map(([g, b]) => [g, Object.fromEntries(LABELS.map((l, k) => [l, round(b.sb.b[k]!, 3)]))]));
  metrics.ordinaryChatFlagsPer1000 = ev.ordinaryChatFlagsPer1000;
  const seconds = (Date.now() - t0) / 1000;
  const version = `haven-clf-v1-s${cfg.seed}-${cfg.dims.buckets}x${cfg.dims.dim}-${hashParams(params, convModel)}`;

  // --- artefacts
  const weightsBin = buildWeightsBin(quant.q, params);
  const modelJson = {
    format: 'haven-hashed-bag-v1',
    version,
    labels: [...LABELS],
    featureConfig: cfg.feature,
    dims: cfg.dims,
    window: cfg.window,
    thresholds,
    convModel: { ...convModel, features: [...CONV_FEATURE_NAMES] },
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'embedding', shape: [cfg.dims.buckets, cfg.dims.dim], dtype: 'float32', quantization: { dtype: 'uint8', scale: quant.scale, min: quant.min } },
          { name: 'dense1/kernel', shape: [cfg.dims.dim, cfg.dims.hidden], dtype: 'float32' },
          { name: 'dense1/bias', shape: [cfg.dims.hidden], dtype: 'float32' },
          { name: 'dense2/kernel', shape: [cfg.dims.hidden, K], dtype: 'float32' },
          { name: 'dense2/bias', shape: [K], dtype: 'float32' },
        ],
      },
    ],
  };
  metrics.version = version;
  metrics.datasets = counts;
  metrics.config = { ...cfg, log: undefined, dataDir: undefined, outDir: undefined, cardPath: undefined };
  if (cfg.outDir) {
    mkdirSync(cfg.outDir, { recursive: true });
    writeFileSync(join(cfg.outDir, 'model.json'), JSON.stringify(modelJson, null, 1) + '\n');
    writeFileSync(join(cfg.outDir, 'weights.bin'), weightsBin);
    writeFileSync(join(cfg.outDir, 'metrics.json'), JSON.stringify(metrics, null, 1) + '\n');
    log(`wrote ${cfg.outDir}/model.json, weights.bin (${weightsBin.length} bytes), metrics.json`);
  }
  return { params: shipped, quant, convModel, thresholds, metrics, modelJson, weightsBin, seconds };
}

function hashParams(p: BagParams, conv: ConvModel): string {
  let h = 0x811c9dc5;
  for (const v of [...conv.weights, conv.bias, ...(conv.cueOnly?.weights ?? []), conv.cueOnly?.bias ?? 0]) h = Math.imul(h ^ Math.round(v * 1e6), 0x01000193) >>> 0;
  const step = Math.max(1, Math.floor(p.E.length / 4096));
  for (let i = 0; i < p.E.length; i += step) h = Math.imul(h ^ Math.round(p.E[i]! * 1e6), 0x01000193) >>> 0;
  for (const v of p.W2) h = Math.imul(h ^ Math.round(v * 1e6), 0x01000193) >>> 0;
  return (h >>> 0).toString(16).padStart(8, '0');
}

function buildWeightsBin(q: Uint8Array, p: BagParams): Uint8Array {
  // uint8 embedding first, then float32 tensors; tfjs decodeWeights reads them sequentially.
  const parts: Uint8Array[] = [q];
  for (const a of [p.W1, p.b1, p.W2, p.b2]) parts.push(new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)));
  const total = parts.reduce((s, x) => s + x.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const x of parts) {
    out.set(x, off);
    off += x.length;
  }
  return out;
}

export type { Conversation };
