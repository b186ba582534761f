import { browser } from 'wxt/browser';
import { ENGINE_SLOT, type EngineFactory, type InlineEngine } from './engine-types';

export const ENGINE_PATH = '/inline-engine.js';
export const MODEL_PATH = '/model/';

let pending: Promise<InlineEngine> | null = null;

/**
 * Loads the classifier chunk and the model once per frame (memoised; a failure is cached too, so a broken
 * model never causes a retry storm: the frame simply stays without verdicts).
 */
export function loadEngine(): Promise<InlineEngine> {
  pending ??= (async () => {
    const slot = globalThis as Record<string, unknown>;
    if (typeof slot[ENGINE_SLOT] !== 'function') {
      // A classic content script may import() a web-accessible module of its own extension; the module runs in
      // this isolated world and hands its factory over through the slot.
      await import(/* @vite-ignore */ browser.runtime.getURL(ENGINE_PATH as '/inline-engine.js'));
    }
    const factory = slot[ENGINE_SLOT] as EngineFactory | undefined;
    if (typeof factory !== 'function') throw new Error('inline engine did not register');
    return factory(browser.runtime.getURL(MODEL_PATH as '/'));
  })();
  return pending;
}
