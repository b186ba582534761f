/**
 * Runtime: loads the shipped artefacts (model.json + weights.bin in tfjs weights format) and runs
 * the forward pass with @tensorflow/tfjs-core ops (cpu backend by default). Pure and DOM-free.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { featuresOfNormalized, type FeatureConfig } from './features';
import { normalizeText } from './normalize';
import {
  analyzeMessages, conversationFeatures, windowTexts, convModelScore, parseConversation, CONV_FEATURE_NAMES,
  type ConvMessage, type ConvModel,
} from './conversation';
import { LABELS, SENSITIVITIES, type Classifier, type Label, type ModelSource, type Scores, type Sensitivity } from './types';

export interface WindowConfig {
  maxLines: number;
  maxChars: number;
}

export interface ModelJson {
  format: 'haven-hashed-bag-v1';
  version: string;
  labels: string[];
  featureConfig: FeatureConfig;
  dims: { buckets: number; dim: number; hidden: number };
  window: WindowConfig;
  thresholds: Record<Sensitivity, Scores>;
  convModel: ConvModel;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
}

export function sourceFromUrl(baseUrl: string, fetchFn: typeof fetch = (...a) => fetch(...a)): ModelSource {
  const base = baseUrl.endsWith('/') ? baseUrl : baseUrl + '/';
  const get = async (name: string): Promise<Response> => {
    let res: Response;
    try {
      res = await fetchFn(base + name);
    } catch (e) {
      throw new Error(`classifier: cannot fetch ${base + name}: ${(e as Error)?.message ?? e}`, { cause: e });
    }
    if (!res.ok) throw new Error(`classifier: fetching ${base + name} failed with HTTP ${res.status}`);
    return res;
  };
  return {
    async readJson(name) {
      const res = await get(name);
      try {
        return await res.json();
      } catch (e) {
        throw new Error(`classifier: ${name} is not valid JSON: ${(e as Error).message}`, { cause: e });
      }
    },
    async readBinary(name) {
      return (await get(name)).arrayBuffer();
    },
  };
}

function validateModelJson(j: unknown): ModelJson {
  const m = j as Partial<ModelJson> | null;
  if (!m || typeof m !== 'object') throw new Error('classifier: model.json is not an object');
  if (m.format !== 'haven-hashed-bag-v1') throw new Error(`classifier: unsupported model format ${String(m.format)}`);
  if (!Array.isArray(m.labels) || m.labels.join() !== LABELS.join()) throw new Error('classifier: model.json labels do not match LABELS');
  if (!m.dims || !m.featureConfig || !m.window || !m.thresholds || !m.convModel) throw new Error('classifier: model.json is missing fields');
  // The conversation features are computed by this code: a model trained on another feature list would be
  // scored with misaligned weights, silently.
  const convFeatures = (m.convModel as ConvModel & { features?: string[] }).features;
  const cueOnly = m.convModel.cueOnly;
  if (
    !Array.isArray(m.convModel.weights) || m.convModel.weights.length !== CONV_FEATURE_NAMES.length ||
    (convFeatures && convFeatures.join() !== CONV_FEATURE_NAMES.join()) ||
    (cueOnly && (!Array.isArray(cueOnly.weights) || cueOnly.weights.length !== CONV_FEATURE_NAMES.length))
  ) {
    throw new Error(`classifier: model.json conversation model does not match this version of Haven (expects ${CONV_FEATURE_NAMES.length} features)`);
  }
  if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length === 0) throw new Error('classifier: model.json has no weightsManifest');
  for (const s of SENSITIVITIES) {
    const t = m.thresholds[s];
    if (!t) throw new Error(`classifier: thresholds.${s} missing`);
    for (const l of LABELS) if (typeof t[l] !== 'number') throw new Error(`classifier: thresholds.${s}.${l} missing`);
  }
  return m as ModelJson;
}

export interface RawBatchInput {
  /** feature ids per text */
  feats: number[][];
}

