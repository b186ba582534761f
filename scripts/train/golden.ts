/** Golden texts: scored by the tfjs runtime after training, checked against the JS twin, stored for tests. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadClassifier, LABELS, type Scores } from '../../src/classifier/index';
import { sourceFromDirectory } from '../../src/classifier/node-source';
import { normalizeText } from '../../src/classifier/normalize';
import { parseConversation } from '../../src/classifier/conversation';
import type { TrainConfig } from './pipeline';
import { convScores } from './scoring';
import type { BagParams } from './bag-model';
import type { ConvModel } from '../../src/classifier/conversation';

export const GOLDEN_TEXTS: string[] = [
  'have a great day at school, see you tomorrow',
  'you are a stupid ugly loser and nobody likes you',
  'y0u @re a st00pid l0ser',
  'Du bist so dumm, halt einfach die Klappe du Opfer',
  'I will find you and kill you',
  'send me a naked pic of you',
  'those immigrants are vermin and should be deported',
  'saying immigrants are vermin is hateful and wrong',
  'hi\nhey asl?\n25 m\n23 f\nnice, what music do you like\nmostly rock',
  'how old are you?\nim 13\nyou are so mature for your age\ndont tell your mom about me ok\nok\nsend me a pic\nwanna meet at the mall saturday? i can pick you up',
  '',
];

export async function writeGolden(outDir: string, goldenPath: string, shipped: BagParams, cfg: TrainConfig, conv: ConvModel, log: (m: string) => void): Promise<void> {
  const clf = await loadClassifier(sourceFromDirectory(outDir), { backend: 'cpu' });
  const scores = await clf.classify(GOLDEN_TEXTS);
  let maxDiff = 0;
  GOLDEN_TEXTS.forEach((t, i) => {
    const msgs = parseConversation(t);
    const lines = msgs.map((m) => normalizeText(m.text));
    const js = convScores(shipped, lines.length ? lines : [''], cfg, conv, msgs.map((m) => m.author ?? '')).scores;
    for (const l of LABELS) maxDiff = Math.max(maxDiff, Math.abs(js[l] - scores[i]![l]));
  });
  log(`runtime (tfjs) vs training twin: max |Δscore| = ${maxDiff.toExponential(2)} on ${GOLDEN_TEXTS.length} golden texts`);
  if (maxDiff > 1e-3) throw new Error(`runtime/training mismatch ${maxDiff}`);
  const round = (s: Scores): Scores => Object.fromEntries(LABELS.map((l) => [l, Math.round(s[l] * 1e6) / 1e6])) as Scores;
  mkdirSync(dirname(goldenPath), { recursive: true });
  writeFileSync(
    goldenPath,
    JSON.stringify({ version: clf.version, cases: GOLDEN_TEXTS.map((text, i) => ({ text, scores: round(scores[i]!), flagged: clf.flagged(scores[i]!) })) }, null, 1) + '\n',
  );
  clf.dispose();
}
