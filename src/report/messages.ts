import * as v from '../lib/validate';
import { message } from '../messaging/define';
import type { ReportContact } from '../settings/schema';
import { REPORT_CATEGORIES, type ReportCategory } from './categories';
import type { OutboxSummary } from './outbox';
import { SUBJECT_KINDS, type Report, type SubjectKind } from './types';

/** What a feature hands over to start a report (the inline warning, the context menu, the popup). */
export interface ReportStart {
  kind: SubjectKind;
  /** The page the child was on. */
  url: string;
  title: string;
  /** The flagged message, or the selected text. */
  text?: string;
  /** Previous messages on the page, oldest first. */
  context?: string[];
  author?: { handle?: string; profileUrl?: string };
  /** The link or image that was right-clicked (the image is never fetched: its URL is the evidence). */
  targetUrl?: string;
  scores?: Record<string, number>;
  modelVersion?: string;
  /** The classifier label that raised the warning; only a suggestion for the category. */
  label?: string;
  /** Extension pages (the popup) name the tab they report; content scripts are the tab. */
  tabId?: number;
}

/** A report being prepared: kept in session storage until sent or closed. */
export interface ReportDraft extends Omit<ReportStart, 'tabId'> {
  id: string;
  createdAt: number;
  sourceTabId: number | null;
  sourceWindowId: number | null;
}

/** Everything the dialog needs besides the draft (read by the background from settings). */
export interface DraftContext {
  draft: ReportDraft;
  country: string;
  language: string;
  reportEndpoint: string | null;
  contact: ReportContact | null;
}

export type CaptureResult =
  | { ok: true; dataUrl: string; capturedAt: string }
  | { ok: false; reason: 'not-allowed' | 'no-tab' | 'not-visible' | 'page-changed' | 'failed' };

const httpUrl = v.string({ max: 8192, pattern: /^https?:\/\//i });
const id = v.string({ min: 8, max: 64, pattern: /^[A-Za-z0-9-]+$/ });
const scores: v.Check<Record<string, number>> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: [`${path}: expected an object`] };
  const entries = Object.entries(value as Record<string, unknown>);
  const bad = entries.filter(([k, n]) => !/^[a-z][a-z0-9_-]{0,31}$/.test(k) || typeof n !== 'number' || !(n >= 0 && n <= 1));
  return entries.length > 20 || bad.length ? { ok: false, errors: [`${path}: expected label → score in [0, 1]`] } : { ok: true, value: value as Record<string, number> };
};

export const reportStartCheck = v.object({
  kind: v.literal(...SUBJECT_KINDS),
  url: httpUrl,
  title: v.string({ max: 1000 }),
  text: v.optional(v.string({ max: 20_000 })),
  context: v.optional(v.array(v.string({ max: 2000 }), { max: 50 })),
  author: v.optional(v.object({ handle: v.optional(v.string({ max: 200 })), profileUrl: v.optional(httpUrl) })),
  targetUrl: v.optional(httpUrl),
  scores: v.optional(scores),
  modelVersion: v.optional(v.string({ min: 1, max: 100 })),
  label: v.optional(v.string({ max: 32 })),
  tabId: v.optional(v.number({ min: 0, integer: true })),
});

/** Messages of the reporting feature. The report itself is checked in full by the background (`checkReport`). */
export const reportMessages = {
  /** Starts a report and opens the dialog; nothing is sent until the child presses Send there. */
  'report.start': message<{ draftId: string }>()('any', reportStartCheck as v.Check<ReportStart>),
  'report.draft': message<DraftContext | null>()('page', v.object({ draftId: id })),
  /** A picture of the visible conversation, only for categories that allow one (never for CSAM). */
  'report.capture': message<CaptureResult>()('page', v.object({ draftId: id, category: v.literal(...REPORT_CATEGORIES) })),
  /** Puts a finished report in the outbox for an API destination (delivered with retries). */
  'report.send': message<OutboxSummary>()(
    'page',
    v.object({ draftId: v.optional(id), report: v.unknownValue() as v.Check<Report>, destinationId: v.string({ max: 40 }) }),
  ),
  /** A report handed over through a web form or saved as a zip (counted; nothing stored). */
  'report.handedOver': message<void>()('page', v.object({ draftId: v.optional(id), category: v.literal(...REPORT_CATEGORIES) })),
  'report.discard': message<void>()('page', v.object({ draftId: id })),
  'report.list': message<OutboxSummary[]>()('page', v.object({})),
  'report.retry': message<OutboxSummary | null>()('page', v.object({ id })),
  /** Deletes an outbox entry (not while it is being sent). */
  'report.remove': message<void>()('page', v.object({ id })),
  /** The full report of an outbox entry, to save it as evidence. */
  'report.get': message<Report | null>()('page', v.object({ id })),
};

export type { ReportCategory };
