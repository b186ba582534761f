import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyResponse, DEFAULT_POLICY, Outbox, type FetchLike, type OutboxDeps, type OutboxRecord } from './outbox';
import { buildReport } from './build';
import { sampleInput } from './testing';

/** A fake world: in-memory storage (shared across "service worker lives"), a manual clock and a scripted server. */
function world(script: Array<number | 'drop' | 'hang'>) {
  let now = 1_000_000;
  let stored: OutboxRecord = {};
  const wakes: Array<number | null> = [];
  const calls: Array<{ url: string; key: string; body: string }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, key: init.headers['idempotency-key']!, body: init.body });
    const step = script.shift() ?? 201;
    if (step === 'drop') throw new TypeError('Failed to fetch');
    if (step === 'hang') {
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    }
    const id = JSON.parse(init.body).id;
    const body = step < 300 ? { receipt: { id, receivedAt: 'x', sha256: 'y', status: 'stored' } } : { error: 'bad', errors: ['category: nope'] };
    return { status: step, text: async () => JSON.stringify(body) };
  };
  const deps = (over: Partial<OutboxDeps> = {}): OutboxDeps => ({
    load: async () => structuredClone(stored),
    save: async (r) => void (stored = structuredClone(r)),
    now: () => now,
    random: () => 0.5,
    fetch,
    wake: (at) => void wakes.push(at),
    policy: { timeoutMs: 50 },
    ...over,
  });
  return {
    deps,
    calls,
    wakes,
    advance: (ms: number) => (now += ms),
    get now() {
      return now;
    },
    get stored() {
      return stored;
    },
    set stored(r) {
      stored = r;
    },
  };
}

