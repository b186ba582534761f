/** npx tsx scripts/train/probe-model.ts [MODEL_DIR]: the functional probe on a trained model directory (runtime path). */
import { resolve } from 'node:path';
import { loadClassifier, LABELS } from '../../src/classifier/index';
import { sourceFromDirectory } from '../../src/classifier/node-source';
import { runProbe, PROBE } from './probe';

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? 'public/model');
  const clf = await loadClassifier(sourceFromDirectory(dir), { backend: 'cpu' });
  const texts = [...new Set([...PROBE.hate, ...PROBE.bullying, ...PROBE.grooming].map((c) => c.text))];
  const scores = await clf.classify(texts);
  const byText = new Map(texts.map((t, i) => [t, LABELS.map((l) => scores[i]![l])]));
  process.stdout.write(JSON.stringify(runProbe((ts) => ts.map((t) => byText.get(t)!))) + '\n');
  clf.dispose();
}
void main();
