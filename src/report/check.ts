import * as v from '../lib/validate';
import { CATEGORY_RULES, REPORT_CATEGORIES, type NcmecAnnotation, type NcmecIncidentType } from './categories';
import { EVIDENCE_TYPES, REPORT_SCHEMA_ID, SUBJECT_KINDS, type EvidenceItem, type Report } from './types';

/**
 * The runtime guard for a report, mirroring `./schema.json` (the published contract; `check.test.ts` keeps the two
 * in step) plus the rules a JSON Schema cannot say well: the CSAM evidence rule and unique evidence ids.
 */
export const LIMITS = {
  urls: 10,
  urlLength: 8192,
  title: 1000,
  evidence: 20,
  text: 20_000,
  contextMessages: 50,
  childWords: 5000,
  /** base64 characters of a screenshot (≈ 3 MB of image). */
  screenshot: 4_000_000,
} as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
export const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{2}:\d{2}$/;
export const SHA256 = /^[0-9a-f]{64}$/;
export const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const INCIDENT_TYPES: NcmecIncidentType[] = [
  'Child Pornography',
  'Online Enticement of Children for Sexual Act',
  'Unsolicited Obscene Material Sent to a Child',
];
const ANNOTATIONS: NcmecAnnotation[] = ['sextortion', 'csamSolicitation', 'minorToMinorInteraction', 'spam'];

function arrayBetween<T>(item: v.Check<T>, min: number, max: number): v.Check<T[]> {
  const inner = v.array(item, { max });
  return (value, path) => {
    const r = inner(value, path);
    if (r.ok && r.value.length < min) return { ok: false, errors: [`${path}: must have at least ${min} item(s)`] };
    return r;
  };
}

const scores: v.Check<Record<string, number>> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [`${path}: expected an object`] };
  const errors: string[] = [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 20) errors.push(`${path}: at most 20 labels`);
  for (const [k, n] of entries) {
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(k)) errors.push(`${path}.${k}: bad label name`);
    if (typeof n !== 'number' || !(n >= 0 && n <= 1)) errors.push(`${path}.${k}: expected a number in [0, 1]`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: value as Record<string, number> };
};

const evidenceItem = v.object({
  id: v.string({ min: 1, max: 40, pattern: /^[A-Za-z0-9_-]+$/ }),
  type: v.literal(...EVIDENCE_TYPES),
  mediaType: v.literal('text/plain', 'application/json', 'image/png', 'image/jpeg'),
  encoding: v.literal('utf-8', 'base64'),
  content: v.string({ max: LIMITS.screenshot }),
  sha256: v.string({ pattern: SHA256 }),
  capturedAt: v.string({ pattern: ISO_UTC }),
});

const shape = v.object({
  $schema: v.literal(REPORT_SCHEMA_ID),
  schemaVersion: v.literal(1),
  id: v.string({ pattern: UUID }),
  createdAt: v.string({ pattern: ISO_UTC }),
  createdAtLocal: v.string({ pattern: ISO_LOCAL }),
  reporter: v.object({
    country: v.string({ pattern: COUNTRY }),
    language: v.string({ pattern: LANGUAGE, max: 35 }),
    contact: v.optional(v.object({ name: v.string({ max: 200 }), email: v.string({ max: 320 }), phone: v.string({ max: 50 }) })),
  }),
  category: v.literal(...REPORT_CATEGORIES),
  legal: v.object({
    dsa: v.object({ article: v.literal('16'), reason: v.string({ min: 1, max: 2000 }), anonymousAllowed: v.boolean() }),
    ncmec: v.object({
      incidentType: v.nullable(v.literal(...INCIDENT_TYPES)),
      annotations: v.array(v.literal(...ANNOTATIONS), { max: 4 }),
      escalateToHighPriority: v.boolean(),
    }),
  }),
  subject: v.object({
    kind: v.literal(...SUBJECT_KINDS),
    urls: arrayBetween(v.string({ max: LIMITS.urlLength, pattern: HTTP_URL }), 1, LIMITS.urls),
    title: v.string({ max: LIMITS.title }),
  }),
  evidence: v.array(evidenceItem, { max: LIMITS.evidence }),
  classifier: v.nullable(v.object({ scores, modelVersion: v.string({ min: 1, max: 100 }) })),
  childWords: v.string({ max: LIMITS.childWords }),
  goodFaith: v.object({ statement: v.string({ min: 1, max: 1000 }), confirmed: v.literal(true) }),
  integrity: v.object({
    algorithm: v.literal('SHA-256'),
    canonicalization: v.literal('haven-sorted-json-v1'),
    sha256: v.string({ pattern: SHA256 }),
  }),
});

function itemRules(item: EvidenceItem, path: string): string[] {
  const errors: string[] = [];
  const image = item.mediaType.startsWith('image/');
  if ((item.type === 'screenshot') !== image) errors.push(`${path}: only a screenshot may be an image`);
  if (image && item.encoding !== 'base64') errors.push(`${path}.encoding: an image must be base64`);
  if (!image && item.encoding !== 'utf-8') errors.push(`${path}.encoding: text must be utf-8`);
  if (item.encoding === 'base64' && !BASE64.test(item.content)) errors.push(`${path}.content: not base64`);
  if (!image && item.content.length > LIMITS.text) errors.push(`${path}.content: text longer than ${LIMITS.text}`);
  return errors;
}

/** Structure plus semantic rules. Does not check hashes (async): see `verifyReport` in `./build`. */
export const checkReport: v.Check<Report> = (value, path) => {
  const r = shape(value, path);
  if (!r.ok) return r;
  const report = r.value as Report;
  const errors: string[] = [];
  const rules = CATEGORY_RULES[report.category];
  const ids = new Set<string>();
  report.evidence.forEach((item, i) => {
    const p = `${path ? `${path}.` : ''}evidence[${i}]`;
    if (ids.has(item.id)) errors.push(`${p}.id: duplicate evidence id`);
    ids.add(item.id);
    errors.push(...itemRules(item, p));
    if (item.type === 'screenshot' && !rules.screenshot) errors.push(`${p}: no screenshot may be sent for category "${report.category}"`);
  });
  if (rules.urlOnly && report.evidence.length > 0) {
    errors.push(`evidence: category "${report.category}" is reported by URL only; evidence must be empty`);
  }
  if (report.evidence.filter((e) => e.type === 'screenshot').length > 1) errors.push('evidence: at most one screenshot');
  return errors.length ? { ok: false, errors } : { ok: true, value: report };
};
