import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { MessageError, type Handlers } from '../messaging';
import type { Sender } from '../messaging/router';
import { settingsItem } from '../storage/items';
import { logCallError } from '../lib/errors';
import { recordCount } from '../background/count';
import { translatorFor } from '../i18n';
import type { Label } from '../classifier';
import { CATEGORY_RULES, type ReportCategory } from './categories';
import { checkReport } from './check';
import { destinationsFor } from './directory';
import { deleteDraft, draftUrls, getDraft, makeDraft, saveDraft } from './drafts';
import type { CaptureResult, ReportDraft, ReportStart } from './messages';
import { DEFAULT_POLICY, Outbox, summarize, type OutboxRecord, type RetryPolicy } from './outbox';

export const OUTBOX_ALARM = 'haven-report-outbox';
export const MENU_ID = 'haven-report';

/** The outbox (reports with their state), persisted before any network call. */
export const outboxItem = storage.defineItem<OutboxRecord>('local:reportOutbox', { version: 1, fallback: {} });
/**
 * Optional retry-policy override for development and the e2e tests (e.g. `{ baseMs: 1000 }`); empty in normal use.
 * It can only make retries faster or slower, never change where a report goes.
 */
export const outboxPolicyItem = storage.defineItem<Partial<RetryPolicy>>('local:reportOutboxPolicy', { version: 1, fallback: {} });

const logError = (call: string, error: unknown): void => logCallError('report', call, error);

let outboxPromise: Promise<Outbox> | null = null;

/** The service worker's one outbox; alarms wake it (the minimum delay is 30 s packed, 1 s unpacked). */
export function getOutbox(): Promise<Outbox> {
  outboxPromise ??= outboxPolicyItem.getValue().then(
    (policy) =>
      new Outbox({
        load: () => outboxItem.getValue(),
        save: (record) => outboxItem.setValue(record),
        now: () => Date.now(),
        random: () => Math.random(),
        fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error' }),
        wake: async (at) => {
          if (at === null) await browser.alarms.clear(OUTBOX_ALARM);
          else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
        },
        policy,
      }),
  );
  return outboxPromise;
}

async function runOutbox(why: string): Promise<void> {
  try {
    await (await getOutbox()).runDue();
  } catch (error) {
    logError(`outbox/${why}`, error);
  }
}

const STAT_LABEL: Partial<Record<ReportCategory, Label>> = {
  bullying: 'bullying',
  grooming: 'grooming',
  sextortion: 'grooming',
  csam: 'sexual',
  hate: 'hate',
  threat: 'threat',
};

async function countReported(category: ReportCategory): Promise<void> {
  const label = STAT_LABEL[category];
  if (!label) return;
  await recordCount(`${label}.reported`);
}

/**
 * Opens the report dialog for a draft: a small window of its own, so the reported tab stays visible in its window
 * and a picture of it can be taken if the child asks for one (never before the category is chosen).
 */
export async function openReportDialog(draft: ReportDraft): Promise<string> {
  await saveDraft(draft);
  const url = browser.runtime.getURL(`/report.html#draft=${encodeURIComponent(draft.id)}`);
  try {
    await browser.windows.create({ url, type: 'popup', width: 560, height: 760, focused: true });
  } catch {
    await browser.tabs.create({ url });
  }
  return draft.id;
}

