import type { Receipt, Report } from './types';

/**
 * The outbox: a report is persisted before any network call and then delivered at most once per id (the id is the
 * idempotency key the receiver honours), with exponential backoff and jitter between attempts. The core is
 * platform-free: storage, clock, randomness, fetch and the wake-up timer are injected, so the same code runs in the
 * service worker (storage.local + alarms), in unit tests (fake clock) and in the Node benchmark.
 *
 * State machine:  queued ──send──▶ sending ──2xx──▶ sent
 *                   ▲  ◀──5xx/network/timeout (backoff)──┘ └──4xx / too many attempts──▶ failed ──retry──▶ queued
 * A `sending` entry found by a fresh outbox (the service worker died mid-request) goes back to `queued`: the
 * receiver may already hold it, and the idempotency key makes re-sending safe.
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

export interface ApiDestination {
  kind: 'api';
  url: string;
  /** Shown to the child ("Your school", "Internet Watch Foundation"). */
  name: string;
}

export interface OutboxEntry {
  id: string;
  /**
   * The full report while it may still need sending or saving; null once delivered (data minimisation: the
   * receiver has it, the device keeps only the status, category, URL, hash and receipt).
   */
  report: Report | null;
  category: Report['category'];
  url: string;
  sha256: string;
  destination: ApiDestination;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next attempt while queued; null otherwise. */
  nextAttemptAt: number | null;
  /** Why the last attempt failed (kept after success for the record), or null. */
  lastError: string | null;
  receipt: Receipt | null;
  createdAt: number;
  updatedAt: number;
}

export type OutboxRecord = Record<string, OutboxEntry>;

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  factor: number;
  /** After this many failed attempts the entry becomes `failed` (it stays in the outbox: retry or save). */
  maxAttempts: number;
  timeoutMs: number;
  /** Parallel requests. */
  concurrency: number;
  /** Sent entries older than this are pruned. */
  keepSentMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  baseMs: 30_000,
  maxMs: 60 * 60_000,
  factor: 2,
  maxAttempts: 30,
  timeoutMs: 30_000,
  concurrency: 2,
  keepSentMs: 30 * 24 * 60 * 60_000,
};

export interface FetchLike {
  (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }): Promise<{
    status: number;
    text(): Promise<string>;
  }>;
}

export interface OutboxDeps {
  load(): Promise<OutboxRecord>;
  save(record: OutboxRecord): Promise<void>;
  now(): number;
  random(): number;
  fetch: FetchLike;
  /** Arrange for `runDue()` to be called at `at` (epoch ms), or cancel with null. Alarms in the extension. */
  wake(at: number | null): void | Promise<void>;
  policy?: Partial<RetryPolicy>;
  /** Called after every state change (the popup / dialog listen through storage anyway). */
  onChange?(entry: OutboxEntry): void;
}

/** Full jitter on the upper half: delay ∈ [d/2, d) with d = min(max, base·factor^(attempt−1)). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: number): number {
  const d = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.floor(d / 2 + (d / 2) * Math.min(Math.max(random, 0), 0.999999));
}

export type Outcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'retry'; reason: string; notBefore?: number }
  | { kind: 'fail'; reason: string };

/** Classifies a receiver answer. 2xx with a receipt → sent; 408/425/429/5xx → retry; other 4xx → failed. */
export function classifyResponse(status: number, body: string, id: string, retryAfterMs?: number): Outcome {
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    /* not JSON */
  }
  const detail = (): string => {
    const j = json as { error?: unknown; errors?: unknown } | null;
    const parts = [j?.error, ...(Array.isArray(j?.errors) ? j.errors.slice(0, 3) : [])].filter((x) => typeof x === 'string');
    return parts.length ? `: ${parts.join('; ')}`.slice(0, 500) : '';
  };
  if (status >= 200 && status < 300) {
    const r = (json as { receipt?: Receipt } | null)?.receipt ?? (json as Receipt | null);
    if (r && typeof r === 'object' && r.id === id) return { kind: 'sent', receipt: r };
    return { kind: 'retry', reason: `HTTP ${status} without a receipt for this report` };
  }
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return { kind: 'retry', reason: `HTTP ${status}${detail()}`, ...(retryAfterMs ? { notBefore: retryAfterMs } : {}) };
  }
  return { kind: 'fail', reason: `HTTP ${status}${detail()}` };
}

