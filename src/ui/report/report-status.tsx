import type { Translate } from '../../i18n';
import type { OutboxSummary } from '../../report/outbox';

/** One outbox entry's state in words, for the dialog, the outbox page and the popup. */
export function ReportStatus({ t, summary }: { t: Translate; summary: OutboxSummary }) {
  const text =
    summary.state === 'sent'
      ? t('report_status_sent', summary.receipt?.id.slice(0, 8) ?? '')
      : summary.state === 'failed'
        ? t('report_status_failed', summary.lastError ?? '')
        : summary.state === 'sending'
          ? t('report_status_sending')
          : t('report_status_queued', summary.attempts + 1);
  return (
    <p class={`report__status is-${summary.state}`} data-state={summary.state} data-testid="report-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export interface ReportListProps {
  t: Translate;
  reports: OutboxSummary[];
  onRetry(id: string): void;
  onSave(id: string): void;
  onRemove(id: string): void;
}

/** The outbox: each report's status; a failed one can be retried or saved as evidence. */
export function ReportList({ t, reports, onRetry, onSave, onRemove }: ReportListProps) {
  if (!reports.length) return <p>{t('report_outbox_empty')}</p>;
  return (
    <ul class="report__outbox" data-testid="report-outbox">
      {reports.map((r) => (
        <li key={r.id} class="report__item" data-id={r.id}>
          <div class="report__item-head">
            <span class="report__item-label">{t(`report_cat_${r.category}`)}</span>
            <time class="report__muted" dateTime={new Date(r.createdAt).toISOString()}>
              {new Date(r.createdAt).toLocaleString()}
            </time>
          </div>
          <code class="report__code">{r.url}</code>
          <p class="report__muted">{r.destination}</p>
          <ReportStatus t={t} summary={r} />
          <div class="report__actions">
            {r.state === 'failed' && (
              <button type="button" class="button" onClick={() => onRetry(r.id)}>
                {t('report_retry')}
              </button>
            )}
            {r.savable && (
              <button type="button" class="button" onClick={() => onSave(r.id)} data-testid="report-save">
                {t('report_save')}
              </button>
            )}
            {r.state !== 'sending' && (
              <button type="button" class="button" onClick={() => onRemove(r.id)} data-testid="report-remove">
                {t('report_delete')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
