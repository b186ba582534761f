/**
 * The blocked page must be web-accessible (declarativeNetRequest can only redirect to such pages), so any site
 * could embed it, or reload it, and make it count "blocked" visits over and over. This keeps the parent's summary
 * honest: one count per tab, frame and category within `windowMs`, and at most `maxPerTabPerHour` per tab.
 * A real new attempt after the window still counts. State is in memory: a restarted service worker starts afresh,
 * which can only let a few extra counts through.
 */
export function createBlockCountThrottle(windowMs = 30_000, maxPerTabPerHour = 30): (tabId: number, frameId: number, category: string, now?: number) => boolean {
  const lastByKey = new Map<string, number>();
  const recentByTab = new Map<number, number[]>();
  const HOUR = 3_600_000;
  return (tabId, frameId, category, now = Date.now()) => {
    const key = `${tabId}|${frameId}|${category}`;
    const last = lastByKey.get(key);
    if (last !== undefined && now - last < windowMs) return false;
    const recent = (recentByTab.get(tabId) ?? []).filter((t) => now - t < HOUR);
    if (recent.length >= maxPerTabPerHour) {
      recentByTab.set(tabId, recent);
      return false;
    }
    lastByKey.set(key, now);
    recent.push(now);
    recentByTab.set(tabId, recent);
    // forget old keys so the map does not grow with every tab ever opened
    if (lastByKey.size > 1000) for (const [k, t] of lastByKey) if (now - t >= windowMs) lastByKey.delete(k);
    return true;
  };
}
