/**
 * The blocked page must be web-accessible (declarativeNetRequest can only redirect to such pages), so any site
 * could embed it, or reload it, and make it count "blocked" visits over and over. This keeps the parent's summary
 * honest: one count per tab, frame and category within `windowMs`, and at most `maxPerTabPerHour` per tab.
 * A real new attempt after the window still counts. The state lives in session storage (see background.ts), so a
 * service worker that stops between two visits does not start afresh.
 */
export interface BlockCountState {
  /** the blocks counted in the last hour: [tab, "frame|category", time] */
  counted: Array<[tab: number, place: string, at: number]>;
}

export const EMPTY_BLOCK_COUNT_STATE: BlockCountState = { counted: [] };
const HOUR = 3_600_000;

/** Pure: whether this block counts, and the next state (entries older than an hour dropped, so it stays small). */
export function decideBlockCount(
  state: BlockCountState, tabId: number, frameId: number, category: string, now: number, windowMs = 30_000, maxPerTabPerHour = 30,
): { count: boolean; state: BlockCountState } {
  const counted = state.counted.filter(([, , at]) => now - at < HOUR && at <= now);
  const place = `${frameId}|${category}`;
  const inTab = counted.filter(([tab]) => tab === tabId);
  const count = inTab.length < maxPerTabPerHour && !inTab.some(([, p, at]) => p === place && now - at < windowMs);
  return { count, state: { counted: count ? [...counted, [tabId, place, now]] : counted } };
}