async function startReport(start: ReportStart, sender: Sender): Promise<{ draftId: string }> {
  // A content script reports its own tab (a tab id it passes is ignored); an extension page (popup) names one.
  const fromPage = (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
  const tabId = fromPage ? (start.tabId ?? null) : (sender.tab?.id ?? null);
  const windowId = tabId === null ? null : ((await browser.tabs.get(tabId).catch(() => null))?.windowId ?? null);
  const draft = makeDraft(start, { tabId, windowId }, Date.now());
  return { draftId: await openReportDialog(draft) };
}

function sameDocument(a: string | undefined, b: string): boolean {
  try {
    const x = new URL(a ?? '');
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

async function capture(draftId: string, category: ReportCategory): Promise<CaptureResult> {
  // The evidence rule first: no picture at all for CSAM (or sextortion), whatever the caller asks.
  if (!CATEGORY_RULES[category].screenshot) return { ok: false, reason: 'not-allowed' };
  const draft = await getDraft(draftId);
  if (!draft || draft.sourceTabId === null) return { ok: false, reason: 'no-tab' };
  const tab = await browser.tabs.get(draft.sourceTabId).catch(() => null);
  if (!tab || tab.windowId === undefined) return { ok: false, reason: 'no-tab' };
  if (!tab.active) return { ok: false, reason: 'not-visible' };
  if (!sameDocument(tab.url, draft.url)) return { ok: false, reason: 'page-changed' };
  try {
    const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 80 });
    return { ok: true, dataUrl, capturedAt: new Date().toISOString() };
  } catch (error) {
    logError('captureVisibleTab', error);
    return { ok: false, reason: 'failed' };
  }
}

/** Handlers of `reportMessages`, merged into the background's router. */
export const reportHandlers: Handlers = {
  'report.start': (payload, sender) => startReport(payload, sender),
  async 'report.draft'({ draftId }) {
    const draft = await getDraft(draftId);
    if (!draft) return null;
    const settings = await settingsItem.getValue();
    return { draft, country: settings.country, language: settings.language, reportEndpoint: settings.reportEndpoint, contact: settings.contact };
  },
  'report.capture': ({ draftId, category }) => capture(draftId, category),
  async 'report.send'({ draftId, report: raw, destinationId }) {
    const checked = checkReport(raw, 'report');
    if (!checked.ok) throw new MessageError('bad-payload', `Invalid report: ${checked.errors.slice(0, 5).join('; ')}`);
    const report = checked.value;
    // The destination is looked up here, never taken from the page: only the configured endpoint or a directory API.
    const settings = await settingsItem.getValue();
    const destination = destinationsFor(report.category, settings.country, settings.reportEndpoint).find((d) => d.id === destinationId);
    if (!destination || destination.kind !== 'api') throw new MessageError('bad-payload', `No API destination "${destinationId}" for this report.`);
    const entry = await (await getOutbox()).enqueue(report, { kind: 'api', url: destination.url, name: destination.name });
    if (draftId) await deleteDraft(draftId);
    await countReported(report.category).catch((e) => logError('stats', e));
    return summarize(entry);
  },
  async 'report.handedOver'({ draftId, category }) {
    if (draftId) await deleteDraft(draftId);
    await countReported(category);
  },
  'report.discard': ({ draftId }) => deleteDraft(draftId),
  async 'report.list'() {
    return (await (await getOutbox()).list()).map(summarize);
  },
  async 'report.retry'({ id }) {
    const entry = await (await getOutbox()).retry(id);
    return entry ? summarize(entry) : null;
  },
  async 'report.remove'({ id }) {
    await (await getOutbox()).remove(id);
  },
  async 'report.get'({ id }) {
    return (await (await getOutbox()).get(id))?.report ?? null;
  },
};

function kindOf(info: { selectionText?: string; linkUrl?: string; srcUrl?: string; mediaType?: string }): ReportStart['kind'] {
  if (info.srcUrl && info.mediaType === 'image') return 'image';
  if (info.linkUrl) return 'link';
  if (info.selectionText) return 'selection';
  return 'page';
}

async function createMenu(): Promise<void> {
  const settings = await settingsItem.getValue();
  const t = translatorFor(settings.language);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('report_menu'),
    contexts: ['selection', 'link', 'image', 'page'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** Background side of reporting (outbox, alarms, context menu): called once, synchronously, from main. */
export function startReporting(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void runOutbox('alarm');
  });
  const menu = () => void createMenu().catch((e) => logError('contextMenus.create', e));
  browser.runtime.onStartup.addListener(() => {
    void runOutbox('startup');
    menu(); // Firefox does not keep menus of a non-persistent background across restarts
  });
  browser.runtime.onInstalled.addListener(menu);
  settingsItem.watch((next, prev) => {
    if (next?.language !== prev?.language) menu(); // the menu speaks the parent's chosen language
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const url = tab?.url ?? info.pageUrl;
    if (!url || !/^https?:/i.test(url)) return;
    const kind = kindOf(info);
    const start: ReportStart = {
      kind,
      url,
      title: (tab?.title ?? '').slice(0, 1000),
      ...(info.selectionText ? { text: info.selectionText.slice(0, 20_000) } : {}),
      ...(kind === 'image' && info.srcUrl && /^https?:/i.test(info.srcUrl) ? { targetUrl: info.srcUrl } : {}),
      ...(kind === 'link' && info.linkUrl && /^https?:/i.test(info.linkUrl) ? { targetUrl: info.linkUrl } : {}),
    };
    const draft = makeDraft(start, { tabId: tab?.id ?? null, windowId: tab?.windowId ?? null }, Date.now());
    void openReportDialog(draft).catch((e) => logError('openReportDialog', e));
  });
  outboxPolicyItem.watch((policy) => {
    if (outboxPromise) void outboxPromise.then((box) => Object.assign(box.policy, DEFAULT_POLICY, policy ?? {}));
  });
  // A fresh service worker means any earlier one is gone: resume the outbox now (alarms may not survive a restart).
  void runOutbox('wake');
}

export { draftUrls };
