import type { ReportContact } from '../settings/schema';
import { CATEGORY_RULES, GOOD_FAITH_STATEMENT, type ReportCategory } from './categories';
import { checkReport, HTTP_URL, LIMITS } from './check';
import { canonicalJson, evidenceBytes, sha256Hex } from './hash';
import { REPORT_SCHEMA_ID, type EvidenceItem, type Report, type SubjectKind } from './types';

export interface Screenshot {
  /** `data:image/jpeg;base64,…` or `data:image/png;base64,…` from `tabs.captureVisibleTab`. */
  dataUrl: string;
  capturedAt: string;
}

/** Everything the dialog collected; `buildReport` decides what of it may be sent. */
export interface ReportInput {
  id?: string;
  now: Date;
  country: string;
  language: string;
  /** Only passed when the child ticked "include my parent's contact details". */
  contact?: ReportContact | null;
  category: ReportCategory;
  subject: { kind: SubjectKind; urls: string[]; title: string };
  message?: string | null;
  context?: string[];
  author?: { handle?: string; profileUrl?: string } | null;
  screenshot?: Screenshot | null;
  classifier?: { scores: Record<string, number>; modelVersion: string } | null;
  childWords?: string;
}

const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/** `2026-11-22T20:00:00+01:00`: the reporter's wall-clock time with its UTC offset. */
export function localIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset >= 0 ? '+' : '-';
  return `${local.toISOString().slice(0, 19)}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function parseDataUrl(dataUrl: string): { mediaType: 'image/png' | 'image/jpeg'; base64: string } | null {
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl);
  return m ? { mediaType: m[1] as 'image/png' | 'image/jpeg', base64: m[2]! } : null;
}

async function item(partial: Omit<EvidenceItem, 'sha256'>): Promise<EvidenceItem> {
  return { ...partial, sha256: await sha256Hex(evidenceBytes(partial)) };
}

/** SHA-256 of the canonical JSON of the report without its `integrity` member. */
export async function reportDigest(report: Omit<Report, 'integrity'> & { integrity?: unknown }): Promise<string> {
  const { integrity: _ignored, ...rest } = report;
  return sha256Hex(canonicalJson(rest));
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/**
 * Builds a complete, hashed report. The evidence rule is applied here, whatever the caller passed: for a URL-only
 * category (suspected CSAM) no evidence item is created at all, and no screenshot for a category that forbids one.
 */
export async function buildReport(input: ReportInput): Promise<Report> {
  const rules = CATEGORY_RULES[input.category];
  const at = input.now.toISOString();
  const evidence: EvidenceItem[] = [];
  if (!rules.urlOnly) {
    const message = input.message?.trim();
    if (message) {
      evidence.push(await item({ id: 'message', type: 'message', mediaType: 'text/plain', encoding: 'utf-8', content: clip(message, LIMITS.text), capturedAt: at }));
    }
    const context = (input.context ?? []).map((m) => clip(m, 2000)).filter((m) => m.trim()).slice(-LIMITS.contextMessages);
    if (context.length) {
      evidence.push(await item({ id: 'context', type: 'context', mediaType: 'application/json', encoding: 'utf-8', content: JSON.stringify(context), capturedAt: at }));
    }
    const author = input.author;
    if (author && (author.handle || author.profileUrl)) {
      const data: Record<string, string> = {};
      if (author.handle) data.handle = clip(author.handle, 200);
      if (author.profileUrl && HTTP_URL.test(author.profileUrl)) data.profileUrl = clip(author.profileUrl, LIMITS.urlLength);
      evidence.push(await item({ id: 'author', type: 'author', mediaType: 'application/json', encoding: 'utf-8', content: canonicalJson(data), capturedAt: at }));
    }
    const shot = rules.screenshot && input.screenshot ? parseDataUrl(input.screenshot.dataUrl) : null;
    if (shot && input.screenshot) {
      evidence.push(await item({ id: 'screenshot', type: 'screenshot', mediaType: shot.mediaType, encoding: 'base64', content: shot.base64, capturedAt: input.screenshot.capturedAt }));
    }
  }
  const body: Omit<Report, 'integrity'> = {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: 1,
    id: input.id ?? crypto.randomUUID(),
    createdAt: at,
    createdAtLocal: localIso(input.now),
    reporter: {
      country: input.country.toUpperCase(),
      language: input.language,
      ...(input.contact ? { contact: { ...input.contact } } : {}),
    },
    category: input.category,
    legal: {
      dsa: { article: '16', reason: rules.dsaReason, anonymousAllowed: rules.dsaAnonymousAllowed },
      ncmec: { ...rules.ncmec, annotations: [...rules.ncmec.annotations] },
    },
    subject: {
      kind: input.subject.kind,
      urls: [...new Set(input.subject.urls.filter((u) => HTTP_URL.test(u)))].slice(0, LIMITS.urls),
      title: clip(input.subject.title, LIMITS.title),
    },
    evidence,
    classifier: input.classifier && !rules.urlOnly ? { scores: { ...input.classifier.scores }, modelVersion: input.classifier.modelVersion } : null,
    childWords: clip(input.childWords ?? '', LIMITS.childWords),
    goodFaith: { statement: GOOD_FAITH_STATEMENT, confirmed: true },
  };
  const report: Report = {
    ...body,
    integrity: { algorithm: 'SHA-256', canonicalization: 'haven-sorted-json-v1', sha256: await reportDigest(body) },
  };
  return report;
}

/** Validates structure, rules and every hash. An empty list means the report is intact. */
export async function verifyReport(value: unknown): Promise<string[]> {
  const r = checkReport(value, '');
  if (!r.ok) return r.errors;
  const report = r.value;
  const errors: string[] = [];
  for (const [i, e] of report.evidence.entries()) {
    if ((await sha256Hex(evidenceBytes(e))) !== e.sha256) errors.push(`evidence[${i}].sha256: does not match the content`);
  }
  if ((await reportDigest(report)) !== report.integrity.sha256) errors.push('integrity.sha256: does not match the report');
  return errors;
}
