import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/src/ui/popup/popup-view';
import { translatorFor } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { settingsItem } from '@/src/storage/items';
import { helplineFor } from '@/src/background/helpline';
import { queryPageStatus } from '@/src/ui/popup/page-status';
import type { Settings } from '@/src/settings/schema';

function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ protected: boolean; checked: number; warnings: number } | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void queryPageStatus().then(setStatus);
  }, []);
  if (!settings) return null;
  const t = translatorFor(settings.language);
  document.documentElement.lang = settings.language;
  return (
    <PopupView
      t={t}
      status={status}
      helplinePhone={helplineFor(settings.country).phone}
      onReportPage={() => void reportActivePage()}
      onGetHelp={() => void sendMessage('help.open', {}).then(() => window.close())}
      onParents={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      onReports={() => void browser.tabs.create({ url: browser.runtime.getURL('/report.html#view=outbox') }).then(() => window.close())}
    />
  );
}

async function reportActivePage(): Promise<void> {
  // Starts a report of the active tab; the background opens the report dialog (nothing is sent before Send there).
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined && tab.url && /^https?:/i.test(tab.url)) {
    await sendMessage('report.start', { kind: 'page', url: tab.url, title: (tab.title ?? '').slice(0, 1000), tabId: tab.id });
  }
  window.close();
}

render(<Popup />, document.getElementById('app')!);
