import { readFileSync } from 'node:fs';
import { loadClassifier } from '../src/classifier/index';
import { sourceFromDirectory } from '../src/classifier/node-source';
import { featurize } from '../src/classifier/features';
import { forward, dequantize } from '../scripts/train/bag-model';
const dir = process.argv[2]!;
const mj = JSON.parse(readFileSync(dir + '/model.json', 'utf8'));
const bin = readFileSync(dir + '/weights.bin');
const { buckets: V, dim: D, hidden: H } = mj.dims;
const q = new Uint8Array(bin.buffer, bin.byteOffset, V * D);
const qz = mj.weightsManifest[0].weights[0].quantization;
let off = V * D;
const f32 = (n: number) => { const a = new Float32Array(bin.buffer.slice(bin.byteOffset + off, bin.byteOffset + off + 4 * n)); off += 4 * n; return a; };
const p = { dims: mj.dims, E: dequantize(q, qz.scale, qz.min), W1: f32(D * H), b1: f32(H), W2: f32(H * 5), b2: f32(5) };
const clf = await loadClassifier(sourceFromDirectory(dir));
for (const t of ['you are dumb', 'have a nice day', 'i hate all muslims']) {
  const o = new Float32Array(5); forward(p as any, featurize(t), o);
  console.log(t, Array.from(o).map(x => x.toFixed(3)).join(' '), '| rt', Object.values((await clf.scoreRaw([t]))[0]!).map(x => x.toFixed(3)).join(' '));
}
