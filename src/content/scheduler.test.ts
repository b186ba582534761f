import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler';

describe('scheduler', () => {
  it('runs jobs in slices within the budget and re-runs unfinished ones', () => {
    let now = 0;
    const idle: Array<() => void> = [];
    const s = createScheduler({ budgetMs: 8, now: () => now, requestIdle: (cb) => idle.push(cb) });
    let steps = 0;
    s.enqueue((slice) => {
      while (slice.hasTime() && steps < 10) {
        steps++;
        now += 3; // each step costs 3 ms
      }
      return steps < 10;
    });
    expect(idle.length).toBe(1);
    idle.shift()!();
    expect(steps).toBe(3); // 0, 3, 6 → 9 ms > budget
    while (idle.length) idle.shift()!();
    expect(steps).toBe(10);
    expect(s.pending).toBe(0);
  });

  it('keeps going after a failing job and stops cleanly', () => {
    const idle: Array<() => void> = [];
    const s = createScheduler({ requestIdle: (cb) => idle.push(cb) });
    let ran = false;
    s.enqueue(() => {
      throw new Error('boom');
    });
    s.enqueue(() => {
      ran = true;
    });
    idle.shift()!();
    expect(ran).toBe(true);
    s.stop();
    s.enqueue(() => {
      throw new Error('never');
    });
    expect(idle.length).toBe(0);
  });
});
