/**
 * The blocked page must be web-accessible (declarativeNetRequest can only redirect to such pages), so any site
 * could embed it, or reload it, and make it count "blocked" visits over and over. This keeps the parent's summary
 * honest: one count per tab, frame and category within `windowMs`, and at most `maxPerTabPerHour` per tab.
 * A real new attempt after the window still counts. The state lives in session storage (see background.ts), so a
 * service worker that stops between two visits does not start afresh.
 */
export interface BlockCountState {
  /** last counted time per "tab|frame|category" */
  last: Record<string, number>;
  /** counted times in the last hour, per tab */
  recent: Record<string, number[]>;
}

export const EMPTY_BLOCK_COUNT_STATE: BlockCountState = { last: {}, recent: {} };
const HOUR = 3_600_000;

/** Pure: whether this block counts, and the next state (old entries pruned, so it stays small). */
export function decideBlockCount(
  state: BlockCountState, tabId: number, frameId: number, category: string, now: number, windowMs = 30_000, maxPerTabPerHour = 30,
): { count: boolean; state: BlockCountState } {
  const last = Object.fromEntries(Object.entries(state.last).filter(([, t]) => now - t < windowMs && t <= now));
  const recent: Record<string, number[]> = {};
  for (const [tab, ts] of Object.entries(state.recent)) {
    const kept = ts.filter((t) => now - t < HOUR && t <= now);
    if (kept.length) recent[tab] = kept;
  }
  const key = `${tabId}|${frameId}|${category}`;
  const tab = String(tabId);
  if (key in last || (recent[tab]?.length ?? 0) >= maxPerTabPerHour) return { count: false, state: { last, recent } };
  return { count: true, state: { last: { ...last, [key]: now }, recent: { ...recent, [tab]: [...(recent[tab] ?? []), now] } } };
}
