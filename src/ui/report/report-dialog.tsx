import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../i18n';
import type { ReportContact } from '../../settings/schema';
import { CATEGORY_RULES, REPORT_CATEGORIES, type ReportCategory } from '../../report/categories';
import type { DestinationOption } from '../../report/directory';
import type { OutboxSummary } from '../../report/outbox';
import type { SubjectKind } from '../../report/types';
import type { Screenshot } from '../../report/build';
import type { ReportChoice, SubmitOutcome } from '../../report/compose';
import { ReportStatus } from './report-status';

/** The draft as the dialog shows it (what the page handed over). */
export interface DialogDraft {
  kind: SubjectKind;
  urls: string[];
  title: string;
  text?: string;
  context?: string[];
  author?: { handle?: string; profileUrl?: string };
  scores?: Record<string, number>;
  modelVersion?: string;
  suggested: ReportCategory | null;
}

export type DialogScreenshot = Screenshot;
export type { ReportChoice };

export type { SubmitOutcome };

export interface ReportDialogProps {
  t: Translate;
  draft: DialogDraft;
  /** Contact details a parent configured (offered, never pre-ticked), or null. */
  contact: ReportContact | null;
  destinationsFor(category: ReportCategory): DestinationOption[];
  onCapture(category: ReportCategory): Promise<DialogScreenshot | { error: string }>;
  onSubmit(choice: ReportChoice): Promise<SubmitOutcome>;
  onClose(): void;
  /** Live status of a queued report (polled by the container). */
  status: OutboxSummary | null;
  helplinePhone: string | null;
}

function Item(props: { label: string; kept: boolean; onToggle?: () => void; t: Translate; children: preact.ComponentChildren; testId: string }) {
  const { label, kept, onToggle, t, children, testId } = props;
  return (
    <li class={`report__item${kept ? '' : ' is-removed'}`} data-testid={testId}>
      <div class="report__item-head">
        <span class="report__item-label">{label}</span>
        {onToggle && (
          <button type="button" class="link" onClick={onToggle} aria-label={`${kept ? t('report_remove') : t('report_put_back')}: ${label}`}>
            {kept ? t('report_remove') : t('report_put_back')}
          </button>
        )}
      </div>
      {kept ? <div class="report__item-body">{children}</div> : <p class="report__muted">{t('report_removed')}</p>}
    </li>
  );
}

