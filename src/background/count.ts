import { statsItem } from '../storage/items';
import { addCount, dayKey } from '../lib/stats';
import { serial } from '../lib/serial';

const queue = serial();

/**
 * Adds to one of today's activity counters. Every feature (warnings, blocking, reports) counts through this one
 * queue: separate read-modify-writes of `local:stats` from concurrent messages would overwrite each other's counts.
 */
export function recordCount(key: Parameters<typeof addCount>[2], count = 1, now = Date.now()): Promise<void> {
  return queue(async () => statsItem.setValue(addCount(await statsItem.getValue(), dayKey(now), key, count)));
}
