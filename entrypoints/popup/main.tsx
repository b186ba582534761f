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
    />
  );
}

async function reportActivePage(): Promise<void> {
  // Replaced by the report flow of the reporting feature; until then, the parents' page explains reporting.
  await browser.runtime.openOptionsPage();
  window.close();
}

render(<Popup />, document.getElementById('app')!);