/** The child-facing report dialog: what happened, exactly what will be sent, own words, where it goes, send. */
export function ReportDialog({ t, draft, contact, destinationsFor, onCapture, onSubmit, onClose, status, helplinePhone }: ReportDialogProps) {
  const [category, setCategory] = useState<ReportCategory | null>(draft.suggested);
  const [title, setTitle] = useState(true);
  const [message, setMessage] = useState(true);
  const [context, setContext] = useState<boolean[]>(() => (draft.context ?? []).map(() => true));
  const [author, setAuthor] = useState(true);
  const [scores, setScores] = useState(true);
  const [withContact, setWithContact] = useState(false);
  const [screenshot, setScreenshot] = useState<DialogScreenshot | null>(null);
  const [captureError, setCaptureError] = useState<string | null>(null);
  const [words, setWords] = useState('');
  const [destinationId, setDestinationId] = useState<string | null>(null);
  const [goodFaith, setGoodFaith] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const rules = category ? CATEGORY_RULES[category] : null;
  const destinations = category ? destinationsFor(category) : [];
  const destination = destinations.find((d) => d.id === destinationId) ?? destinations[0] ?? null;

  // The evidence rule in the UI too: choosing a category without pictures drops any picture at once.
  useEffect(() => {
    if (rules && !rules.screenshot && screenshot) setScreenshot(null);
    setDestinationId(null);
  }, [category]);
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  const submit = async () => {
    if (!category || !destination || !goodFaith) return;
    setBusy(true);
    try {
      setOutcome(
        await onSubmit({
          category,
          title,
          message,
          context,
          author,
          scores,
          contact: withContact && !!contact,
          screenshot: rules?.screenshot ? screenshot : null,
          childWords: words.trim(),
          destination,
        }),
      );
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const capture = async () => {
    if (!category) return;
    setCaptureError(null);
    setBusy(true);
    try {
      const r = await onCapture(category);
      if ('error' in r) setCaptureError(r.error);
      else setScreenshot(r);
    } finally {
      setBusy(false);
    }
  };

  if (outcome && outcome.kind !== 'error') {
    return (
      <main class="report" aria-labelledby="report-done">
        <div ref={resultRef} tabIndex={-1} class="report__result" role="status" aria-live="polite">
          <h1 id="report-done">{t('report_done_title')}</h1>
          {outcome.kind === 'queued' && (
            <>
              <p>{t('report_done_queued')}</p>
              <ReportStatus t={t} summary={status ?? outcome.summary} />
            </>
          )}
          {outcome.kind === 'form' && (
            <>
              <p>{t('report_done_form', outcome.name)}</p>
              <p>{outcome.copied ? t('report_done_copied') : t('report_done_not_copied')}</p>
              <h2>{t('report_checklist_title')}</h2>
              <ol class="report__checklist">
                <li>{t('report_checklist_url')}</li>
                <li>{t('report_checklist_paste')}</li>
                <li>{t('report_checklist_send')}</li>
              </ol>
              <label class="report__label" for="report-description">
                {t('report_description')}
              </label>
              <textarea id="report-description" class="report__textarea" readOnly rows={8} value={outcome.description} data-testid="report-description" />
              {outcome.phone && <p>{t('report_dest_phone', outcome.phone)}</p>}
            </>
          )}
          {outcome.kind === 'saved' && <p>{t('report_done_saved', outcome.fileName)}</p>}
          <p class="report__muted">{helplinePhone ? t('report_after_phone', helplinePhone) : t('report_after')}</p>
          <button type="button" class="button" onClick={onClose}>
            {t('report_close')}
          </button>
        </div>
      </main>
    );
  }

  const contextMessages = draft.context ?? [];
  const scoreText = draft.scores
    ? Object.entries(draft.scores)
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${Math.round(v * 100)}%`)
        .join(', ')
    : '';

  return (
    <main class="report" aria-labelledby="report-title">
      <h1 id="report-title">{t('report_title')}</h1>
      <p>{t('report_intro')}</p>

      <fieldset class="report__section">
        <legend>{t('report_step_what')}</legend>
        {REPORT_CATEGORIES.map((c) => (
          <label class="report__choice" key={c}>
            <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
            <span>{t(`report_cat_${c}`)}</span>
          </label>
        ))}
      </fieldset>

      {category && rules && (
        <>
          {rules.urlOnly && (
            <p class="report__notice" role="note" data-testid="report-url-only">
              {t('report_csam_rule')}
            </p>
          )}
          {category === 'sextortion' && <p class="report__notice">{t('report_sextortion_tip')}</p>}

          <section class="report__section" aria-labelledby="report-what-sent">
            <h2 id="report-what-sent">{t('report_step_sent')}</h2>
            <ul class="report__items">
              <Item t={t} label={t('report_item_address')} kept testId="item-address">
                {draft.urls.map((u) => (
                  <code class="report__code" key={u}>
                    {u}
                  </code>
                ))}
              </Item>
              {draft.title && (
                <Item t={t} label={t('report_item_title')} kept={title} onToggle={() => setTitle(!title)} testId="item-title">
                  {draft.title}
                </Item>
              )}
              {!rules.urlOnly && draft.text && (
                <Item t={t} label={t('report_item_message')} kept={message} onToggle={() => setMessage(!message)} testId="item-message">
                  <blockquote class="report__quote">{draft.text}</blockquote>
                </Item>
              )}
              {!rules.urlOnly &&
                contextMessages.map((m, i) => (
                  <Item
                    t={t}
                    key={i}
                    label={t('report_item_context', i + 1, contextMessages.length)}
                    kept={context[i] ?? true}
                    onToggle={() => setContext(context.map((k, j) => (j === i ? !k : k)))}
                    testId={`item-context-${i}`}
                  >
                    <blockquote class="report__quote">{m}</blockquote>
                  </Item>
                ))}
              {!rules.urlOnly && draft.author && (draft.author.handle || draft.author.profileUrl) && (
                <Item t={t} label={t('report_item_author')} kept={author} onToggle={() => setAuthor(!author)} testId="item-author">
                  {[draft.author.handle, draft.author.profileUrl].filter(Boolean).join(' · ')}
                </Item>
              )}
              {!rules.urlOnly && draft.scores && draft.modelVersion && (
                <Item t={t} label={t('report_item_scores')} kept={scores} onToggle={() => setScores(!scores)} testId="item-scores">
                  {scoreText}
                </Item>
              )}
              {rules.screenshot &&
                (screenshot ? (
                  <Item t={t} label={t('report_item_screenshot')} kept onToggle={() => setScreenshot(null)} testId="item-screenshot">
                    <img class="report__shot" src={screenshot.dataUrl} alt={t('report_item_screenshot')} />
                  </Item>
                ) : (
                  <li class="report__item">
                    <button type="button" class="button" onClick={() => void capture()} disabled={busy} data-testid="report-capture">
                      {t('report_add_screenshot')}
                    </button>
                    <p class="report__muted">{t('report_screenshot_hint')}</p>
                    {captureError && (
                      <p class="report__error" role="alert">
                        {captureError}
                      </p>
                    )}
                  </li>
                ))}
              {contact && (
                <li class="report__item">
                  <label class="report__choice">
                    <input type="checkbox" checked={withContact} onChange={() => setWithContact(!withContact)} data-testid="report-contact" />
                    <span>
                      {t('report_item_contact')}: {[contact.name, contact.email, contact.phone].filter(Boolean).join(', ')}
                    </span>
                  </label>
                </li>
              )}
            </ul>
          </section>

          <section class="report__section">
            <label class="report__label" for="report-words">
              {t('report_step_words')}
            </label>
            <p class="report__muted" id="report-words-hint">
              {t('report_words_hint')}
            </p>
            <textarea
              id="report-words"
              class="report__textarea"
              rows={4}
              maxLength={5000}
              value={words}
              aria-describedby="report-words-hint"
              onInput={(e) => setWords((e.target as HTMLTextAreaElement).value)}
            />
          </section>

          <fieldset class="report__section">
            <legend>{t('report_step_where')}</legend>
            {destinations.map((d) => (
              <label class="report__choice" key={d.id}>
                <input type="radio" name="destination" value={d.id} checked={destination?.id === d.id} onChange={() => setDestinationId(d.id)} />
                <span>
                  {d.kind === 'api' && t('report_dest_api', d.name)}
                  {d.kind === 'form' && (d.id === 'hotline' ? t('report_dest_hotline', d.name) : t('report_dest_helpline', d.name))}
                  {d.kind === 'form' && d.phone && <> · {t('report_dest_phone', d.phone)}</>}
                  {d.kind === 'form' && d.fallback && <span class="report__muted"> {t('report_dest_fallback')}</span>}
                  {d.kind === 'save' && t('report_dest_save')}
                </span>
              </label>
            ))}
          </fieldset>

          <label class="report__choice report__goodfaith">
            <input type="checkbox" checked={goodFaith} onChange={() => setGoodFaith(!goodFaith)} data-testid="report-goodfaith" />
            <span>{t('report_goodfaith')}</span>
          </label>

          {outcome?.kind === 'error' && (
            <p class="report__error" role="alert">
              {t('report_error', outcome.message)}
            </p>
          )}
        </>
      )}

      <div class="report__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={!category || !destination || !goodFaith || busy}
          onClick={() => void submit()}
          data-testid="report-submit"
        >
          {busy
            ? t('report_working')
            : destination?.kind === 'form'
              ? t('report_send_form')
              : destination?.kind === 'save'
                ? t('report_send_save')
                : t('report_send_api')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('report_cancel')}
        </button>
      </div>
    </main>
  );
}