export class HavenClassifier implements Classifier {
  readonly version: string;
  readonly thresholds: Record<Sensitivity, Scores>;
  readonly config: ModelJson;
  private E: Float32Array;
  private W1: tf.Tensor2D;
  private b1: tf.Tensor1D;
  private W2: tf.Tensor2D;
  private b2: tf.Tensor1D;
  private disposed = false;

  constructor(cfg: ModelJson, weights: tf.NamedTensorMap) {
    this.config = cfg;
    this.version = cfg.version;
    this.thresholds = cfg.thresholds;
    const need = (n: string): tf.Tensor => {
      const t = weights[n];
      if (!t) throw new Error(`classifier: weight ${n} missing from weights.bin`);
      return t;
    };
    const E0 = need('embedding') as tf.Tensor2D;
    this.W1 = need('dense1/kernel') as tf.Tensor2D;
    this.b1 = need('dense1/bias') as tf.Tensor1D;
    this.W2 = need('dense2/kernel') as tf.Tensor2D;
    this.b2 = need('dense2/bias') as tf.Tensor1D;
    const { buckets, dim, hidden } = cfg.dims;
    const shapeOk =
      E0.shape[0] === buckets && E0.shape[1] === dim && this.W1.shape[0] === dim && this.W1.shape[1] === hidden &&
      this.W2.shape[0] === hidden && this.W2.shape[1] === LABELS.length;
    if (!shapeOk) {
      for (const t of [E0, this.W1, this.b1, this.W2, this.b2]) t.dispose();
      this.disposed = true;
      throw new Error('classifier: weight shapes do not match model.json dims');
    }
    this.E = E0.dataSync() as Float32Array;
    E0.dispose();
  }

  /** Base (message/window) model on pre-computed feature ids → probabilities [n][5]. */
  scoreFeatures(feats: number[][]): Float32Array[] {
    if (this.disposed) throw new Error('classifier: disposed');
    const out: Float32Array[] = [];
    const B = 64;
    for (let s = 0; s < feats.length; s += B) {
      const batch = feats.slice(s, s + B);
      const D = this.config.dims.dim;
      // Embedding bag (mean of hashed-feature rows). A typed-array loop over the decoded tfjs weight:
      // tfjs-core's cpu gather is ~20x slower for this sparse lookup. The dense head runs on tf ops.
      const bag = new Float32Array(batch.length * D);
      const E = this.E;
      batch.forEach((f, i) => {
        const o = i * D;
        for (const id of f) {
          const r = id * D;
          for (let d = 0; d < D; d++) bag[o + d] = bag[o + d]! + E[r + d]!;
        }
        const inv = 1 / Math.max(1, f.length);
        for (let d = 0; d < D; d++) bag[o + d] = bag[o + d]! * inv;
      });
      const probs = tf.tidy(() => {
        const x = tf.tensor2d(bag, [batch.length, D]);
        const h = tf.relu(tf.add(tf.matMul(x, this.W1), this.b1));
        return tf.sigmoid(tf.add(tf.matMul(h, this.W2), this.b2));
      });
      const data = probs.dataSync() as Float32Array;
      probs.dispose();
      for (let i = 0; i < batch.length; i++) out.push(data.slice(i * LABELS.length, (i + 1) * LABELS.length));
    }
    return out;
  }

  /** Base model on raw texts (each text scored as one window). */
  async scoreRaw(texts: string[]): Promise<Scores[]> {
    const f = texts.map((t) => featuresOfNormalized(normalizeText(t), this.config.featureConfig));
    return this.scoreFeatures(f).map(toScores);
  }

  /** Split normalized lines into model windows. */
  windowsOf(normalizedLines: string[]): string[] {
    return windowTexts(normalizedLines, this.config.window.maxLines, this.config.window.maxChars);
  }

  /** Score a whole conversation (messages in order). */
  scoreConversation(messages: ConvMessage[]): Scores {
    const a = analyzeMessages(messages);
    const windows = this.windowsOf(a.normalized.length ? a.normalized : ['']);
    const probs = this.scoreFeatures(windows.map((w) => featuresOfNormalized(w, this.config.featureConfig)));
    return this.combine(a, probs);
  }

