import { storage } from 'wxt/utils/storage';
import type { ReportDraft, ReportStart } from './messages';
import { serial } from '../lib/serial';

/**
 * Drafts live in session storage (memory; gone when the browser closes) for at most a day. A draft never holds a
 * screenshot: the picture is taken on request for a category that allows one and goes straight to the dialog.
 */
export const draftsItem = storage.defineItem<Record<string, ReportDraft>>('session:reportDrafts', { version: 1, fallback: {} });

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_DRAFTS = 20;
/** Drafts are read-modify-written from concurrent messages (popup, context menu, inline Report): one at a time. */
const queue = serial();

export function makeDraft(start: ReportStart, source: { tabId: number | null; windowId: number | null }, now: number): ReportDraft {
  const { tabId: _tab, ...rest } = start;
  return { ...rest, id: crypto.randomUUID(), createdAt: now, sourceTabId: source.tabId, sourceWindowId: source.windowId };
}

export function saveDraft(draft: ReportDraft): Promise<void> {
  return queue(async () => {
    const all = await draftsItem.getValue();
    const kept = Object.values(all)
      .filter((d) => draft.createdAt - d.createdAt < MAX_AGE_MS)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, MAX_DRAFTS - 1);
    await draftsItem.setValue(Object.fromEntries([...kept, draft].map((d) => [d.id, d])));
  });
}

export async function getDraft(id: string): Promise<ReportDraft | null> {
  return (await draftsItem.getValue())[id] ?? null;
}

export function deleteDraft(id: string): Promise<void> {
  return queue(async () => {
    const all = await draftsItem.getValue();
    if (id in all) {
      delete all[id];
      await draftsItem.setValue(all);
    }
  });
}

/** The URLs a report names for a draft: the page, plus the link or image that was pointed at. */
export function draftUrls(draft: Pick<ReportDraft, 'url' | 'targetUrl'>): string[] {
  return [...new Set([draft.targetUrl, draft.url].filter((u): u is string => !!u && /^https?:\/\//i.test(u)))];
}
