/**
 * The classifier side of in-page protection, built as its own lazily imported chunk
 * (`entrypoints/inline-engine.ts` → `/inline-engine.js`) so TensorFlow.js is parsed only on pages that have
 * message-like text, never on every page. Runs in the content script's isolated world.
 */
import { ConversationRisk, loadClassifier, sourceFromUrl, type HavenClassifier } from '../classifier';
import type { EngineFactory } from './engine-types';

export { ENGINE_SLOT } from './engine-types';

export const createEngine: EngineFactory = async (modelBaseUrl) => {
  const classifier: HavenClassifier = await loadClassifier(sourceFromUrl(modelBaseUrl), { backend: 'cpu' });
  return {
    version: classifier.version,
    local: true,
    thresholds: classifier.thresholds,
    classify: (texts) => classifier.classify(texts),
    async assess(messages, sensitivity) {
      const risk = new ConversationRisk({ classifier, sensitivity });
      for (const m of messages) risk.add(m);
      const a = risk.assess();
      return { risk: a.risk, flagged: a.flagged, cues: a.cues.map((c) => ({ kind: c.kind, messageIndex: c.messageIndex })) };
    },
    dispose: () => classifier.dispose(),
  };
};
