import { LABELS, type Label } from '../classifier/types';
import { STAT_EVENTS, type StatEvent } from '../messaging/core-messages';
import type { StatsV1 } from '../storage/items';

/**
 * The parents' activity summary: per day and label, how many warnings were shown, revealed, dismissed and
 * reported, and how many pages were blocked per category. Counts only: the stats item holds no text and no URLs,
 * and this reads only the known counter keys, so nothing else could ever reach the page.
 */
export type LabelCounts = Record<StatEvent, number>;
export interface DaySummary {
  /** YYYY-MM-DD, local. */
  day: string;
  warnings: Record<Label, LabelCounts>;
  blocked: Record<string, number>;
}
export interface Summary {
  days: DaySummary[];
  totals: { warnings: Record<Label, LabelCounts>; blocked: Record<string, number> };
  /** The largest number of warnings shown on one day (chart scale). */
  maxShown: number;
}

const CATEGORY_KEY = /^blocked\.([a-z0-9-]{1,40})$/;

const zeroCounts = (): LabelCounts => Object.fromEntries(STAT_EVENTS.map((e) => [e, 0])) as LabelCounts;
const zeroLabels = (): Record<Label, LabelCounts> => Object.fromEntries(LABELS.map((l) => [l, zeroCounts()])) as Record<Label, LabelCounts>;

/** The `count` days ending with `today` (YYYY-MM-DD), oldest first. */
export function lastDays(today: string, count: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(y, m - 1, d - i));
    out.push(date.toISOString().slice(0, 10));
  }
  return out;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0);

export function summarize(stats: StatsV1, today: string, dayCount = 14): Summary {
  const totals = { warnings: zeroLabels(), blocked: {} as Record<string, number> };
  let maxShown = 0;
  const days = lastDays(today, dayCount).map((day): DaySummary => {
    const raw = (stats[day] ?? {}) as Record<string, unknown>;
    const warnings = zeroLabels();
    const blocked: Record<string, number> = {};
    for (const label of LABELS) {
      for (const event of STAT_EVENTS) {
        const n = count(raw[`${label}.${event}`]);
        warnings[label][event] = n;
        totals.warnings[label][event] += n;
      }
    }
    for (const [key, value] of Object.entries(raw)) {
      const m = CATEGORY_KEY.exec(key);
      const n = count(value);
      if (!m || !n) continue;
      blocked[m[1]!] = n;
      totals.blocked[m[1]!] = (totals.blocked[m[1]!] ?? 0) + n;
    }
    maxShown = Math.max(maxShown, LABELS.reduce((sum, l) => sum + warnings[l].shown, 0));
    return { day, warnings, blocked };
  });
  return { days, totals, maxShown };
}
