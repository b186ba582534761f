import type { Translate } from '../../i18n';
import type { Label } from '../../classifier/types';
import { userOnly } from './trusted';

export interface WarningViewProps {
  t: Translate;
  /** Flagged labels, most important first. */
  labels: Label[];
  /** Blurred (message hidden until revealed) or labelled (message stays visible). */
  mode: 'blur' | 'label';
  revealed: boolean;
  dir?: 'ltr' | 'rtl';
  onReveal(): void;
  onReport(): void;
  onHelp(): void;
  onOk(): void;
}

/** Order in which a warning names its reason when a message has several labels. */
export const LABEL_PRIORITY: readonly Label[] = ['grooming', 'threat', 'sexual', 'hate', 'bullying'];

export function primaryLabel(labels: readonly Label[]): Label {
  return LABEL_PRIORITY.find((l) => labels.includes(l)) ?? labels[0] ?? 'bullying';
}

/** The calm inline warning shown next to a flagged message. Presentational: callbacks out, no browser APIs. */
export function WarningView({ t, labels, mode, revealed, dir, onReveal, onReport, onHelp, onOk }: WarningViewProps) {
  const label = primaryLabel(labels);
  const hidden = mode === 'blur' && !revealed;
  return (
    <section class={revealed ? 'haven-card haven-card--compact' : 'haven-card'} role="status" aria-label={t('warning_region_label')} dir={dir}>
      <strong class="haven-title">{t(`warning_title_${label}`)}</strong>
      <span class="haven-text">{revealed ? t('warning_revealed_note') : `${t(`warning_text_${label}`)} ${hidden ? t('warning_hidden_note') : ''}`.trim()}</span>
      <div class="haven-actions">
        {hidden && (
          <button type="button" class="haven-button" onClick={userOnly(onReveal)}>
            {t('warning_show_anyway')}
          </button>
        )}
        <button type="button" class="haven-button haven-button--primary" onClick={userOnly(onHelp)}>
          {t('warning_get_help')}
        </button>
        <button type="button" class="haven-button" onClick={userOnly(onReport)}>
          {t('warning_report')}
        </button>
        <button type="button" class="haven-button" onClick={userOnly(onOk)}>
          {t('warning_this_is_ok')}
        </button>
      </div>
    </section>
  );
}
