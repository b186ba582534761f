import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send as sendMessage } from './send';
import { contentMessages, type PageStatus } from './messages';
import { logErrorOnce, isContextInvalidated } from '../lib/errors';
import { InlineProtection } from './inline';

/** Live counts of this frame, answered to the popup (which adds up all frames). Filled by the inline-protection pipeline. */
export const pageStatus: PageStatus = { checked: 0, warnings: 0 };

/**
 * Content-script entry: never breaks the page. Announces this frame to the background, answers status queries
 * from Haven's own pages, and starts in-page protection unless a parent turned it off for this site.
 */
export function startContent(ctx: ContentScriptContext): void {
  try {
    const top = window.top === window;
    listenForStatus();
    sendMessage('content.hello', { url: location.href.slice(0, 8192), top })
      .then((hello) => {
        if (!hello.enabled || !ctx.isValid) return;
        return new InlineProtection(ctx, { status: pageStatus }).start();
      })
      .catch((error) => {
        if (!isContextInvalidated(error)) logErrorOnce('content.hello', error);
      });
  } catch (error) {
    logErrorOnce('content.start', error);
  }
}

function listenForStatus(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only Haven's own pages may ask; everything else is ignored (no reply leaks to other senders).
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = raw as { haven?: number; name?: string; payload?: unknown } | null;
    if (msg?.haven !== 1 || msg.name !== 'status.get') return undefined;
    const checked = contentMessages['status.get'].request(msg.payload, 'payload');
    if (!checked.ok) return Promise.resolve({ ok: false, error: { code: 'bad-payload', message: checked.errors.join('; ') } });
    return Promise.resolve({ ok: true, value: { ...pageStatus } });
  });
}
