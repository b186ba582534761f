/**
 * Haven on-device harm classifier: public API. Pure and DOM-free (no document/window/browser/fs).
 * Node-only directory loading lives in ./node-source (so the browser bundle never imports fs).
 */
export { LABELS, SENSITIVITIES, CUE_KINDS } from './types';
export type { Label, Scores, Sensitivity, CueKind, ModelSource, Classifier } from './types';
export { normalizeText } from './normalize';
export { featurize, featuresOfNormalized, tokenize, DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features';
export { loadClassifier, sourceFromUrl, HavenClassifier, type ModelJson } from './model';
export { parseConversation, detectCues, type ConvMessage } from './conversation';
export { ConversationRisk, type ConversationAssessment, type RiskMessage } from './risk';
