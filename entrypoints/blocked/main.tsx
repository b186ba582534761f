import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { BlockedView, type UnblockOutcome } from '@/src/ui/blocked/blocked-view';
import { translatorFor, localeFromTag } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { settingsItem } from '@/src/storage/items';
import { helplineFor } from '@/src/background/helpline';
import { parseBlockedQuery } from '@/src/blocking/query';
import { unblockErrorMessage } from '@/src/blocking/blocked-page';
import { isCategory } from '@/src/rules/categories';
import { PARENT_CATEGORY } from '@/src/blocking/overrides';
import type { Settings } from '@/src/settings/schema';

// DNR sends blocked frames here: /blocked.html?c=<category>&u=<blocked URL> (the URL is absent on Firefox).
const query = parseBlockedQuery(location.search);
const compact = window.top !== window;

function Blocked() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    const category = query.category;
    if (isCategory(category) || category === PARENT_CATEGORY) void sendMessage('blocking.blocked', { category }).catch(() => {});
  }, []);
  const t = translatorFor(settings?.language ?? localeFromTag(navigator.language));
  document.documentElement.lang = settings?.language ?? 'en';
  document.title = t('blocked_page_title');

  const onUnblock = async (site: string, duration: 'hour' | 'always', pin: string): Promise<UnblockOutcome> => {
    try {
      const result = await sendMessage('blocking.unblock', { site, duration, pin });
      if (!result.ok) return { ok: false, message: unblockErrorMessage(t, result) };
      if (query.url) setTimeout(() => location.replace(query.url!), 400);
      return { ok: true, duration };
    } catch (error) {
      return { ok: false, message: t('common_error', error instanceof Error ? error.message : String(error)) };
    }
  };

  return (
    <BlockedView
      t={t}
      category={query.category}
      url={query.url}
      host={query.host}
      compact={compact}
      helplinePhone={settings ? helplineFor(settings.country).phone : null}
      onUnblock={onUnblock}
      onBack={() => (history.length > 1 ? history.back() : window.close())}
      onGetHelp={() => void sendMessage('help.open', {})}
    />
  );
}

render(<Blocked />, document.getElementById('app')!);
