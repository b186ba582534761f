import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTraining, DEFAULT_CONFIG, type TrainConfig } from '../../scripts/train/pipeline';
import { loadClassifier } from './index';
import { sourceFromDirectory } from './node-source';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/classifier/tiny-data');

function tinyConfig(outDir: string | null): TrainConfig {
  return {
    ...DEFAULT_CONFIG,
    dataDir: fixture,
    outDir,
    cardPath: null,
    epochs: 3,
    dims: { buckets: 1 << 12, dim: 6, hidden: 8 },
    feature: { ...DEFAULT_CONFIG.feature, buckets: 1 << 12 },
    sourceCap: 1000,
    log: () => {},
  };
}

describe('training pipeline (tiny fixture)', () => {
  it('trains, writes loadable artefacts, and is deterministic', async () => {
    const out = mkdtempSync(join(tmpdir(), 'haven-train-'));
    try {
      const a = runTraining(tinyConfig(out));
      expect(existsSync(join(out, 'model.json'))).toBe(true);
      expect(existsSync(join(out, 'weights.bin'))).toBe(true);
      const m = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
      expect(m.pooled.bullying.auc).toBeGreaterThan(0.8);
      const b = runTraining(tinyConfig(null));
      expect(Buffer.from(b.weightsBin).equals(Buffer.from(a.weightsBin))).toBe(true);
      expect(b.thresholds).toEqual(a.thresholds);

      const clf = await loadClassifier(sourceFromDirectory(out));
      const [bad, good] = await clf.classify(['you are a stupid idiot', 'have a nice day']);
      expect(bad!.bullying).toBeGreaterThan(good!.bullying);
      clf.dispose();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 30000);
});
