import type { Translate } from '../../i18n';
import type { CueKind } from '../../classifier/types';
import { userOnly } from './trusted';

export interface BannerViewProps {
  t: Translate;
  /** Distinct cue kinds found in the conversation, in the order they appeared. */
  cues: CueKind[];
  /** Some of the conversation's messages are blurred until the child chooses to see them. */
  hidden?: boolean;
  dir?: 'ltr' | 'rtl';
  onReveal?(): void;
  onReport(): void;
  onHelp(): void;
  onClose(): void;
}

/** One banner per risky conversation, naming the cues in plain words. Presentational. */
export function BannerView({ t, cues, hidden, dir, onReveal, onReport, onHelp, onClose }: BannerViewProps) {
  return (
    <section class="haven-card haven-card--banner" role="alert" aria-label={t('banner_region_label')} dir={dir}>
      <strong class="haven-title">{t('banner_title')}</strong>
      <span class="haven-text">{t('banner_text')}</span>
      {cues.length > 0 && (
        <>
          <span class="haven-text">{t('banner_cues_intro')}</span>
          <ul class="haven-cues">
            {cues.map((c) => (
              <li key={c}>{t(`banner_cue_${c.replace('-', '_')}`)}</li>
            ))}
          </ul>
        </>
      )}
      {hidden && <span class="haven-text">{t('banner_hidden_note')}</span>}
      <div class="haven-actions">
        {hidden && onReveal && (
          <button type="button" class="haven-button" onClick={userOnly(onReveal)}>
            {t('banner_show_messages')}
          </button>
        )}
        <button type="button" class="haven-button haven-button--primary" onClick={userOnly(onHelp)}>
          {t('banner_get_help')}
        </button>
        <button type="button" class="haven-button" onClick={userOnly(onReport)}>
          {t('banner_report')}
        </button>
        <button type="button" class="haven-button" onClick={userOnly(onClose)}>
          {t('banner_close')}
        </button>
      </div>
    </section>
  );
}
