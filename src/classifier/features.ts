/**
 * Hashed featurization: word unigrams, word bigrams, squeezed words and char 3–5-grams,
 * each in its own namespace, FNV-1a hashed into `buckets` slots. Pure, deterministic.
 */
import { normalizeText } from './normalize';

export interface FeatureConfig {
  buckets: number;
  charMin: number;
  charMax: number;
  maxTokens: number;
  bigrams: boolean;
  /** texts with fewer feature ids are padded with the bias id, so one rare token cannot dominate the mean */
  minFeatures?: number;
  /**
   * Also emit the (up to NEGATION_SCOPE) words after a negator in their own namespace, so
   * "not vermin" and "vermin" get different features (models from before this option lack it).
   */
  negation?: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  buckets: 1 << 17,
  charMin: 3,
  charMax: 5,
  maxTokens: 256,
  bigrams: true,
  minFeatures: 8,
};

const TOKEN_RE = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?|[?!]/gu;

/** FNV-1a over UTF-16 code units, seeded with a namespace char. */
export function fnv1a(ns: number, s: string): number {
  let h = (0x811c9dc5 ^ ns) >>> 0;
  h = Math.imul(h, 0x01000193) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}

export function tokenize(normalized: string, maxTokens = 256): string[] {
  const out = normalized.match(TOKEN_RE) ?? [];
  return out.length > maxTokens ? out.slice(0, maxTokens) : out;
}

const NS_WORD = 1;
const NS_BIGRAM = 2;
const NS_CHAR = 3;
const NS_SQUEEZE = 4;
const NS_BIAS = 5;
const NS_NEG = 6;

/** Words after a negator that are marked as negated (a clause rarely reaches further). */
export const NEGATION_SCOPE = 3;
// en, de, fr, it, es, pl. "nobody"/"niemand" are left out on purpose: "nobody likes you" is an insult.
const NEGATORS = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'cant', 'cannot', 'shouldnt', 'wouldnt',
  'nicht', 'kein', 'keine', 'keinen', 'keiner', 'keinem', 'nie', 'niemals',
  'pas', 'jamais', 'non', 'mai', 'nunca', 'ni',
]);
const NEG_SUFFIX_RE = /n['’]t$/u;

export function isNegator(token: string): boolean {
  return NEGATORS.has(token) || NEG_SUFFIX_RE.test(token);
}

/**
 * Feature ids (with repetition) of an already-normalized text. Always returns at least
 * one id (a bias feature) so empty texts have a defined embedding.
 */
export function featuresOfNormalized(normalized: string, cfg: FeatureConfig = DEFAULT_FEATURE_CONFIG): number[] {
  const B = cfg.buckets;
  const ids: number[] = [fnv1a(NS_BIAS, '') % B];
  const toks = tokenize(normalized, cfg.maxTokens);
  let prev = '';
  for (const t of toks) {
    ids.push(fnv1a(NS_WORD, t) % B);
    if (cfg.bigrams && prev) ids.push(fnv1a(NS_BIGRAM, prev + ' ' + t) % B);
    prev = t;
    const squeezed = t.replace(/(.)\1+/gu, '$1');
    if (squeezed !== t) ids.push(fnv1a(NS_SQUEEZE, squeezed) % B);
    if (t.length >= 2 && t !== '?' && t !== '!') {
      const w = '<' + t + '>';
      const L = w.length;
      for (let n = cfg.charMin; n <= cfg.charMax; n++) {
        if (n > L) break;
        if (n === L && n === t.length + 2 && n <= 4) continue; // whole short word already a word feature
        for (let i = 0; i + n <= L; i++) ids.push(fnv1a(NS_CHAR + n * 16, w.slice(i, i + n)) % B);
      }
    }
  }
  if (cfg.negation) ids.push(...negatedIds(normalized, cfg));
  const min = cfg.minFeatures ?? 0;
  while (ids.length < min) ids.push(ids[0]!);
  return ids;
}

export function featurize(text: string, cfg: FeatureConfig = DEFAULT_FEATURE_CONFIG): number[] {
  return featuresOfNormalized(normalizeText(text), cfg);
}

/**
 * The words in a negator's scope, in their own namespace (a bag is order-free, so they are a separate pass).
 * The scope ends after NEGATION_SCOPE words, at ? and !, and at the end of a clause or line (. , ; : newline).
 */
function negatedIds(normalized: string, cfg: FeatureConfig): number[] {
  const out: number[] = [];
  let budget = cfg.maxTokens; // the same words the main pass sees
  for (const clause of normalized.split(/[.,;:\n]+/u)) {
    if (budget <= 0) break;
    const toks = tokenize(clause, budget);
    budget -= toks.length;
    let left = 0;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t === '?' || t === '!') left = 0;
      // "no one likes you" is an insult, like "nobody likes you"
      else if (isNegator(t) && !(t === 'no' && toks[i + 1] === 'one')) left = NEGATION_SCOPE;
      else if (left > 0) {
        out.push(fnv1a(NS_NEG, t) % cfg.buckets);
        left--;
      }
    }
  }
  return out;
}
