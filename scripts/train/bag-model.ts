/**
 * Hashed embedding-bag + one hidden layer, multi-label sigmoid with masked BCE.
 * Training is a hand-written sparse optimizer in TypeScript (lazy Adagrad on the embedding rows,
 * Adam on the dense head): tfjs's gather gradient densifies the whole V×D table every step, which is
 * ~100× slower on 2 cores. The forward pass is exactly the one src/classifier/model.ts runs with tfjs.
 */
import { LABELS } from '../../src/classifier/types';

export interface BagDims {
  buckets: number;
  dim: number;
  hidden: number;
}

export interface BagParams {
  dims: BagDims;
  E: Float32Array; // buckets*dim
  W1: Float32Array; // dim*hidden (row-major [dim][hidden])
  b1: Float32Array;
  W2: Float32Array; // hidden*K
  b2: Float32Array;
}

const K = LABELS.length;

export function initParams(dims: BagDims, rand: () => number): BagParams {
  const { buckets, dim, hidden } = dims;
  const E = new Float32Array(buckets * dim);
  for (let i = 0; i < E.length; i++) E[i] = (rand() * 2 - 1) * 0.1;
  const W1 = new Float32Array(dim * hidden);
  const s1 = Math.sqrt(6 / (dim + hidden));
  for (let i = 0; i < W1.length; i++) W1[i] = (rand() * 2 - 1) * s1;
  const b1 = new Float32Array(hidden).fill(0.01);
  const W2 = new Float32Array(hidden * K);
  const s2 = Math.sqrt(6 / (hidden + K));
  for (let i = 0; i < W2.length; i++) W2[i] = (rand() * 2 - 1) * s2;
  const b2 = new Float32Array(K).fill(-2);
  return { dims, E, W1, b1, W2, b2 };
}

export function cloneParams(p: BagParams): BagParams {
  return { dims: { ...p.dims }, E: p.E.slice(), W1: p.W1.slice(), b1: p.b1.slice(), W2: p.W2.slice(), b2: p.b2.slice() };
}

/** Forward pass; writes probabilities into out (length K). Scratch buffers passed for speed. */
export function forward(p: BagParams, feats: ArrayLike<number>, out: Float32Array, x?: Float32Array, h?: Float32Array, zOffset?: Float32Array): void {
  const { dim, hidden } = p.dims;
  const xv = x ?? new Float32Array(dim);
  const hv = h ?? new Float32Array(hidden);
  xv.fill(0);
  const n = feats.length;
  for (let f = 0; f < n; f++) {
    const o = feats[f]! * dim;
    for (let d = 0; d < dim; d++) xv[d] = xv[d]! + p.E[o + d]!;
  }
  const inv = 1 / Math.max(1, n);
  for (let d = 0; d < dim; d++) xv[d] = xv[d]! * inv;
  for (let j = 0; j < hidden; j++) {
    let s = p.b1[j]!;
    for (let d = 0; d < dim; d++) s += xv[d]! * p.W1[d * hidden + j]!;
    hv[j] = s > 0 ? s : 0;
  }
  for (let k = 0; k < K; k++) {
    let z = p.b2[k]! + (zOffset ? zOffset[k]! : 0);
    for (let j = 0; j < hidden; j++) z += hv[j]! * p.W2[j * K + k]!;
    out[k] = 1 / (1 + Math.exp(-z));
  }
}

export interface TrainState {
  gE: Float32Array; // adagrad accumulators for E
  mW1: Float32Array; vW1: Float32Array; mb1: Float32Array; vb1: Float32Array;
  mW2: Float32Array; vW2: Float32Array; mb2: Float32Array; vb2: Float32Array;
  step: number;
}

export function initState(p: BagParams): TrainState {
  return {
    gE: new Float32Array(p.E.length).fill(0.1),
    mW1: new Float32Array(p.W1.length), vW1: new Float32Array(p.W1.length),
    mb1: new Float32Array(p.b1.length), vb1: new Float32Array(p.b1.length),
    mW2: new Float32Array(p.W2.length), vW2: new Float32Array(p.W2.length),
    mb2: new Float32Array(p.b2.length), vb2: new Float32Array(p.b2.length),
    step: 0,
  };
}

export interface Hyper {
  lrE: number;
  lrDense: number;
  l2E: number;
}

/**
 * Training-only logit offsets per source group (not shipped): each dataset has its own base rate
 * and annotation habits; a per-source bias absorbs them so the shared weights do not have to learn
 * "tweet-style text = Wang's bullying prior". Updated with Adagrad.
 */
export interface SourceBias {
  b: Float32Array; // K
  g: Float32Array; // K adagrad accumulators
}

