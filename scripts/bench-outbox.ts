/**
 * `npm run --silent bench:outbox`: 100 reports through the real outbox (src/report/outbox.ts) to the reference
 * receiver, behind a fault injector that spoils half of the requests: 500s, dropped connections, answers lost
 * after the receiver stored the report, and slow answers (some beyond the client timeout). The service worker is
 * also "killed" every 0.7 s: the outbox instance is dropped mid-flight (its writes and requests die with it) and a
 * fresh one resumes from storage, as after a real SW termination.
 *
 * Last line: {"sent","delivered","duplicates","lost","ms"}; delivered and duplicates are counted by the receiver
 * (distinct ids stored; stored reports that repeat another's content or id). Goal 100/100/0/0.
 */
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startReceiver, type StoredRecord } from '../tools/receiver/server';
import { buildReport } from '../src/report/build';
import { canonicalJson } from '../src/report/hash';
import { Outbox, type FetchLike, type OutboxDeps, type OutboxRecord } from '../src/report/outbox';

const N = 100;
const TIMEOUT_MS = 800;
const DEADLINE_MS = 120_000;

// Deterministic fault plan (mulberry32), so runs are comparable.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261122);
const faults = { pass: 0, '500': 0, drop: 0, lostAnswer: 0, slow: 0 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-bench-outbox-'));
const receiver = await startReceiver({ dir });

function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const up = http.request(
      { host: '127.0.0.1', port: receiver.port, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${receiver.port}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

const proxy = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const body = Buffer.concat(chunks);
    const roll = random();
    try {
      if (roll < 0.5) {
        faults.pass++;
        const up = await forward(req, body);
        res.writeHead(up.status, { 'content-type': String(up.headers['content-type'] ?? 'application/json') }).end(up.body);
      } else if (roll < 0.625) {
        faults['500']++;
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"injected 500"}');
      } else if (roll < 0.75) {
        faults.drop++;
        req.socket.destroy(); // connection dropped before the receiver saw anything
      } else if (roll < 0.875) {
        faults.lostAnswer++;
        await forward(req, body); // the receiver stores it...
        req.socket.destroy(); // ...and the answer never arrives
      } else {
        faults.slow++;
        const up = await forward(req, body);
        await new Promise((r) => setTimeout(r, 200 + random() * 1200)); // often beyond the client timeout
        if (!res.socket?.destroyed) res.writeHead(up.status, { 'content-type': 'application/json' }).end(up.body);
      }
    } catch {
      if (!res.headersSent) res.writeHead(502).end();
    }
  });
});
await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/reports`;

// Storage shared by every "service worker life"; JSON round-trips like chrome.storage.
let storage: OutboxRecord = {};
let timer: NodeJS.Timeout | null = null;
let current: Outbox;
let generation = 0;

function makeOutbox(): Outbox {
  const gen = ++generation;
  const alive = () => gen === generation;
  const controller = new AbortController();
  const fetchImpl: FetchLike = async (url, init) => {
    if (!alive()) return new Promise(() => {}); // a dead context never runs again
    const signal = AbortSignal.any([init.signal, controller.signal]);
    const res = await fetch(url, { ...init, signal, keepalive: false });
    return { status: res.status, text: () => res.text() };
  };
  const deps: OutboxDeps = {
    load: () => (alive() ? Promise.resolve(JSON.parse(JSON.stringify(storage)) as OutboxRecord) : new Promise<OutboxRecord>(() => {})),
    save: async (r) => {
      if (alive()) storage = JSON.parse(JSON.stringify(r)) as OutboxRecord;
    },
    now: () => Date.now(),
    random: Math.random,
    fetch: fetchImpl,
    wake: (at) => {
      if (!alive()) return;
      if (timer) clearTimeout(timer);
      timer = at === null ? null : setTimeout(() => void current.runDue(), Math.max(0, at - Date.now()));
    },
    policy: { baseMs: 50, maxMs: 1000, factor: 2, timeoutMs: TIMEOUT_MS, concurrency: 8, maxAttempts: 1000 },
  };
  const box = new Outbox(deps);
  (box as unknown as { kill: () => void }).kill = () => controller.abort(new Error('service worker terminated'));
  return box;
}

const screenshot = { dataUrl: `data:image/png;base64,${readFileSync(new URL('../public/icons/16.png', import.meta.url), 'base64')}`, capturedAt: new Date().toISOString() };
const reports = [];
for (let i = 0; i < N; i++) {
  reports.push(
    await buildReport({
      now: new Date(),
      country: 'GB',
      language: 'en',
      category: i % 10 === 0 ? 'csam' : 'bullying',
      subject: { kind: 'message', urls: [`https://chat.example/room/${i}`], title: `Room ${i}` },
      message: `message number ${i}`,
      context: [`before ${i}`],
      screenshot,
      childWords: '',
    }),
  );
}

const started = Date.now();
current = makeOutbox();
for (const report of reports) await current.enqueue(report, { kind: 'api', url: proxyUrl, name: 'bench' });

let restarts = 0;
const killer = setInterval(() => {
  (current as unknown as { kill: () => void }).kill();
  current = makeOutbox(); // a fresh service worker: reads storage, re-queues what was "sending"
  restarts++;
  void current.runDue();
}, 700);

while (Date.now() - started < DEADLINE_MS) {
  const entries = Object.values(storage);
  if (entries.length === N && entries.every((e) => e.state === 'sent' || e.state === 'failed')) break;
  await new Promise((r) => setTimeout(r, 50));
  if (process.env.BENCH_DEBUG && (Date.now() - started) % 2000 < 60) {
    const counts: Record<string, number> = {};
    for (const e of entries) counts[e.state] = (counts[e.state] ?? 0) + 1;
    console.error(`[bench] ${Date.now() - started} ms ${JSON.stringify(counts)} faults ${JSON.stringify(faults)} stored ${receiver.stats.stored}`);
  }
}
const ms = Date.now() - started;
clearInterval(killer);
if (timer) clearTimeout(timer);

const entries = Object.values(storage);
const sent = entries.filter((e) => e.state === 'sent').length;
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
const records = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as StoredRecord);
const ids = new Set(records.map((r) => r.report.id));
const contents = new Set(records.map((r) => canonicalJson({ ...r.report, id: null, integrity: null, createdAt: null, createdAtLocal: null, evidence: r.report.evidence.map((e) => e.sha256) })));
const delivered = Math.min(ids.size, receiver.stats.stored);
const duplicates = records.length - contents.size + (records.length - ids.size) + receiver.stats.duplicatesStored;
const lost = N - delivered;
const attempts = entries.reduce((n, e) => n + e.attempts, 0);

console.log(`faults injected: ${JSON.stringify(faults)}; service-worker restarts: ${restarts}; attempts: ${attempts}; receiver replays: ${receiver.stats.replayed}`);
await new Promise<void>((r) => proxy.close(() => r()));
proxy.closeAllConnections();
await receiver.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ sent, delivered, duplicates, lost, ms }));
process.exit(0);