  private combine(a: ReturnType<typeof analyzeMessages>, probs: Float32Array[]): Scores {
    const s = { bullying: 0, grooming: 0, sexual: 0, threat: 0, hate: 0 } as Scores;
    LABELS.forEach((l, j) => {
      if (l === 'grooming') return;
      let m = 0;
      for (const p of probs) m = Math.max(m, p[j]!);
      s[l] = m;
    });
    const gi = LABELS.indexOf('grooming');
    const si = LABELS.indexOf('sexual');
    const feats = conversationFeatures(a, probs.map((p) => p[gi]!), probs.map((p) => p[si]!));
    s.grooming = convModelScore(this.config.convModel, feats, a.lang);
    return s;
  }

  async classify(texts: string[]): Promise<Scores[]> {
    if (this.disposed) throw new Error('classifier: disposed');
    // Gather all windows of all texts, score them in shared batches, then combine per text.
    const analyses: Array<ReturnType<typeof analyzeMessages>> = [];
    const spans: Array<[number, number]> = [];
    const allFeats: number[][] = [];
    for (const raw of texts) {
      const msgs = parseConversation(typeof raw === 'string' ? raw : String(raw ?? ''));
      const a = analyzeMessages(msgs.length ? msgs : [{ text: '' }]);
      const windows = this.windowsOf(a.normalized);
      const start = allFeats.length;
      for (const w of windows) allFeats.push(featuresOfNormalized(w, this.config.featureConfig));
      analyses.push(a);
      spans.push([start, allFeats.length]);
    }
    const probs = this.scoreFeatures(allFeats);
    return analyses.map((a, i) => this.combine(a, probs.slice(spans[i]![0], spans[i]![1])));
  }

  flagged(scores: Scores, sensitivity: Sensitivity = 'medium'): Label[] {
    const t = this.thresholds[sensitivity] ?? this.thresholds.medium;
    return LABELS.filter((l) => scores[l] >= t[l]);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of [this.W1, this.b1, this.W2, this.b2]) t?.dispose();
    this.E = new Float32Array(0);
  }
}

function toScores(p: Float32Array): Scores {
  return { bullying: p[0]!, grooming: p[1]!, sexual: p[2]!, threat: p[3]!, hate: p[4]! };
}

let backendReady: Promise<void> | null = null;
async function ensureBackend(backend: 'cpu' | 'wasm'): Promise<void> {
  if (tf.getBackend() === backend) return;
  if (backend === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
  }
  backendReady = (async () => {
    const ok = await tf.setBackend(backend);
    if (!ok) throw new Error(`classifier: tfjs backend ${backend} is not available`);
    await tf.ready();
  })();
  await backendReady;
}

export async function loadClassifier(source: ModelSource, opts: { backend?: 'cpu' | 'wasm' } = {}): Promise<HavenClassifier> {
  await ensureBackend(opts.backend ?? 'cpu');
  const cfg = validateModelJson(await source.readJson('model.json'));
  const groups = cfg.weightsManifest;
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const g of groups) {
    for (const p of g.paths) buffers.push(await source.readBinary(p));
    specs.push(...g.weights);
  }
  const total = buffers.reduce((s, b) => s + b.byteLength, 0);
  const joined = new Uint8Array(total);
  let off = 0;
  for (const b of buffers) {
    joined.set(new Uint8Array(b), off);
    off += b.byteLength;
  }
  let weights: tf.NamedTensorMap;
  try {
    weights = tf.io.decodeWeights(joined.buffer, specs);
  } catch (e) {
    throw new Error(`classifier: cannot decode weights: ${(e as Error).message}`, { cause: e });
  }
  try {
    return new HavenClassifier(cfg, weights);
  } catch (e) {
    for (const t of Object.values(weights)) t.dispose();
    throw e;
  }
}
