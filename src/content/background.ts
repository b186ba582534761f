/**
 * Background side of in-page protection: the on-device classifier, loaded once (lazily, on the first request)
 * for every tab and frame. Content scripts send message texts through `inline.classify` / `inline.assess`.
 */
import { browser } from 'wxt/browser';
import { ConversationRisk, loadClassifier, sourceFromUrl, type HavenClassifier } from '../classifier';
import type { Handlers } from '../messaging';
import { MessageError } from '../messaging';
import { okTextsItem } from '../storage/items';
import { serial } from '../lib/serial';

// Frames and tabs may say "This is OK" at the same moment: one queue keeps every digest.
const okQueue = serial();

let loading: Promise<HavenClassifier> | null = null;
let failedAt = 0;

/** The classifier, loaded once. A failure is remembered for a minute (no retry storm from busy pages). */
function classifier(): Promise<HavenClassifier> {
  if (!loading && Date.now() - failedAt > 60_000) {
    loading = loadClassifier(sourceFromUrl(browser.runtime.getURL('/model/' as '/')), { backend: 'cpu' }).catch((error: unknown) => {
      loading = null;
      failedAt = Date.now();
      throw error;
    });
  }
  if (!loading) return Promise.reject(new MessageError('handler-failed', 'classifier unavailable (load failed recently)'));
  return loading;
}

export const inlineHandlers: Handlers = {
  'inline.ok'({ digest }) {
    return okQueue(async () => {
      const current = await okTextsItem.getValue();
      if (!current.includes(digest)) await okTextsItem.setValue([...current, digest].slice(-5000));
    });
  },
  async 'inline.classify'({ texts }) {
    const c = await classifier();
    const scores = texts.length ? await c.classify(texts) : [];
    return { version: c.version, thresholds: c.thresholds, scores };
  },
  async 'inline.assess'({ messages, sensitivity }) {
    const c = await classifier();
    const risk = new ConversationRisk({ classifier: c, sensitivity });
    for (const m of messages) risk.add(m.author ? { author: m.author, text: m.text } : { text: m.text });
    const a = risk.assess();
    return { risk: a.risk, flagged: a.flagged, cues: a.cues.map((cue) => ({ kind: cue.kind, messageIndex: cue.messageIndex })) };
  },
};