export function initSourceBias(): SourceBias {
  return { b: new Float32Array(K), g: new Float32Array(K).fill(0.1) };
}

/**
 * One SGD step on one example. lw[k] = per-label loss weight (0 = masked), y[k] in {0,1}.
 * Returns the weighted loss.
 */
export function trainStep(
  p: BagParams, st: TrainState, hp: Hyper, feats: ArrayLike<number>, y: Float32Array, lw: Float32Array,
  scratch: { x: Float32Array; h: Float32Array; o: Float32Array; dz: Float32Array; dh: Float32Array; dx: Float32Array },
  sb?: SourceBias,
  lrSb = 0.05,
): number {
  const { dim, hidden } = p.dims;
  const { x, h, o, dz, dh, dx } = scratch;
  forward(p, feats, o, x, h, sb?.b);
  let loss = 0;
  let any = false;
  for (let k = 0; k < K; k++) {
    const w = lw[k]!;
    if (w === 0) {
      dz[k] = 0;
      continue;
    }
    any = true;
    const pk = Math.min(1 - 1e-7, Math.max(1e-7, o[k]!));
    loss += -w * (y[k]! * Math.log(pk) + (1 - y[k]!) * Math.log(1 - pk));
    dz[k] = w * (o[k]! - y[k]!);
  }
  if (!any) return 0;
  if (sb) {
    for (let k = 0; k < K; k++) {
      const g = dz[k]!;
      if (g === 0) continue;
      sb.g[k] = sb.g[k]! + g * g;
      sb.b[k] = sb.b[k]! - (lrSb * g) / Math.sqrt(sb.g[k]!);
    }
  }
  // backprop
  for (let j = 0; j < hidden; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += dz[k]! * p.W2[j * K + k]!;
    dh[j] = h[j]! > 0 ? s : 0;
  }
  for (let d = 0; d < dim; d++) {
    let s = 0;
    for (let j = 0; j < hidden; j++) s += dh[j]! * p.W1[d * hidden + j]!;
    dx[d] = s / Math.max(1, feats.length);
  }
  // Adam on dense
  st.step++;
  const b1c = 1 - Math.pow(0.9, st.step);
  const b2c = 1 - Math.pow(0.999, st.step);
  const lr = hp.lrDense;
  const adam = (w: Float32Array, m: Float32Array, v: Float32Array, i: number, g: number): void => {
    m[i] = 0.9 * m[i]! + 0.1 * g;
    v[i] = 0.999 * v[i]! + 0.001 * g * g;
    w[i] = w[i]! - (lr * (m[i]! / b1c)) / (Math.sqrt(v[i]! / b2c) + 1e-8);
  };
  for (let j = 0; j < hidden; j++) for (let k = 0; k < K; k++) adam(p.W2, st.mW2, st.vW2, j * K + k, h[j]! * dz[k]!);
  for (let k = 0; k < K; k++) adam(p.b2, st.mb2, st.vb2, k, dz[k]!);
  for (let d = 0; d < dim; d++) {
    const xd = x[d]!;
    for (let j = 0; j < hidden; j++) adam(p.W1, st.mW1, st.vW1, d * hidden + j, xd * dh[j]!);
  }
  for (let j = 0; j < hidden; j++) adam(p.b1, st.mb1, st.vb1, j, dh[j]!);
  // lazy Adagrad on embedding rows
  const n = feats.length;
  for (let f = 0; f < n; f++) {
    const o2 = feats[f]! * dim;
    for (let d = 0; d < dim; d++) {
      const g = dx[d]! + hp.l2E * p.E[o2 + d]!;
      st.gE[o2 + d] = st.gE[o2 + d]! + g * g;
      p.E[o2 + d] = p.E[o2 + d]! - (hp.lrE * g) / Math.sqrt(st.gE[o2 + d]!);
    }
  }
  return loss;
}

/** Affine uint8 quantization (tfjs weights-format semantics: value = q*scale + min). */
export function quantizeUint8(a: Float32Array): { q: Uint8Array; scale: number; min: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of a) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // clip extreme outliers to keep resolution for the bulk of the values
  const sorted = Float32Array.from(a).sort();
  const pLo = sorted[Math.floor(sorted.length * 0.0002)]!;
  const pHi = sorted[Math.floor(sorted.length * 0.9998)]!;
  lo = Math.max(lo, pLo * 1.5);
  hi = Math.min(hi, pHi * 1.5);
  const scale = (hi - lo) / 255 || 1e-8;
  const q = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) q[i] = Math.max(0, Math.min(255, Math.round((a[i]! - lo) / scale)));
  return { q, scale, min: lo };
}

export function dequantize(q: Uint8Array, scale: number, min: number): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i]! * scale + min;
  return out;
}
