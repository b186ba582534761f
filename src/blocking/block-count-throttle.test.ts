import { describe, expect, it } from 'vitest';
import { decideBlockCount, EMPTY_BLOCK_COUNT_STATE, type BlockCountState } from './block-count-throttle';

/** Runs a sequence of blocks through the pure throttle; returns which ones counted. */
function run(events: Array<[tab: number, frame: number, category: string, at: number]>, maxPerTabPerHour = 30): boolean[] {
  let state: BlockCountState = EMPTY_BLOCK_COUNT_STATE;
  return events.map(([tab, frame, category, at]) => {
    const d = decideBlockCount(state, tab, frame, category, at, 30_000, maxPerTabPerHour);
    state = d.state;
    return d.count;
  });
}

describe('blocked-page count throttle', () => {
  it('counts a block once per tab, frame and category within the window, and again after it', () => {
    expect(
      run([
        [1, 0, 'adult', 0],
        [1, 0, 'adult', 1_000], // reload
        [1, 0, 'gambling', 1_000], // another category
        [1, 5, 'adult', 1_000], // another frame
        [2, 0, 'adult', 1_000], // another tab
        [1, 0, 'adult', 31_000], // a real new attempt later
      ]),
    ).toEqual([true, false, true, true, true, true]);
  });
  it('caps the counts of one tab per hour, so a page embedding the blocked page cannot inflate them', () => {
    const frames = Array.from({ length: 10 }, (_, i): [number, number, string, number] => [7, i + 1, 'adult', i * 40_000]);
    expect(run([...frames, [8, 1, 'adult', 400_000], [7, 99, 'adult', 3_600_001]], 3)).toEqual([
      true, true, true, false, false, false, false, false, false, false, true, true,
    ]);
  });
  it('prunes old entries, so the stored state stays small', () => {
    let state: BlockCountState = EMPTY_BLOCK_COUNT_STATE;
    for (let i = 0; i < 200; i++) state = decideBlockCount(state, i, 0, 'adult', i * 60_000).state;
    expect(state.counted.length).toBeLessThanOrEqual(60);
  });
});
