/**
 * npm run train [-- DATA_DIR] [--epochs N] [--seed S] [--exclude a,b] [--out DIR] [--no-card] [--boost src:label=x,...]
 *                [--dim N] [--hidden N] [--buckets N] [--chars 3-5] [--no-negation] [--set key=number] [--card-only]
 * Deterministic (seeded) training of the Haven classifier; writes public/model/* and MODEL_CARD.md.
 * `--set` overrides a numeric TrainConfig field (0 turns a switch off, e.g. `--set sourceBias=0`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTraining, DEFAULT_CONFIG, type TrainConfig } from './train/pipeline';
import { writeModelCard } from './train/card';
import { writeGolden } from './train/golden';
import { CONV_FEATURE_NAMES } from '../src/classifier/conversation';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let dataDir = resolve(process.cwd(), '../shared/data');
  let outDir: string | null = resolve(process.cwd(), 'public/model');
  let cardPath: string | null = resolve(process.cwd(), 'MODEL_CARD.md');
  const cfg: Partial<TrainConfig> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--epochs') cfg.epochs = Number(args[++i]);
    else if (a === '--seed') cfg.seed = Number(args[++i]);
    else if (a === '--exclude') cfg.exclude = String(args[++i]).split(',').filter(Boolean);
    else if (a === '--out') outDir = resolve(String(args[++i]));
    else if (a === '--no-card') cardPath = null;
    else if (a === '--card-only') continue;
    else if (a === '--dim') cfg.dims = { ...(cfg.dims ?? DEFAULT_CONFIG.dims), dim: Number(args[++i]) };
    else if (a === '--buckets') {
      const b = Number(args[++i]);
      cfg.dims = { ...(cfg.dims ?? DEFAULT_CONFIG.dims), buckets: b };
      cfg.feature = { ...(cfg.feature ?? DEFAULT_CONFIG.feature), buckets: b };
    } else if (a === '--hidden') cfg.dims = { ...(cfg.dims ?? DEFAULT_CONFIG.dims), hidden: Number(args[++i]) };
    else if (a === '--chars') {
      const [lo, hi] = String(args[++i]).split('-').map(Number);
      cfg.feature = { ...(cfg.feature ?? DEFAULT_CONFIG.feature), charMin: lo!, charMax: hi! };
    }
    else if (a === '--boost') {
      // --boost source:label=x,source:label=y  (per-(source,label) loss-weight multipliers)
      const m: Record<string, number> = { ...(cfg.srcBoost ?? {}) };
      for (const kv of String(args[++i]).split(',').filter(Boolean)) {
        const [k, v] = kv.split('=');
        m[k!.replace(':', '|')] = Number(v);
      }
      cfg.srcBoost = m;
    }
    else if (a === '--no-negation') cfg.feature = { ...(cfg.feature ?? DEFAULT_CONFIG.feature), negation: false };
    else if (a === '--set') {
      const [k, v] = String(args[++i]).split('=');
      (cfg as Record<string, unknown>)[k!] = Number(v);
    } else if (!a.startsWith('--')) dataDir = resolve(a);
    else throw new Error(`unknown option ${a}`);
  }
  let cardOnly = false;
  if (args.includes('--card-only')) cardOnly = true;
  const full: TrainConfig = {
    ...DEFAULT_CONFIG, ...cfg, dataDir, outDir, cardPath,
    log: (m) => process.stderr.write(`[train ${new Date().toISOString().slice(11, 19)}] ${m}\n`),
  };
  if (cardOnly) {
    // Rewrites MODEL_CARD.md from the committed artefacts (wording changes without a 3-minute retrain).
    // The card is generated from the training config, so this is only valid when the config is unchanged.
    if (!cardPath || !outDir) throw new Error('--card-only writes MODEL_CARD.md from a model directory: drop --no-card');
    const modelJson = JSON.parse(readFileSync(resolve(outDir, 'model.json'), 'utf8')) as Record<string, any>;
    const metrics = JSON.parse(readFileSync(resolve(outDir, 'metrics.json'), 'utf8')) as Record<string, any>;
    const { dataDir: _d, outDir: _o, cardPath: _c, log: _l, ...current } = full;
    if (stableJson(metrics.config) !== stableJson(current)) throw new Error('--card-only: the training config differs from the one in metrics.json; retrain instead');
    if ((modelJson.convModel?.features ?? []).join() !== CONV_FEATURE_NAMES.join()) throw new Error('--card-only: the model was trained with other conversation features; retrain instead');
    const res = { metrics, modelJson, thresholds: modelJson.thresholds, weightsBin: readFileSync(resolve(outDir, 'weights.bin')) } as unknown as Parameters<typeof writeModelCard>[1];
    writeModelCard(cardPath, res, full);
    full.log(`wrote ${cardPath} from ${outDir}`);
    return;
  }
  const res = runTraining(full);
  if (outDir) {
    const golden = resolve(process.cwd(), 'test/fixtures/classifier/golden.json');
    await writeGolden(outDir, outDir.endsWith('public/model') ? golden : resolve(outDir, 'golden.json'), res.params, full, res.convModel, full.log);
  }
  if (cardPath) {
    writeModelCard(cardPath, res, full);
    full.log(`wrote ${cardPath}`);
  }
  full.log(`done in ${res.seconds.toFixed(0)} s; version ${res.modelJson.version as string}`);
}

/** JSON with object keys sorted at every level (config objects built in different orders compare equal). */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

main().catch((e) => {
  process.stderr.write(`train: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
