import type { ReportContact } from '../settings/schema';
import type { NcmecAnnotation, NcmecIncidentType, ReportCategory } from './categories';

export const REPORT_SCHEMA_VERSION = 1 as const;
export const REPORT_SCHEMA_ID = 'https://haven-extension.github.io/schema/report-v1.json';

/** What the child pointed at. */
export const SUBJECT_KINDS = ['message', 'page', 'selection', 'link', 'image'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const EVIDENCE_TYPES = ['message', 'context', 'author', 'screenshot'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/**
 * One piece of evidence. `content` is the exact bytes (UTF-8 text, or base64 for the screenshot) and `sha256` the
 * hex SHA-256 of those bytes after decoding, so anyone can check a saved file with `sha256sum`.
 */
export interface EvidenceItem {
  id: string;
  type: EvidenceType;
  mediaType: 'text/plain' | 'application/json' | 'image/png' | 'image/jpeg';
  encoding: 'utf-8' | 'base64';
  content: string;
  sha256: string;
  capturedAt: string;
}

/** Version 1 of a Haven report (the JSON Schema is `./schema.json`; change both together). */
export interface ReportV1 {
  $schema: typeof REPORT_SCHEMA_ID;
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** UUID v4; also the idempotency key of delivery. */
  id: string;
  /** ISO 8601 UTC, e.g. 2026-11-22T19:00:00.000Z. */
  createdAt: string;
  /** The reporter's local time with offset, e.g. 2026-11-22T20:00:00+01:00. */
  createdAtLocal: string;
  reporter: {
    country: string;
    language: string;
    /** Present only when a parent configured contact details and the child chose to include them. */
    contact?: ReportContact;
  };
  category: ReportCategory;
  legal: {
    dsa: { article: '16'; reason: string; anonymousAllowed: boolean };
    ncmec: { incidentType: NcmecIncidentType | null; annotations: NcmecAnnotation[]; escalateToHighPriority: boolean };
  };
  /** DSA 16(2)(b): the exact location. */
  subject: { kind: SubjectKind; urls: string[]; title: string };
  evidence: EvidenceItem[];
  classifier: { scores: Record<string, number>; modelVersion: string } | null;
  /** The child's own words (may be empty). */
  childWords: string;
  /** DSA 16(2)(d). */
  goodFaith: { statement: string; confirmed: true };
  integrity: { algorithm: 'SHA-256'; canonicalization: 'haven-sorted-json-v1'; sha256: string };
}

export type Report = ReportV1;

/** What the receiver answers (201 first time, 200 with the same receipt on a repeat). */
export interface Receipt {
  id: string;
  receivedAt: string;
  sha256: string;
  status: 'stored';
}
