import type { ReportContact } from '../settings/schema';
import type { ReportInput, Screenshot } from './build';
import type { ReportCategory } from './categories';
import type { DestinationOption } from './directory';
import { draftUrls } from './drafts';
import type { ReportDraft } from './messages';
import type { OutboxSummary } from './outbox';

/** Exactly what the child chose in the dialog; the report is built from this and the draft, nothing else. */
export interface ReportChoice {
  category: ReportCategory;
  title: boolean;
  message: boolean;
  /** One flag per context message. */
  context: boolean[];
  author: boolean;
  scores: boolean;
  contact: boolean;
  screenshot: Screenshot | null;
  childWords: string;
  destination: DestinationOption;
}

/** What happened after Send, for the dialog's result view. */
export type SubmitOutcome =
  | { kind: 'queued'; summary: OutboxSummary }
  | { kind: 'form'; name: string; copied: boolean; description: string; phone: string | null }
  | { kind: 'saved'; fileName: string }
  | { kind: 'error'; message: string };

/** Turns a draft plus the child's choices into the input of `buildReport` (which still applies the evidence rule). */
export function composeReport(
  draft: Pick<ReportDraft, 'kind' | 'url' | 'targetUrl' | 'title' | 'text' | 'context' | 'author' | 'scores' | 'modelVersion'>,
  choice: ReportChoice,
  who: { country: string; language: string; contact: ReportContact | null },
  now: Date,
): ReportInput {
  return {
    now,
    country: who.country,
    language: who.language,
    contact: choice.contact ? who.contact : null,
    category: choice.category,
    subject: { kind: draft.kind, urls: draftUrls(draft), title: choice.title ? draft.title : '' },
    message: choice.message ? (draft.text ?? null) : null,
    context: (draft.context ?? []).filter((_, i) => choice.context[i] ?? true),
    author: choice.author ? (draft.author ?? null) : null,
    screenshot: choice.screenshot,
    classifier: choice.scores && draft.scores && draft.modelVersion ? { scores: draft.scores, modelVersion: draft.modelVersion } : null,
    childWords: choice.childWords,
  };
}
