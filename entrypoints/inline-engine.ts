import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createEngine, ENGINE_SLOT } from '@/src/content/engine';

/**
 * The classifier chunk of in-page protection: imported on demand by the content script
 * (`src/content/engine-client.ts`) with `import(runtime.getURL('/inline-engine.js'))`, so TensorFlow.js is
 * parsed only on pages that have message-like text. Listed in `web_accessible_resources` for that reason.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[ENGINE_SLOT] = createEngine;
});
