/**
 * npm run --silent classify -- FILE.jsonl [--model DIR] [--sensitivity low|medium|high]
 * Reads lines {"id", "text"} and prints one line per input, same order:
 * {"id", "scores": {bullying, grooming, sexual, threat, hate}, "flagged": [...]}.
 * A malformed line is an error naming the line number: exit 1, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadClassifier, LABELS, type Sensitivity } from '../src/classifier/index';
import { sourceFromDirectory } from '../src/classifier/node-source';

function fail(msg: string): never {
  process.stderr.write(`classify: ${msg}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../public/model');
  let sensitivity: Sensitivity = 'medium';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--model') modelDir = resolve(String(args[++i]));
    else if (a === '--sensitivity') sensitivity = String(args[++i]) as Sensitivity;
    else if (!file) file = a;
    else fail(`unexpected argument ${a}`);
  }
  if (!file) fail('usage: npm run --silent classify -- FILE.jsonl');
  if (!['low', 'medium', 'high'].includes(sensitivity)) fail(`bad sensitivity ${sensitivity}`);
  let raw: string;
  try {
    raw = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const lines = raw.replace(/^\uFEFF/, '').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const ids: unknown[] = [];
  const texts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/\r$/, '');
    if (l.trim() === '') continue; // blank lines are not inputs
    let d: unknown;
    try {
      d = JSON.parse(l);
    } catch (e) {
      fail(`line ${i + 1}: malformed JSON (${(e as Error).message})`);
    }
    if (!d || typeof d !== 'object' || Array.isArray(d)) fail(`line ${i + 1}: expected a JSON object`);
    const o = d as Record<string, unknown>;
    if (!('id' in o)) fail(`line ${i + 1}: missing "id"`);
    if (typeof o.text !== 'string') fail(`line ${i + 1}: missing or non-string "text"`);
    ids.push(o.id);
    texts.push(o.text);
  }
  const clf = await loadClassifier(sourceFromDirectory(modelDir), { backend: 'cpu' });
  const out: string[] = [];
  const B = 256;
  for (let s = 0; s < texts.length; s += B) {
    const scores = await clf.classify(texts.slice(s, s + B));
    scores.forEach((sc, j) => {
      const rounded = Object.fromEntries(LABELS.map((l) => [l, Math.round(sc[l] * 1e6) / 1e6]));
      out.push(JSON.stringify({ id: ids[s + j], scores: rounded, flagged: clf.flagged(sc, sensitivity) }));
    });
  }
  clf.dispose();
  const payload = out.length ? out.join('\n') + '\n' : '';
  process.stdout.write(payload, () => process.exit(0));
}

main().catch((e) => fail((e as Error)?.message ?? String(e)));
