import { describe, expect, it } from 'vitest';
import { createBlockCountThrottle } from './block-count-throttle';

describe('blocked-page count throttle', () => {
  it('counts a block once per tab, frame and category within the window, and again after it', () => {
    const allow = createBlockCountThrottle(30_000, 30);
    expect(allow(1, 0, 'adult', 0)).toBe(true);
    expect(allow(1, 0, 'adult', 1_000)).toBe(false); // reload
    expect(allow(1, 0, 'gambling', 1_000)).toBe(true); // another category
    expect(allow(1, 5, 'adult', 1_000)).toBe(true); // another frame
    expect(allow(2, 0, 'adult', 1_000)).toBe(true); // another tab
    expect(allow(1, 0, 'adult', 31_000)).toBe(true); // a real new attempt later
  });
  it('caps the counts of one tab per hour, so a page embedding the blocked page cannot inflate them', () => {
    const allow = createBlockCountThrottle(30_000, 3);
    const counted = Array.from({ length: 10 }, (_, frame) => allow(7, frame + 1, 'adult', frame)).filter(Boolean).length;
    expect(counted).toBe(3);
    expect(allow(8, 1, 'adult', 10)).toBe(true); // other tabs are not affected
    expect(allow(7, 99, 'adult', 3_600_001)).toBe(true); // the hour has passed
  });
});
