import type { Translate } from '../../i18n';

export interface PopupViewProps {
  t: Translate;
  /** null while loading; `protected: false` on pages Haven cannot run on (browser pages, stores). */
  status: { protected: boolean; checked: number; warnings: number } | null;
  helplinePhone: string | null;
  onReportPage(): void;
  onGetHelp(): void;
  onParents(): void;
  onReports(): void;
  children?: preact.ComponentChildren;
}

/** The child-facing popup: calm status, one button to report, one to get help. */
export function PopupView({ t, status, helplinePhone, onReportPage, onGetHelp, onParents, onReports, children }: PopupViewProps) {
  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icons/48.png" alt="" width={32} height={32} />
        <h1>{t('popup_title')}</h1>
      </header>
      <p class="popup__status" role="status" aria-live="polite">
        {status === null ? t('common_loading') : status.protected ? t('popup_protected') : t('popup_not_protected')}
      </p>
      {status?.protected && <p class="popup__counts">{t('popup_checked', status.checked, status.warnings)}</p>}
      <div class="popup__actions">
        <button type="button" class="button button--primary" onClick={onReportPage} disabled={!status?.protected}>
          {t('popup_report_page')}
        </button>
        <button type="button" class="button" onClick={onGetHelp}>
          {t('popup_get_help')}
        </button>
      </div>
      {helplinePhone && <p class="popup__helpline">{t('popup_helpline', helplinePhone)}</p>}
      {children}
      <footer class="popup__footer">
        <button type="button" class="link" onClick={onReports}>
          {t('popup_reports')}
        </button>
        <button type="button" class="link" onClick={onParents}>
          {t('popup_parents')}
        </button>
      </footer>
    </main>
  );
}
