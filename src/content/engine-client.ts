import { browser } from 'wxt/browser';
import { ENGINE_SLOT, type EngineFactory, type InlineEngine } from './engine-types';
import { INLINE_MAX_BATCH, INLINE_MAX_TEXT } from './messages';
import { send } from './send';

export const ENGINE_PATH = '/inline-engine.js';
export const MODEL_PATH = '/model/';

let pending: Promise<InlineEngine> | null = null;

/** The engine this build uses: the background one unless built with `WXT_INLINE_ENGINE=page`. */
export function loadEngine(): Promise<InlineEngine> {
  return import.meta.env.WXT_INLINE_ENGINE === 'page' ? loadPageEngine() : loadBackgroundEngine();
}

/**
 * The model runs in the background, once for all tabs: no TensorFlow.js on the page's main thread, no copy of
 * the weights per tab. The first call also wakes the background and loads the model.
 */
export async function loadBackgroundEngine(): Promise<InlineEngine> {
  const first = await send('inline.classify', { texts: [] });
  const engine: InlineEngine = {
    version: first.version,
    local: false,
    thresholds: first.thresholds,
    async classify(texts) {
      const out = [];
      for (let i = 0; i < texts.length; i += INLINE_MAX_BATCH) {
        const batch = texts.slice(i, i + INLINE_MAX_BATCH).map((t) => t.slice(0, INLINE_MAX_TEXT));
        out.push(...(await send('inline.classify', { texts: batch })).scores);
      }
      return out;
    },
    assess: (messages, sensitivity) =>
      send('inline.assess', {
        messages: messages.slice(-100).map((m) => ({ ...(m.author ? { author: m.author.slice(0, 200) } : {}), text: m.text.slice(0, INLINE_MAX_TEXT) })),
        sensitivity,
      }),
    dispose() {},
  };
  return engine;
}

/**
 * Loads the classifier chunk and the model once per frame (memoised; a failure is cached too, so a broken
 * model never causes a retry storm: the frame simply stays without verdicts).
 */
export function loadPageEngine(): Promise<InlineEngine> {
  pending ??= (async () => {
    const slot = globalThis as Record<string, unknown>;
    if (typeof slot[ENGINE_SLOT] !== 'function') {
      // A classic content script may import() a web-accessible module of its own extension; the module runs in
      // this isolated world and hands its factory over through the slot.
      // The chunk exists only in the measurement build, so the generated PublicPath type may not list it.
      const getURL = browser.runtime.getURL as (path: string) => string;
      await import(/* @vite-ignore */ getURL(ENGINE_PATH));
    }
    const factory = slot[ENGINE_SLOT] as EngineFactory | undefined;
    if (typeof factory !== 'function') throw new Error('inline engine did not register');
    return factory(browser.runtime.getURL(MODEL_PATH as '/'));
  })();
  return pending;
}
