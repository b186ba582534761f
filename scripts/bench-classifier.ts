/**
 * npm run --silent bench:classifier [-- --backend cpu|wasm] [--model DIR]
 * Last line: {"modelBytes","loadMs","p50MsPerMessage":{"batch1","batch32"},"peakRssMb","backend"}
 */
import { readdirSync, statSync } from 'node:fs';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClassifier } from '../src/classifier/index';
import { sourceFromDirectory } from '../src/classifier/node-source';

const WORDS = (
  'you are so stupid lol hey whats up how old are you where do you live i love this game ' +
  'nobody likes you go away ugly loser haha thanks see you tomorrow at school did you finish the homework ' +
  'send me a pic dont tell your parents du bist so dumm ich hasse dich wir sehen uns morgen ' +
  'this is the best video ever kill yourself idiot great job team let us meet after class ok'
).split(' ');

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let backend: 'cpu' | 'wasm' = 'cpu';
  let modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/model');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--backend') backend = args[++i] as 'cpu' | 'wasm';
    else if (args[i] === '--model') modelDir = resolve(String(args[++i]));
  }
  const modelBytes = readdirSync(modelDir).reduce((s, f) => s + statSync(join(modelDir, f)).size, 0);
  const r = rand(42);
  const texts = Array.from({ length: 1024 }, () => {
    const n = 3 + Math.floor(r() * 30);
    return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  });
  const t0 = performance.now();
  const clf = await loadClassifier(sourceFromDirectory(modelDir), { backend });
  const loadMs = performance.now() - t0;
  // warm-up
  await clf.classify(texts.slice(0, 64));
  const b1: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    await clf.classify([texts[i % texts.length]!]);
    b1.push(performance.now() - s);
  }
  const b32: number[] = [];
  for (let i = 0; i < 64; i++) {
    const batch = Array.from({ length: 32 }, (_, j) => texts[(i * 32 + j) % texts.length]!);
    const s = performance.now();
    await clf.classify(batch);
    b32.push((performance.now() - s) / 32);
  }
  clf.dispose();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
  process.stderr.write(`bench: ${texts.length} synthetic messages, model ${modelDir}\n`);
  console.log(JSON.stringify({
    modelBytes, loadMs: round(loadMs, 1), p50MsPerMessage: { batch1: round(median(b1)), batch32: round(median(b32)) },
    peakRssMb: round(peakRssMb, 1), backend,
  }));
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
