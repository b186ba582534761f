import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReportDialog, type SubmitOutcome } from '@/src/ui/report/report-dialog';
import { ReportList } from '@/src/ui/report/report-status';
import { localeFromTag, translatorFor, isLocale } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { settingsItem } from '@/src/storage/items';
import { buildReport } from '@/src/report/build';
import { suggestCategory, type ReportCategory } from '@/src/report/categories';
import { composeReport, type ReportChoice } from '@/src/report/compose';
import { destinationsFor, directoryEntry } from '@/src/report/directory';
import { draftUrls } from '@/src/report/drafts';
import { evidenceZip, evidenceZipName, preparedDescription } from '@/src/report/evidence';
import type { DraftContext } from '@/src/report/messages';
import type { OutboxSummary } from '@/src/report/outbox';
import type { Report } from '@/src/report/types';

// report.html#draft=<id> (opened by the background for a draft) or report.html#view=outbox (the child's reports).
const params = new URLSearchParams(location.hash.slice(1));
const draftId = params.get('draft');

function download(report: Report): string {
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

function useOutbox(active: boolean): [OutboxSummary[], () => void] {
  const [list, setList] = useState<OutboxSummary[]>([]);
  const refresh = () => void sendMessage('report.list', {}).then(setList, () => {});
  useEffect(() => {
    if (!active) return;
    refresh();
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return [list, refresh];
}

function Dialog({ id }: { id: string }) {
  const [ctx, setCtx] = useState<DraftContext | null | undefined>(undefined);
  const [queuedId, setQueuedId] = useState<string | null>(null);
  const [list] = useOutbox(queuedId !== null);
  const [fallbackLang, setFallbackLang] = useState(localeFromTag(navigator.language));
  useEffect(() => {
    void sendMessage('report.draft', { draftId: id }).then(setCtx, () => setCtx(null));
    void settingsItem.getValue().then((s) => setFallbackLang(s.language));
  }, []);
  const language = ctx && isLocale(ctx.language) ? ctx.language : fallbackLang;
  const t = translatorFor(language);
  document.documentElement.lang = language;
  document.title = t('report_title');
  if (ctx === undefined) return <p class="report">{t('report_loading')}</p>;
  if (ctx === null) {
    return (
      <main class="report">
        <p>{t('report_not_found')}</p>
        <button type="button" class="button" onClick={() => window.close()}>
          {t('report_close')}
        </button>
      </main>
    );
  }
  const { draft } = ctx;
  const entry = directoryEntry(ctx.country);

  const onSubmit = async (choice: ReportChoice): Promise<SubmitOutcome> => {
    const report = await buildReport(composeReport(draft, choice, ctx, new Date()));
    const d = choice.destination;
    if (d.kind === 'api') {
      const summary = await sendMessage('report.send', { draftId: id, report, destinationId: d.id });
      setQueuedId(summary.id);
      return { kind: 'queued', summary };
    }
    if (d.kind === 'form') {
      const description = preparedDescription(report);
      const copied = await navigator.clipboard.writeText(description).then(
        () => true,
        () => false,
      );
      await browser.tabs.create({ url: d.url, active: true });
      await sendMessage('report.handedOver', { draftId: id, category: report.category });
      return { kind: 'form', name: d.name, copied, description, phone: d.phone };
    }
    const fileName = download(report);
    await sendMessage('report.handedOver', { draftId: id, category: report.category });
    return { kind: 'saved', fileName };
  };

  const onCapture = async (category: ReportCategory) => {
    const r = await sendMessage('report.capture', { draftId: id, category });
    return r.ok ? { dataUrl: r.dataUrl, capturedAt: r.capturedAt } : { error: t(`report_capture_${r.reason.replace('-', '_')}`) };
  };

  return (
    <ReportDialog
      t={t}
      draft={{ ...draft, urls: draftUrls(draft), suggested: suggestCategory(draft.label) }}
      contact={ctx.contact}
      destinationsFor={(category) => destinationsFor(category, ctx.country, ctx.reportEndpoint)}
      onCapture={onCapture}
      onSubmit={onSubmit}
      onClose={() => {
        if (!queuedId) void sendMessage('report.discard', { draftId: id }).catch(() => {});
        window.close();
      }}
      status={list.find((r) => r.id === queuedId) ?? null}
      helplinePhone={entry.helpline.phone}
    />
  );
}

function Outbox() {
  const [list, refresh] = useOutbox(true);
  const [language, setLanguage] = useState(localeFromTag(navigator.language));
  useEffect(() => void settingsItem.getValue().then((s) => setLanguage(s.language)), []);
  const t = translatorFor(language);
  document.documentElement.lang = language;
  document.title = t('report_outbox_title');
  return (
    <main class="report" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('report_outbox_title')}</h1>
      <ReportList
        t={t}
        reports={list}
        onRetry={(rid) => void sendMessage('report.retry', { id: rid }).then(refresh)}
        onSave={(rid) =>
          void sendMessage('report.get', { id: rid }).then((report) => {
            if (report) download(report);
          })
        }
      />
    </main>
  );
}

render(draftId ? <Dialog id={draftId} /> : <Outbox />, document.getElementById('app')!);
