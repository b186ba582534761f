import { browser } from 'wxt/browser';
import { MessageError, type Handlers } from '../messaging';
import { settingsItem } from '../storage/items';
import { recordCount } from './count';
import { recordFrame, forgetTab } from './tab-status';
import { helplineFor } from './helpline';

/** Handlers of the foundation's messages (see `coreMessages`). */
export const coreHandlers: Handlers = {
  async 'content.hello'({ url, top }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new MessageError('bad-sender', 'content.hello must come from a tab.');
    const frameId = sender.frameId ?? 0;
    await recordFrame(tabId, frameId, top ? url : (sender.tab?.url ?? url));
    // `allowSites` means "never block this site" (docs/parents.md), not "stop warning here": a site a parent
    // unblocks (from the blocked page, or a school's policy) keeps the inline warnings.
    return { tabId, frameId, enabled: true };
  },
  'settings.get': () => settingsItem.getValue(),
  'stats.record': ({ label, event, count }) => recordCount(`${label}.${event}`, count ?? 1),
  async 'help.open'() {
    const settings = await settingsItem.getValue();
    await browser.tabs.create({ url: helplineFor(settings.country).url });
  },
};

export function watchTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
