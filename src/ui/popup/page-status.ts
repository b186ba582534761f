import { browser } from 'wxt/browser';
import { tabStatusItem } from '../../background/tab-status';

/** Asks the active tab's top frame for its counts; pages without Haven (browser pages, stores) answer nothing. */
export async function queryPageStatus(): Promise<{ protected: boolean; checked: number; warnings: number }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const none = { protected: false, checked: 0, warnings: 0 };
  if (tab?.id === undefined) return none;
  const known = (await tabStatusItem.getValue())[tab.id];
  try {
    const reply = (await browser.tabs.sendMessage(tab.id, { haven: 1, name: 'status.get', payload: {} }, { frameId: 0 })) as
      | { ok: true; value: { checked: number; warnings: number } }
      | undefined;
    if (reply?.ok) return { protected: true, ...reply.value };
  } catch {
    // No content script in this tab (restricted page, or the page loaded before Haven was installed).
  }
  return known ? { ...none, protected: true } : none;
}
