import { browser } from 'wxt/browser';
import { tabStatusItem } from '../../background/tab-status';

export interface PageCounts {
  protected: boolean;
  checked: number;
  warnings: number;
}

/** Adds up the answers of a tab's frames; a frame that did not answer (gone, or no Haven) counts as nothing. */
export function addFrameCounts(replies: Array<{ checked: number; warnings: number } | null>): { answered: number; checked: number; warnings: number } {
  let answered = 0;
  let checked = 0;
  let warnings = 0;
  for (const r of replies) {
    if (!r) continue;
    answered++;
    checked += r.checked;
    warnings += r.warnings;
  }
  return { answered, checked, warnings };
}

/**
 * Counts of the active tab, over every frame Haven runs in (a chat widget is often a cross-origin iframe).
 * Pages without Haven (browser pages, stores) answer nothing.
 */
export async function queryPageStatus(): Promise<PageCounts> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const none = { protected: false, checked: 0, warnings: 0 };
  if (tab?.id === undefined) return none;
  const tabId = tab.id;
  const known = (await tabStatusItem.getValue())[tabId];
  const frameIds = [...new Set([0, ...(known?.frames ?? [])])];
  const replies = await Promise.all(
    frameIds.map(async (frameId) => {
      try {
        const reply = (await browser.tabs.sendMessage(tabId, { haven: 1, name: 'status.get', payload: {} }, { frameId })) as
          | { ok: true; value: { checked: number; warnings: number } }
          | undefined;
        return reply?.ok ? reply.value : null;
      } catch {
        return null; // frame gone, restricted page, or loaded before Haven was installed
      }
    }),
  );
  const sum = addFrameCounts(replies);
  if (sum.answered > 0) return { protected: true, checked: sum.checked, warnings: sum.warnings };
  return known ? { ...none, protected: true } : none;
}
