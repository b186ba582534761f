import type { Translate } from '../../i18n';
import { LABELS, type Label } from '../../classifier/types';
import { STAT_EVENTS } from '../../messaging/core-messages';
import type { Summary } from '../../parents/summary';

export interface SummaryViewProps {
  t: Translate;
  locale: string;
  summary: Summary;
}

const CHART = { width: 640, height: 220, left: 36, right: 8, top: 12, bottom: 28 };

/** Short localized day label ("22 Nov") for a YYYY-MM-DD key. */
function dayLabel(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A rounded-up axis maximum (1, 2, 5, 10, 20, 50, …) so the scale reads easily. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/** Stacked bars of warnings shown per day, one colour per label. Plain SVG; the tables below carry the numbers. */
export function WarningsChart({ t, locale, summary }: SummaryViewProps) {
  const max = niceMax(summary.maxShown);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const slot = plotW / summary.days.length;
  const barW = Math.max(4, slot * 0.62);
  const y = (n: number) => CHART.top + plotH - (n / max) * plotH;
  return (
    <figure style={{ margin: 0 }}>
      <svg class="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">{t('summary_chart_title')}</title>
        <desc id="chart-desc">{t('summary_chart_desc', summary.days.length)}</desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line class="axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} />
            <text x={CHART.left - 6} y={y(tick) + 4} text-anchor="end">
              {Number.isInteger(tick) ? tick : ''}
            </text>
          </g>
        ))}
        {summary.days.map((day, i) => {
          let base = 0;
          const x = CHART.left + i * slot + (slot - barW) / 2;
          return (
            <g key={day.day}>
              {LABELS.map((label) => {
                const n = day.warnings[label].shown;
                if (!n) return null;
                const top = y(base + n);
                const height = y(base) - top;
                base += n;
                return (
                  <rect key={label} x={x} y={top} width={barW} height={height} fill={`var(--c-${label})`}>
                    <title>{`${dayLabel(day.day, locale)}: ${t(`options_label_${label}`)} ${n}`}</title>
                  </rect>
                );
              })}
              {((summary.days.length - 1 - i) % 2 === 0 || summary.days.length <= 7) && (
                <text x={x + barW / 2} y={CHART.height - 8} text-anchor="middle">
                  {dayLabel(day.day, locale)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-label={t('summary_legend')}>
        {LABELS.map((label) => (
          <li key={label}>
            <span class="swatch" style={{ background: `var(--c-${label})` }} aria-hidden="true" />
            {t(`options_label_${label}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const eventKey = (event: string) => `summary_event_${event}`;

/** The activity summary: chart, totals per label and event, pages blocked per category, and a per-day table. */
export function SummaryView(props: SummaryViewProps) {
  const { t, locale, summary } = props;
  const blocked = Object.entries(summary.totals.blocked).sort((a, b) => b[1] - a[1]);
  const activeDays = summary.days.filter(
    (d) => LABELS.some((l) => STAT_EVENTS.some((e) => d.warnings[l][e] > 0)) || Object.keys(d.blocked).length > 0,
  );
  const total = LABELS.reduce((sum, l) => sum + summary.totals.warnings[l].shown, 0);
  return (
    <div class="summary" style={{ display: 'grid', gap: '16px' }}>
      <p class="hint">{t('summary_privacy')}</p>
      {total === 0 && blocked.length === 0 ? <p>{t('summary_empty', summary.days.length)}</p> : <WarningsChart {...props} />}
      <table class="table">
        <caption>{t('summary_totals_caption', summary.days.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary_label')}</th>
            <EventHeaders t={t} />
          </tr>
        </thead>
        <tbody>
          {LABELS.map((label: Label) => (
            <tr key={label}>
              <th scope="row">{t(`options_label_${label}`)}</th>
              {STAT_EVENTS.map((e) => (
                <td key={e}>{summary.totals.warnings[label][e]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="table">
        <caption>{t('summary_blocked_caption', summary.days.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary_category')}</th>
            <th scope="col">{t('summary_pages')}</th>
          </tr>
        </thead>
        <tbody>
          {blocked.length === 0 ? (
            <tr>
              <td colSpan={2}>{t('summary_none_blocked')}</td>
            </tr>
          ) : (
            blocked.map(([category, n]) => (
              <tr key={category}>
                <th scope="row">{t(`options_category_${category}`)}</th>
                <td>{n}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {activeDays.length > 0 && (
        <details>
          <summary>{t('summary_per_day')}</summary>
          <table class="table">
            <caption class="sr-only">{t('summary_per_day')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary_day')}</th>
                <th scope="col">{t('summary_label')}</th>
                <EventHeaders t={t} />
              </tr>
            </thead>
            <tbody>
              {activeDays.flatMap((d) => [
                ...LABELS.filter((l) => STAT_EVENTS.some((e) => d.warnings[l][e] > 0)).map((l) => (
                  <tr key={`${d.day}-${l}`}>
                    <td>{dayLabel(d.day, locale)}</td>
                    <td style={{ textAlign: 'left' }}>{t(`options_label_${l}`)}</td>
                    {STAT_EVENTS.map((e) => (
                      <td key={e}>{d.warnings[l][e]}</td>
                    ))}
                  </tr>
                )),
                ...Object.entries(d.blocked).map(([c, n]) => (
                  <tr key={`${d.day}-b-${c}`}>
                    <td>{dayLabel(d.day, locale)}</td>
                    <td style={{ textAlign: 'left' }}>{t('summary_blocked_row', t(`options_category_${c}`))}</td>
                    <td colSpan={STAT_EVENTS.length}>{n}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

/** One column header per warning event (shown, revealed, dismissed, reported). */
function EventHeaders({ t }: { t: Translate }) {
  return (
    <>
      {STAT_EVENTS.map((e) => (
        <th scope="col" key={e}>
          {t(eventKey(e))}
        </th>
      ))}
    </>
  );
}
