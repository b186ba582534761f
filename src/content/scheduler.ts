import { logErrorOnce } from '../lib/errors';

/**
 * Cooperative scheduling for content-script work: runs queued jobs in idle time (with a timeout so work still
 * happens on busy pages) and yields whenever a slice has used its budget, so Haven never causes a long task.
 */
export interface Slice {
  /** True while the current slice still has time left. */
  hasTime(): boolean;
}

export interface Scheduler {
  /** Runs `job` in a later slice; jobs that return true are run again (unfinished work). */
  enqueue(job: (slice: Slice) => boolean | void): void;
  readonly pending: number;
  stop(): void;
}

export interface SchedulerOptions {
  /** Budget per slice in ms (default 8). */
  budgetMs?: number;
  /** Maximum wait for idle time before running anyway (default 150 ms). */
  timeoutMs?: number;
  now?: () => number;
  requestIdle?: (cb: () => void, timeoutMs: number) => unknown;
}

function defaultRequestIdle(cb: () => void, timeoutMs: number): unknown {
  if (typeof requestIdleCallback === 'function') return requestIdleCallback(() => cb(), { timeout: timeoutMs });
  return setTimeout(cb, 16);
}

export function createScheduler(opts: SchedulerOptions = {}): Scheduler {
  const budget = opts.budgetMs ?? 8;
  const timeout = opts.timeoutMs ?? 150;
  const now = opts.now ?? (() => performance.now());
  const requestIdle = opts.requestIdle ?? defaultRequestIdle;
  const queue: Array<(slice: Slice) => boolean | void> = [];
  let scheduled = false;
  let stopped = false;

  const run = () => {
    scheduled = false;
    if (stopped) return;
    const start = now();
    const slice: Slice = { hasTime: () => now() - start < budget };
    while (queue.length > 0 && slice.hasTime()) {
      const job = queue.shift()!;
      let again = false;
      try {
        again = job(slice) === true;
      } catch (error) {
        logErrorOnce('scheduler', error);
      }
      if (again) queue.push(job);
    }
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    requestIdle(run, timeout);
  };
  return {
    enqueue(job) {
      if (stopped) return;
      queue.push(job);
      schedule();
    },
    get pending() {
      return queue.length;
    },
    stop() {
      stopped = true;
      queue.length = 0;
    },
  };
}
