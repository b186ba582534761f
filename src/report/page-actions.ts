import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import type { Translate } from '../i18n';
import { buildReport } from './build';
import type { ReportCategory } from './categories';
import { composeReport, type ReportChoice, type SubmitOutcome } from './compose';
import { evidenceZip, evidenceZipName, preparedDescription } from './evidence';
import type { DraftContext } from './messages';
import type { Report } from './types';

/** What the report page does for the dialog (the dialog itself stays presentational). */

/** Saves a report as the evidence zip through a download link; returns the file name. */
export function downloadReport(report: Report): string {
  const name = evidenceZipName(report);
  const url = URL.createObjectURL(new Blob([evidenceZip(report) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/**
 * Firefox asks for consent to the optional `websiteContent` data collection before a report leaves the device
 * (manifest `data_collection_permissions.optional`). Called first in the Send click, while the gesture is live.
 * Firefox before 140 has no such consent (the request throws): nothing to ask there.
 */
async function dataConsent(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  const request = browser.permissions.request as unknown as (p: { data_collection: string[] }) => Promise<boolean>;
  try {
    return await request({ data_collection: ['websiteContent'] });
  } catch {
    return true;
  }
}

/** Builds the report from the child's choices and hands it to the chosen destination. */
export async function submitReport(ctx: DraftContext, draftId: string, choice: ReportChoice, t: Translate): Promise<SubmitOutcome> {
  const d = choice.destination;
  if (d.kind === 'api' && !(await dataConsent())) return { kind: 'error', message: t('report_consent_needed') };
  const report = await buildReport(composeReport(ctx.draft, choice, ctx, new Date()));
  if (d.kind === 'api') {
    const summary = await sendMessage('report.send', { draftId, report, destinationId: d.id });
    return { kind: 'queued', summary };
  }
  if (d.kind === 'form') {
    const description = preparedDescription(report);
    const copied = await navigator.clipboard.writeText(description).then(
      () => true,
      () => false,
    );
    await browser.tabs.create({ url: d.url, active: true });
    await sendMessage('report.handedOver', { draftId, category: report.category });
    return { kind: 'form', name: d.name, copied, description, phone: d.phone };
  }
  const fileName = downloadReport(report);
  await sendMessage('report.handedOver', { draftId, category: report.category });
  return { kind: 'saved', fileName };
}

/** Asks the background for a picture of the reported tab (refused for URL-only categories). */
export async function captureFor(draftId: string, category: ReportCategory, t: Translate) {
  const r = await sendMessage('report.capture', { draftId, category });
  return r.ok ? { dataUrl: r.dataUrl, capturedAt: r.capturedAt } : { error: t(`report_capture_${r.reason.replace('-', '_')}`) };
}
