import type { StatsV1 } from '../storage/items';

/** Local calendar day of a timestamp, YYYY-MM-DD (parents read the summary in their own time zone). */
export function dayKey(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Adds `count` to one counter of one day, keeping at most `keepDays` days (oldest dropped). Pure. */
export function addCount(stats: StatsV1, day: string, key: string, count = 1, keepDays = 90): StatsV1 {
  const next: StatsV1 = { ...stats, [day]: { ...stats[day], [key]: ((stats[day] as Record<string, number> | undefined)?.[key] ?? 0) + count } };
  const days = Object.keys(next).sort();
  for (const old of days.slice(0, Math.max(0, days.length - keepDays))) delete next[old];
  return next;
}
