import { describe, expect, it } from 'vitest';
import { prfAt, rocAuc, thresholdForPrecision } from '../../scripts/train/metrics';

describe('threshold selection and metrics', () => {
  it('computes ROC-AUC with ties', () => {
    expect(rocAuc([0.9, 0.8, 0.1, 0.2], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(rocAuc([0.1, 0.9], [1, 0])).toBe(0);
    expect(Number.isNaN(rocAuc([0.1], [1]))).toBe(true);
  });
  it('computes precision/recall/F1 at a threshold', () => {
    const r = prfAt([0.9, 0.6, 0.4, 0.2], [1, 0, 1, 0], 0.5);
    expect(r).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });
  it('picks the lowest-recall-loss threshold meeting the precision target, centred in its plateau', () => {
    const { thr, met } = thresholdForPrecision([0.9, 0.8, 0.5, 0.1, 0.05, 0.01], [1, 1, 1, 0, 0, 0], 0.8, 1);
    expect(met).toBe(true);
    expect(thr).toBeGreaterThan(0.1);
    expect(thr).toBeLessThanOrEqual(0.5);
    expect(prfAt([0.9, 0.8, 0.5, 0.1, 0.05, 0.01], [1, 1, 1, 0, 0, 0], thr).recall).toBe(1);
  });
  it('respects the minimum number of predicted positives and falls back to F1-optimal', () => {
    const s = [0.9, 0.8, 0.7, 0.6];
    const y = [0, 1, 0, 1];
    const r = thresholdForPrecision(s, y, 0.99, 1);
    expect(r.met).toBe(false);
    expect(r.thr).toBeGreaterThan(0);
  });
  it('higher precision targets never give lower thresholds', () => {
    const s = Array.from({ length: 200 }, (_, i) => (i * 7919) % 200 / 200);
    const y = s.map((v, i) => (v + ((i * 31) % 17) / 40 > 0.7 ? 1 : 0));
    const t65 = thresholdForPrecision(s, y, 0.65).thr;
    const t80 = thresholdForPrecision(s, y, 0.8).thr;
    const t90 = thresholdForPrecision(s, y, 0.9).thr;
    expect(t80).toBeGreaterThanOrEqual(t65);
    expect(t90).toBeGreaterThanOrEqual(t80);
  });
  it('falls back to the highest threshold reaching minRecall when the precision target leaves less', () => {
    // only the top score is a sure positive; the rest of the positives sit among negatives
    const s = [0.99, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.3];
    const y = [1, 0, 1, 1, 0, 1, 1, 0, 0, 0];
    const strict = thresholdForPrecision(s, y, 0.95, 1);
    expect(strict.met).toBe(true);
    expect(prfAt(s, y, strict.thr).recall).toBeLessThan(0.25);
    const floored = thresholdForPrecision(s, y, 0.95, 1, undefined, 0.5);
    expect(floored.met).toBe(false);
    expect(prfAt(s, y, floored.thr).recall).toBeGreaterThanOrEqual(0.5);
    // the highest such threshold: one step up loses the floor
    expect(floored.thr).toBe(0.8);
    expect(prfAt(s, y, 0.81).recall).toBeLessThan(0.5);
  });
});
