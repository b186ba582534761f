import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { statsItem } from '../storage/items';
import { coreHandlers } from './core';
import { blockingHandlers } from '../blocking/background';
import type { Handler } from '../messaging/router';

beforeEach(() => fakeBrowser.reset());

describe('activity counts', () => {
  it('keeps every count when features count at the same time', async () => {
    const stat = coreHandlers['stats.record'] as Handler<'stats.record'>;
    const blocked = blockingHandlers['blocking.blocked'] as Handler<'blocking.blocked'>;
    const sender = { id: 'x' };
    await Promise.all([
      ...Array.from({ length: 5 }, () => stat({ label: 'bullying', event: 'shown' }, sender)),
      // three different tabs (one tab's repeats within 30 s count once: see block-count-throttle.ts)
      ...Array.from({ length: 3 }, (_, i) => blocked({ category: 'gambling' }, { ...sender, tab: { id: 100 + i } as Browser.tabs.Tab, frameId: 0 })),
    ]);
    expect(Object.values(await statsItem.getValue())[0]).toEqual({ 'bullying.shown': 5, 'blocked.gambling': 3 });
  });
});