export class Outbox {
  readonly policy: RetryPolicy;
  private lock: Promise<unknown> = Promise.resolve();
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: OutboxDeps) {
    this.policy = { ...DEFAULT_POLICY, ...deps.policy };
  }

  /** Serialises read-modify-write cycles on the stored record (async interleavings in one context). */
  private mutate<T>(fn: (record: OutboxRecord) => T | Promise<T>): Promise<T> {
    const next = this.lock.then(async () => {
      const record = await this.deps.load();
      const result = await fn(record);
      await this.deps.save(record);
      return result;
    });
    this.lock = next.catch(() => {});
    return next;
  }

  private touch(entry: OutboxEntry, patch: Partial<OutboxEntry>): OutboxEntry {
    Object.assign(entry, patch, { updatedAt: this.deps.now() });
    this.deps.onChange?.(entry);
    return entry;
  }

  async list(): Promise<OutboxEntry[]> {
    await this.lock;
    return Object.values(await this.deps.load()).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string): Promise<OutboxEntry | null> {
    await this.lock;
    return (await this.deps.load())[id] ?? null;
  }

  /** Stores the report (idempotent by id: a second enqueue returns the existing entry) and sends it soon. */
  async enqueue(report: Report, destination: ApiDestination): Promise<OutboxEntry> {
    const entry = await this.mutate((record) => {
      const existing = record[report.id];
      if (existing) return existing;
      const now = this.deps.now();
      const created: OutboxEntry = {
        id: report.id,
        report,
        category: report.category,
        url: report.subject.urls[0] ?? '',
        sha256: report.integrity.sha256,
        destination,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        receipt: null,
        createdAt: now,
        updatedAt: now,
      };
      record[report.id] = created;
      this.deps.onChange?.(created);
      return created;
    });
    void this.runDue();
    return entry;
  }

  /** A failed (or waiting) entry goes back to the queue for an immediate attempt, with a fresh attempt budget. */
  async retry(id: string): Promise<OutboxEntry | null> {
    const entry = await this.mutate((record) => {
      const e = record[id];
      if (!e || e.state === 'sent' || e.state === 'sending') return e ?? null;
      return this.touch(e, { state: 'queued', attempts: 0, nextAttemptAt: this.deps.now() });
    });
    void this.runDue();
    return entry;
  }

  async remove(id: string): Promise<void> {
    await this.mutate((record) => {
      if (record[id]?.state !== 'sending' || !this.inFlight.has(id)) delete record[id];
    });
    await this.reschedule();
  }

  /**
   * Sends every due entry (and recovers entries left `sending` by a dead context), keeping up to `concurrency`
   * requests in flight, and resolves when nothing is in flight any more; then the next wake-up is scheduled.
   * Safe to call at any time and from several triggers (alarm, startup, enqueue, retry).
   */
  async runDue(): Promise<void> {
    await this.pump();
    await this.idle();
  }

  /** Resolves once no request is in flight and no pick is pending (tests, benchmark). */
  async idle(): Promise<void> {
    while (this.active.size || this.picking) {
      await Promise.race([...this.active.values(), this.picking].filter(Boolean));
    }
  }

  private readonly active = new Map<string, Promise<void>>();
  private picking: Promise<void> | null = null;
  private pickAgain = false;

  /** Picks due entries into free slots and starts them; each finished attempt pumps again. */
  private pump(): Promise<void> {
    if (this.picking) {
      this.pickAgain = true;
      return this.picking;
    }
    this.picking = (async () => {
      try {
        do {
          this.pickAgain = false;
          const due = await this.pick();
          for (const e of due) {
            const run = this.attempt(e).finally(() => {
              this.active.delete(e.id);
              void this.pump();
            });
            this.active.set(e.id, run);
          }
        } while (this.pickAgain);
      } finally {
        this.picking = null;
      }
      // Also while requests are in flight: a `sending` entry asks for a wake-up after the timeout, so a context
      // that dies mid-request still has an alarm to resume it.
      await this.reschedule();
    })();
    return this.picking;
  }

  private pick(): Promise<OutboxEntry[]> {
    return this.mutate((record) => {
      const now = this.deps.now();
      const picked: OutboxEntry[] = [];
      for (const e of Object.values(record)) {
        if (e.state === 'sending' && !this.inFlight.has(e.id)) {
          this.touch(e, { state: 'queued', nextAttemptAt: now, lastError: e.lastError ?? 'interrupted while sending' });
        }
        if (e.state === 'sent' && now - e.updatedAt > this.policy.keepSentMs) delete record[e.id];
      }
      const queued = Object.values(record)
        .filter((e) => e.state === 'queued' && (e.nextAttemptAt ?? 0) <= now && !this.inFlight.has(e.id))
        .sort((a, b) => (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0));
      for (const e of queued.slice(0, Math.max(0, this.policy.concurrency - this.inFlight.size))) {
        this.inFlight.add(e.id);
        picked.push(structuredClone(this.touch(e, { state: 'sending', nextAttemptAt: null, attempts: e.attempts + 1 })));
      }
      return picked;
    });
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.post(entry);
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    await this.mutate((record) => {
      this.inFlight.delete(entry.id);
      const e = record[entry.id];
      if (!e) return;
      const now = this.deps.now();
      if (outcome.kind === 'sent') {
        this.touch(e, { state: 'sent', receipt: outcome.receipt, nextAttemptAt: null, report: null });
      } else if (outcome.kind === 'fail') {
        this.touch(e, { state: 'failed', lastError: outcome.reason, nextAttemptAt: null });
      } else if (e.attempts >= this.policy.maxAttempts) {
        this.touch(e, { state: 'failed', lastError: `gave up after ${e.attempts} attempts: ${outcome.reason}`, nextAttemptAt: null });
      } else {
        const delay = Math.max(backoffDelay(e.attempts, this.policy, this.deps.random()), outcome.notBefore ?? 0);
        this.touch(e, { state: 'queued', lastError: outcome.reason, nextAttemptAt: now + delay });
      }
    });
  }

  private async post(entry: OutboxEntry): Promise<Outcome> {
    if (!entry.report) return { kind: 'fail', reason: 'the report body is gone' };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${this.policy.timeoutMs} ms`)), this.policy.timeoutMs);
    try {
      const res = await this.deps.fetch(entry.destination.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': entry.id },
        body: JSON.stringify(entry.report),
        signal: controller.signal,
      });
      const text = await res.text();
      return classifyResponse(res.status, text, entry.id);
    } catch (error) {
      const reason = controller.signal.aborted ? `timeout: no answer within ${this.policy.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      return { kind: 'retry', reason: `network: ${reason}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asks for a wake-up at the earliest due entry, or cancels it when nothing waits. */
  async reschedule(): Promise<void> {
    const record = await this.deps.load();
    const times = Object.values(record)
      .filter((e) => e.state === 'queued' || e.state === 'sending')
      .map((e) => e.nextAttemptAt ?? this.deps.now() + this.policy.timeoutMs);
    await this.deps.wake(times.length ? Math.min(...times) : null);
  }
}

/** The public view of an entry (no report body): for the popup and the dialog's status list. */
export interface OutboxSummary {
  id: string;
  state: OutboxState;
  category: Report['category'];
  destination: string;
  url: string;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  receipt: Receipt | null;
  createdAt: number;
  updatedAt: number;
  /** Whether the full report is still on the device (to save it as evidence). */
  savable: boolean;
}

export function summarize(e: OutboxEntry): OutboxSummary {
  return {
    id: e.id,
    state: e.state,
    category: e.category,
    destination: e.destination.name,
    url: e.url,
    savable: e.report !== null,
    attempts: e.attempts,
    nextAttemptAt: e.nextAttemptAt,
    lastError: e.lastError,
    receipt: e.receipt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
