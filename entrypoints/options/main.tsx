import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { translatorFor } from '@/src/i18n';
import { settingsItem } from '@/src/storage/items';
import type { Settings } from '@/src/settings/schema';

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((next) => setSettings(next));
  }, []);
  if (!settings) return null;
  const t = translatorFor(settings.language);
  return (
    <main class="popup" style={{ maxWidth: '720px', margin: '0 auto' }}>
      <header class="popup__header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <h1>{t('options_title')}</h1>
      </header>
      <p>{t('options_intro')}</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
