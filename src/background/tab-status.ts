import { storage } from 'wxt/utils/storage';
import { serial } from '../lib/serial';

/**
 * Which frames of which tab run Haven's content script, kept in session storage so the popup can say
 * "Haven is protecting this page" even after the service worker was restarted. Cleared with the browser session.
 */
export interface TabStatus {
  url: string;
  frames: number[];
}
export const tabStatusItem = storage.defineItem<Record<string, TabStatus>>('session:tabStatus', { version: 1, fallback: {} });

const queue = serial();

/** `tabUrl` is the tab's top-level URL (from the sender's tab), also for hellos from subframes. */
export function recordFrame(tabId: number, frameId: number, tabUrl: string): Promise<void> {
  return queue(async () => {
    const all = await tabStatusItem.getValue();
    const prev = all[tabId];
    // A new top-level document starts a new status; its frames (in any order) add to it.
    const frames = !prev || prev.url !== tabUrl ? [] : prev.frames;
    all[tabId] = { url: tabUrl, frames: frames.includes(frameId) ? frames : [...frames, frameId] };
    await tabStatusItem.setValue(all);
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return queue(async () => {
    const all = await tabStatusItem.getValue();
    if (tabId in all) {
      delete all[tabId];
      await tabStatusItem.setValue(all);
    }
  });
}