describe('outbox', () => {
  it('persists before sending, then delivers with the id as idempotency key', async () => {
    const w = world([201]);
    const saves: OutboxRecord[] = [];
    const deps = w.deps();
    const box = new Outbox({ ...deps, save: async (r) => (saves.push(structuredClone(r)), deps.save(r)) });
    const report = await buildReport(sampleInput());
    await box.enqueue(report, { kind: 'api', url: 'https://intake.example/reports', name: 'Test' });
    expect(saves[0]![report.id]!.state).toBe('queued'); // stored before any network call
    await box.idle();
    expect(w.calls).toHaveLength(1);
    expect(w.calls[0]!.key).toBe(report.id);
    expect(JSON.parse(w.calls[0]!.body)).toEqual(report);
    const e = w.stored[report.id]!;
    expect(e.state).toBe('sent');
    expect(e.receipt?.id).toBe(report.id);
    // Delivered: the body is dropped from the device; status, category, URL, hash and receipt stay.
    expect(e.report).toBeNull();
    expect(e).toMatchObject({ category: 'bullying', url: 'https://chat.example/room/1', sha256: report.integrity.sha256 });
    expect(w.wakes.at(-1)).toBeNull(); // nothing left to wake for
    await box.remove(report.id);
    expect(w.stored).toEqual({});
  });

  it('retries 5xx, dropped connections and timeouts with exponential backoff, then delivers', async () => {
    const w = world([500, 'drop', 'hang', 201]);
    const box = new Outbox(w.deps());
    const report = await buildReport(sampleInput());
    await box.enqueue(report, { kind: 'api', url: 'https://x.example/r', name: 'X' });
    await box.idle();
    const policy = box.policy;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const e = w.stored[report.id]!;
      expect(e.state).toBe('queued');
      expect(e.attempts).toBe(attempt);
      const delay = e.nextAttemptAt! - w.now;
      delays.push(delay);
      expect(delay).toBe(backoffDelay(attempt, policy, 0.5));
      expect(w.wakes.at(-1)).toBe(e.nextAttemptAt);
      // Too early: nothing happens.
      w.advance(delay - 1);
      await box.runDue();
      expect(w.calls).toHaveLength(attempt);
      w.advance(1);
      await box.runDue();
    }
    expect(delays[1]).toBe(delays[0]! * 2);
    expect(delays[2]).toBe(delays[0]! * 4);
    expect(w.stored[report.id]!.state).toBe('sent');
    expect(w.stored[report.id]!.lastError).toMatch(/timeout/);
    expect(w.calls.map((c) => c.key)).toEqual(Array(4).fill(report.id));
  });

  it('a 4xx is a permanent failure with the reason; retry sends again', async () => {
    const w = world([400, 201]);
    const box = new Outbox(w.deps());
    const report = await buildReport(sampleInput());
    await box.enqueue(report, { kind: 'api', url: 'https://x.example/r', name: 'X' });
    await box.idle();
    const e = w.stored[report.id]!;
    expect(e.state).toBe('failed');
    expect(e.lastError).toBe('HTTP 400: bad; category: nope');
    expect(e.report).toEqual(report); // still there to save as evidence
    await box.retry(report.id);
    await box.idle();
    expect(w.stored[report.id]!.state).toBe('sent');
  });

  it('gives up after maxAttempts (kept as failed, never deleted)', async () => {
    const w = world(Array(5).fill(503));
    const box = new Outbox(w.deps({ policy: { maxAttempts: 3, timeoutMs: 50 } }));
    const report = await buildReport(sampleInput());
    await box.enqueue(report, { kind: 'api', url: 'https://x.example/r', name: 'X' });
    for (let i = 0; i < 5; i++) {
      await box.idle();
      w.advance(DEFAULT_POLICY.maxMs);
      await box.runDue();
    }
    const e = w.stored[report.id]!;
    expect(e.state).toBe('failed');
    expect(e.attempts).toBe(3);
    expect(e.lastError).toMatch(/^gave up after 3 attempts: HTTP 503/);
  });

  it('enqueue is idempotent by report id', async () => {
    const w = world([201]);
    const box = new Outbox(w.deps());
    const report = await buildReport(sampleInput());
    const dest = { kind: 'api' as const, url: 'https://x.example/r', name: 'X' };
    await Promise.all([box.enqueue(report, dest), box.enqueue(report, dest)]);
    await box.idle();
    await box.enqueue(report, dest);
    await box.idle();
    expect(w.calls).toHaveLength(1);
    expect(Object.keys(w.stored)).toEqual([report.id]);
  });

  it('survives the service worker dying mid-send: a new outbox re-sends the same id', async () => {
    const w = world(['hang', 201]);
    const first = new Outbox(w.deps({ policy: { timeoutMs: 60_000 } }));
    const report = await buildReport(sampleInput());
    void first.enqueue(report, { kind: 'api', url: 'https://x.example/r', name: 'X' });
    await new Promise((r) => setTimeout(r, 20));
    expect(w.stored[report.id]!.state).toBe('sending');
    // Even mid-request an alarm is armed (after the timeout), so a context that dies here is woken again.
    expect(w.wakes.at(-1)).toBe(w.now + 60_000);
    // "Restart": a fresh outbox over the same storage.
    const second = new Outbox(w.deps());
    await second.runDue();
    await second.idle();
    expect(w.stored[report.id]!.state).toBe('sent');
    expect(w.calls.map((c) => c.key)).toEqual([report.id, report.id]);
  });

  it('backoff has jitter within [d/2, d) and a cap', () => {
    const p = { ...DEFAULT_POLICY, baseMs: 1000, maxMs: 8000 };
    expect(backoffDelay(1, p, 0)).toBe(500);
    expect(backoffDelay(1, p, 0.999)).toBeLessThan(1000);
    expect(backoffDelay(3, p, 0)).toBe(2000);
    expect(backoffDelay(10, p, 0)).toBe(4000);
    expect(backoffDelay(10, p, 0.999)).toBeLessThan(8000);
  });

  it('classifies answers', () => {
    expect(classifyResponse(201, JSON.stringify({ receipt: { id: 'a' } }), 'a').kind).toBe('sent');
    expect(classifyResponse(200, JSON.stringify({ receipt: { id: 'b' } }), 'a').kind).toBe('retry');
    expect(classifyResponse(429, '', 'a').kind).toBe('retry');
    expect(classifyResponse(502, '<html>', 'a').kind).toBe('retry');
    expect(classifyResponse(413, '{"error":"too large"}', 'a')).toEqual({ kind: 'fail', reason: 'HTTP 413: too large' });
  });
});
