import { describe, expect, it } from 'vitest';
import { addCount, dayKey } from './stats';

describe('activity counts', () => {
  it('adds per day and key', () => {
    let s = addCount({}, '2026-11-20', 'bullying.shown');
    s = addCount(s, '2026-11-20', 'bullying.shown', 2);
    s = addCount(s, '2026-11-21', 'blocked.adult');
    expect(s).toEqual({ '2026-11-20': { 'bullying.shown': 3 }, '2026-11-21': { 'blocked.adult': 1 } });
  });

  it('keeps only the newest days', () => {
    let s = {};
    for (let d = 1; d <= 5; d++) s = addCount(s, `2026-11-0${d}`, 'x', 1, 3);
    expect(Object.keys(s)).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
  });

  it('uses the local calendar day', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});
