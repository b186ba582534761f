import { describe, expect, it } from 'vitest';
import { lastDays, summarize } from './summary';
import { tamperSignals } from './tamper';

describe('activity summary', () => {
  it('lists the last days across month ends, oldest first', () => {
    expect(lastDays('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('counts warnings per day, label and event, and blocked pages per category', () => {
    const stats = {
      '2026-11-21': { 'bullying.shown': 3, 'bullying.revealed': 1, 'blocked.gambling': 2 },
      '2026-11-22': { 'grooming.shown': 1, 'grooming.reported': 1, 'blocked.gambling': 1, 'blocked.parent': 4 },
      '2026-10-01': { 'bullying.shown': 99 },
    };
    const s = summarize(stats, '2026-11-22', 7);
    expect(s.days).toHaveLength(7);
    expect(s.days.at(-1)!.warnings.grooming).toEqual({ shown: 1, revealed: 0, dismissed: 0, reported: 1 });
    expect(s.totals.warnings.bullying).toEqual({ shown: 3, revealed: 1, dismissed: 0, reported: 0 });
    expect(s.totals.blocked).toEqual({ gambling: 3, parent: 4 });
    expect(s.maxShown).toBe(3);
  });

  it('reads only known counters: no text or URL could reach the page', () => {
    const stats = { '2026-11-22': { 'hello there': 5, 'blocked.https://x.example/': 2, 'bullying.shown': -4, 'hate.shown': 'x' } } as never;
    const s = summarize(stats, '2026-11-22', 1);
    expect(JSON.stringify(s)).not.toMatch(/hello|https/);
    expect(s.totals.warnings.bullying.shown).toBe(0);
    expect(s.totals.blocked).toEqual({});
  });
});

describe('tamper signals', () => {
  const none = { incognitoAllowed: true, installType: 'normal', policyPresent: false, policySeenAt: null, policyProblems: [], events: [] };
  it('is quiet when all is well', () => {
    expect(tamperSignals(none)).toEqual([]);
  });
  it('names each way around Haven, most important first', () => {
    const signals = tamperSignals({
      ...none,
      incognitoAllowed: false,
      installType: 'admin',
      events: [
        { kind: 'settings-repaired', at: 1, fields: ['country'] },
        { kind: 'pin-reset', at: 2 },
      ],
    });
    expect(signals.map((s) => s.kind)).toEqual(['incognito-off', 'policy-missing', 'pin-reset', 'settings-repaired']);
    expect(tamperSignals({ ...none, policySeenAt: 5 })).toEqual([{ kind: 'policy-missing', reason: 'seen-before' }]);
    expect(tamperSignals({ ...none, incognitoAllowed: null })).toEqual([]);
  });
});
