import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ReportDialog } from '@/src/ui/report/report-dialog';
import { ReportList } from '@/src/ui/report/report-status';
import { isLocale, localeFromTag, translatorFor } from '@/src/i18n';
import { sendMessage } from '@/src/messaging';
import { settingsItem } from '@/src/storage/items';
import { suggestCategory } from '@/src/report/categories';
import { destinationsFor, directoryEntry } from '@/src/report/directory';
import { draftUrls } from '@/src/report/drafts';
import { captureFor, downloadReport, submitReport } from '@/src/report/page-actions';
import type { DraftContext } from '@/src/report/messages';
import type { OutboxSummary } from '@/src/report/outbox';

// report.html#draft=<id> (opened by the background for a draft) or report.html#view=outbox (the child's reports).
const draftId = new URLSearchParams(location.hash.slice(1)).get('draft');

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

function useLanguage(preferred?: string) {
  const [language, setLanguage] = useState(localeFromTag(navigator.language));
  useEffect(() => void settingsItem.getValue().then((s) => setLanguage(s.language)), []);
  const chosen = preferred && isLocale(preferred) ? preferred : language;
  document.documentElement.lang = chosen;
  return translatorFor(chosen);
}

function Dialog({ id }: { id: string }) {
  const [ctx, setCtx] = useState<DraftContext | null | undefined>(undefined);
  const [queuedId, setQueuedId] = useState<string | null>(null);
  const [list] = useOutbox(queuedId !== null);
  useEffect(() => void sendMessage('report.draft', { draftId: id }).then(setCtx, () => setCtx(null)), []);
  const t = useLanguage(ctx?.language);
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
  return (
    <ReportDialog
      t={t}
      draft={{ ...ctx.draft, urls: draftUrls(ctx.draft), suggested: suggestCategory(ctx.draft.label) }}
      contact={ctx.contact}
      destinationsFor={(category) => destinationsFor(category, ctx.country, ctx.reportEndpoint)}
      onCapture={(category) => captureFor(id, category, t)}
      onSubmit={async (choice) => {
        const outcome = await submitReport(ctx, id, choice, t);
        if (outcome.kind === 'queued') setQueuedId(outcome.summary.id);
        return outcome;
      }}
      onClose={() => {
        if (!queuedId) void sendMessage('report.discard', { draftId: id }).catch(() => {});
        window.close();
      }}
      status={list.find((r) => r.id === queuedId) ?? null}
      helplinePhone={directoryEntry(ctx.country).helpline.phone}
    />
  );
}

function Outbox() {
  const [list, refresh] = useOutbox(true);
  const t = useLanguage();
  document.title = t('report_outbox_title');
  return (
    <main class="report" aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('report_outbox_title')}</h1>
      <ReportList
        t={t}
        reports={list}
        onRetry={(rid) => void sendMessage('report.retry', { id: rid }).then(refresh)}
        onRemove={(rid) => void sendMessage('report.remove', { id: rid }).then(refresh)}
        onSave={(rid) => void sendMessage('report.get', { id: rid }).then((report) => report && downloadReport(report))}
      />
    </main>
  );
}

render(draftId ? <Dialog id={draftId} /> : <Outbox />, document.getElementById('app')!);
