// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { translatorFor } from '../../i18n';
import { destinationsFor } from '../../report/directory';
import { ReportDialog, type ReportChoice } from './report-dialog';

const t = translatorFor('en');
const draft = {
  kind: 'message' as const,
  urls: ['https://chat.example/room'],
  title: 'Room',
  text: 'nobody likes you',
  context: ['first', 'second'],
  author: { handle: '@x' },
  scores: { bullying: 0.9 },
  modelVersion: 'm1',
  suggested: null,
};

function mount(over: Partial<Parameters<typeof ReportDialog>[0]> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const onSubmit = vi.fn(async (_choice: ReportChoice) => ({ kind: 'saved' as const, fileName: 'x.zip' }));
  const onCapture = vi.fn(async () => ({ dataUrl: 'data:image/png;base64,AAAA', capturedAt: '2026-11-22T19:00:00.000Z' }));
  act(() =>
    render(
      <ReportDialog
        t={t}
        draft={draft}
        contact={{ name: 'Parent', email: 'p@example.org', phone: '' }}
        destinationsFor={(c) => destinationsFor(c, 'GB', null)}
        onCapture={onCapture}
        onSubmit={onSubmit}
        onClose={() => {}}
        status={null}
        helplinePhone="0800 1111"
        {...over}
      />,
      root,
    ),
  );
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement | null;
  const radio = (value: string) => root.querySelector(`input[value="${value}"]`) as HTMLInputElement;
  return { root, $, radio, onSubmit, onCapture };
}

const click = async (el: Element | null) => {
  await act(async () => {
    (el as HTMLElement).click();
  });
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('ReportDialog', () => {
  it('sends nothing until a category, the statement and the button', async () => {
    const { $, radio, onSubmit } = mount();
    const submit = $('[data-testid="report-submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await click(radio('bullying'));
    expect(submit.disabled).toBe(true); // the good-faith statement is required
    await click($('[data-testid="report-goodfaith"]'));
    expect(submit.disabled).toBe(false);
    expect(onSubmit).not.toHaveBeenCalled();
    await click(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('shows exactly what will be sent, and removed items are not sent', async () => {
    const { $, radio, root, onSubmit } = mount();
    await click(radio('bullying'));
    expect($('[data-testid="item-message"]')?.textContent).toContain('nobody likes you');
    expect(root.querySelectorAll('[data-testid^="item-context-"]')).toHaveLength(2);
    await click($('[data-testid="item-context-1"] button'));
    await click($('[data-testid="item-author"] button'));
    await click($('[data-testid="report-capture"]'));
    expect($('[data-testid="item-screenshot"] img')).not.toBeNull();
    await click($('[data-testid="report-goodfaith"]'));
    await click($('[data-testid="report-submit"]'));
    const choice = onSubmit.mock.calls[0]![0];
    expect(choice).toMatchObject({ category: 'bullying', message: true, context: [true, false], author: false, contact: false });
    expect(choice.screenshot?.dataUrl).toBe('data:image/png;base64,AAAA');
    expect(choice.destination.id).toBe('helpline');
  });

  it('CSAM: URL only; no capture button, no message, a picture taken before is dropped', async () => {
    const { $, radio, onSubmit } = mount();
    await click(radio('bullying'));
    await click($('[data-testid="report-capture"]'));
    expect($('[data-testid="item-screenshot"]')).not.toBeNull();
    await click(radio('csam'));
    expect($('[data-testid="report-url-only"]')).not.toBeNull();
    expect($('[data-testid="report-capture"]')).toBeNull();
    expect($('[data-testid="item-screenshot"]')).toBeNull();
    expect($('[data-testid="item-message"]')).toBeNull();
    await click($('[data-testid="report-goodfaith"]'));
    await click($('[data-testid="report-submit"]'));
    const choice = onSubmit.mock.calls[0]![0];
    expect(choice.screenshot).toBeNull();
    expect(choice.destination.id).toBe('hotline');
  });

  it('is accessible: grouped choices with legends and labelled controls', async () => {
    const { root, radio } = mount();
    await click(radio('grooming'));
    const legends = [...root.querySelectorAll('fieldset > legend')].map((l) => l.textContent);
    expect(legends).toEqual(['What happened?', 'Who should get it?']);
    for (const input of root.querySelectorAll('input')) expect(input.closest('label')).not.toBeNull();
    expect(root.querySelector('textarea')?.id).toBe('report-words');
    expect(root.querySelector('label[for="report-words"]')).not.toBeNull();
  });
});
