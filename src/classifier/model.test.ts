import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { LABELS, loadClassifier, sourceFromUrl, type Classifier, type ModelSource } from './index';
import { sourceFromDirectory } from './node-source';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const modelDir = join(root, 'public/model');
const golden = JSON.parse(readFileSync(join(root, 'test/fixtures/classifier/golden.json'), 'utf8')) as {
  version: string;
  cases: Array<{ text: string; scores: Record<string, number>; flagged: string[] }>;
};

let clf: Classifier;
beforeAll(async () => {
  clf = await loadClassifier(sourceFromDirectory(modelDir));
});
afterAll(() => clf?.dispose());

describe('shipped classifier', () => {
  it('has a version matching the golden file', () => {
    expect(clf.version).toBe(golden.version);
  });

  it('reproduces golden scores', async () => {
    const scores = await clf.classify(golden.cases.map((c) => c.text));
    golden.cases.forEach((c, i) => {
      for (const l of LABELS) expect(scores[i]![l]).toBeCloseTo(c.scores[l]!, 4);
      expect(clf.flagged(scores[i]!)).toEqual(c.flagged);
    });
  });

  it('has ordered thresholds per sensitivity (low strictest, high most recall)', () => {
    for (const l of LABELS) {
      const { low, medium, high } = clf.thresholds;
      expect(low[l]).toBeGreaterThanOrEqual(medium[l]);
      expect(medium[l]).toBeGreaterThanOrEqual(high[l]);
      expect(high[l]).toBeGreaterThan(0);
      expect(low[l]).toBeLessThanOrEqual(1);
    }
  });

  it('flags by threshold and sensitivity', () => {
    const t = clf.thresholds;
    const at = Object.fromEntries(LABELS.map((l) => [l, t.medium[l]])) as Record<(typeof LABELS)[number], number>;
    expect(clf.flagged(at)).toEqual([...LABELS]);
    const below = Object.fromEntries(LABELS.map((l) => [l, t.high[l] - 1e-6])) as typeof at;
    expect(clf.flagged(below, 'high')).toEqual([]);
    expect(clf.flagged(below, 'medium')).toEqual([]);
    const mid = Object.fromEntries(LABELS.map((l) => [l, t.medium[l]])) as typeof at;
    expect(clf.flagged(mid, 'high')).toEqual([...LABELS]);
  });

  it('separates an obvious insult from a friendly message', async () => {
    const [nice, mean] = await clf.classify(['thanks for helping me with homework, see you tomorrow', 'you are a disgusting stupid loser, kill yourself']);
    expect(mean!.bullying).toBeGreaterThan(nice!.bullying);
    expect(mean!.bullying).toBeGreaterThan(0.5);
    expect(nice!.bullying).toBeLessThan(0.3);
  });

  it('scores evasions like the plain text', async () => {
    const [a, b] = await clf.classify(['you are a stupid loser', 'y0u are a s t u p i d l0000ser']);
    expect(Math.abs(a!.bullying - b!.bullying)).toBeLessThan(0.15);
  });

  it('handles empty, huge and odd inputs and returns one result per text in order', async () => {
    const texts = ['', 'a'.repeat(100000), 'word '.repeat(20000), '🙂', '\u0000', 'ok'];
    const out = await clf.classify(texts);
    expect(out).toHaveLength(texts.length);
    for (const s of out) for (const l of LABELS) expect(s[l]).toBeGreaterThanOrEqual(0);
    expect(await clf.classify([])).toEqual([]);
  });

  it('judges a long conversation as a whole (window max)', async () => {
    const filler = Array.from({ length: 60 }, (_, i) => `msg ${i} talking about the football game`).join('\n');
    const [clean, withInsult] = await clf.classify([filler, filler + '\nyou are a stupid ugly loser nobody likes you']);
    expect(withInsult!.bullying).toBeGreaterThan(clean!.bullying);
  });

  it('does not leak tensors', async () => {
    const before = tf.memory().numTensors;
    await clf.classify(Array.from({ length: 100 }, (_, i) => `text number ${i} you idiot\nsecond line`));
    await clf.classify(['one']);
    expect(tf.memory().numTensors).toBe(before);
    const c2 = await loadClassifier(sourceFromDirectory(modelDir));
    c2.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects missing or bad artefacts with a clear error', async () => {
    await expect(loadClassifier(sourceFromDirectory('/nonexistent-dir'))).rejects.toThrow(/classifier: cannot read/);
    const bad: ModelSource = { readJson: async () => ({ format: 'nope' }), readBinary: async () => new ArrayBuffer(0) };
    await expect(loadClassifier(bad)).rejects.toThrow(/unsupported model format/);
    const real = sourceFromDirectory(modelDir);
    const truncated: ModelSource = { readJson: real.readJson, readBinary: async () => new ArrayBuffer(16) };
    const before = tf.memory().numTensors;
    await expect(loadClassifier(truncated)).rejects.toThrow(/classifier:/);
    expect(tf.memory().numTensors).toBe(before);
    // a conversation model trained on another feature list is refused, not scored with shifted weights
    const olderConv: ModelSource = {
      readJson: async (name) => {
        const j = (await real.readJson(name)) as { convModel: { weights: number[]; features: string[] } };
        return { ...j, convModel: { ...j.convModel, weights: j.convModel.weights.slice(0, -2), features: j.convModel.features.slice(0, -2) } };
      },
      readBinary: real.readBinary,
    };
    await expect(loadClassifier(olderConv)).rejects.toThrow(/conversation model does not match/);
  });

  it('loads through sourceFromUrl with an injected fetch', async () => {
    const fakeFetch = (async (url: string) => {
      const name = String(url).replace('https://ext/model/', '');
      try {
        const buf = readFileSync(join(modelDir, name));
        return new Response(buf, { status: 200 });
      } catch {
        return new Response('missing', { status: 404 });
      }
    }) as unknown as typeof fetch;
    const c = await loadClassifier(sourceFromUrl('https://ext/model', fakeFetch));
    const [s] = await c.classify([golden.cases[1]!.text]);
    expect(s!.bullying).toBeCloseTo(golden.cases[1]!.scores.bullying!, 4);
    c.dispose();
    const missing = sourceFromUrl('https://ext/nothing/', fakeFetch);
    await expect(loadClassifier(missing)).rejects.toThrow(/HTTP 404/);
  });
});
