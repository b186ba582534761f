/** Evaluation helpers: ROC-AUC, precision/recall/F1, threshold search. */

export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!]) {
        pos++;
        rankSum += avgRank;
      } else neg++;
    }
    i = j + 1;
  }
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prfAt(scores: ArrayLike<number>, labels: ArrayLike<number>, thr: number): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]! >= thr;
    if (p && labels[i]) tp++;
    else if (p) fp++;
    else if (labels[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/**
 * Lowest threshold whose precision ≥ target (scanning candidates from high to low), requiring a
 * minimum number of predicted positives so the estimate is not from 2 examples. If meeting the target
 * leaves less than `minRecall` (a warning that almost never fires protects no one), the highest threshold
 * reaching `minRecall` instead; if the target is never met, the F0.5-optimal threshold. The card reports
 * the precision reached.
 */
export function thresholdForPrecision(
  scores: ArrayLike<number>, labels: ArrayLike<number>, target: number, minPred = 10, weights?: ArrayLike<number>, minRecall = 0,
): { thr: number; met: boolean } {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const wt = (i: number): number => (weights ? weights[i]! : 1);
  let tp = 0;
  let fp = 0;
  let count = 0;
  let best = -1;
  let bestRecall = 0;
  let floorThr: number | null = null;
  let bestF1 = -1;
  let bestF1Thr = 0.5;
  const totalPos = Array.from({ length: labels.length }).reduce<number>((s, _, i) => s + (labels[i] ? wt(i) : 0), 0);
  for (let r = 0; r < idx.length; r++) {
    const i = idx[r]!;
    if (labels[i]) tp += wt(i);
    else fp += wt(i);
    count++;
    // only consider cut points between distinct scores
    if (r + 1 < idx.length && scores[idx[r + 1]!] === scores[i]) continue;
    const prec = tp / (tp + fp);
    const rec = totalPos ? tp / totalPos : 0;
    // fallback criterion: F0.5 (precision-weighted), consistent with a precision-first product
    const f1 = prec + rec ? (1.25 * prec * rec) / (0.25 * prec + rec) : 0;
    if (count >= minPred && f1 > bestF1) {
      bestF1 = f1;
      bestF1Thr = scores[i]!;
    }
    if (count >= minPred && prec >= target) {
      best = r;
      bestRecall = rec;
    }
    if (floorThr === null && count >= minPred && rec >= minRecall) floorThr = scores[i]!;
  }
  // Target met, but with too little recall: the highest threshold that reaches minRecall (as close to the
  // target's precision as the floor allows; low/medium/high stay distinct where the data allows).
  if (best >= 0 && bestRecall < minRecall && floorThr !== null) return { thr: floorThr, met: false };
  if (best >= 0) {
    // Middle (in logit space) of the plateau of thresholds with the same recall: the lowest
    // threshold meeting the target is idx[best]; the highest with equal recall is the score of the
    // lowest-ranked positive at or above it. Gives a margin when val negatives are easy.
    const lo = best + 1 < idx.length ? scores[idx[best + 1]!]! : 0; // next score below the cut
    let hi = scores[idx[best]!]!;
    for (let r = best; r >= 0; r--) {
      if (labels[idx[r]!]) {
        hi = scores[idx[r]!]!;
        break;
      }
    }
    const lg = (p: number): number => {
      const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
      return Math.log(q / (1 - q));
    };
    const mid = 1 / (1 + Math.exp(-(lg(lo) + lg(hi)) / 2));
    return { thr: mid > lo && mid <= hi ? mid : hi, met: true };
  }
  return { thr: bestF1Thr, met: false };
}

export function round(x: number, d = 4): number {
  if (!Number.isFinite(x)) return x;
  const m = 10 ** d;
  return Math.round(x * m) / m;
}

/** Weighted precision / recall / F1 (weights per example). */
export function prfAtW(scores: ArrayLike<number>, labels: ArrayLike<number>, thr: number, w: ArrayLike<number>): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = scores[i]! >= thr;
    const wi = w[i] ?? 1;
    if (p && labels[i]) tp += wi;
    else if (p) fp += wi;
    else if (labels[i]) fn += wi;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Every number of `o` rounded to 4 decimals (metrics.json). */
export function roundObj(o: object): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v as number)]));
}
