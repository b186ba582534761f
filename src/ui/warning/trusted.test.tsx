// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { translatorFor } from '../../i18n';
import { WarningView } from './warning-view';
import { BannerView } from './banner-view';

afterEach(() => render(null, document.body));

describe('inline warning actions', () => {
  it('ignore clicks scripted by the page (untrusted events)', () => {
    const calls = { onReveal: vi.fn(), onReport: vi.fn(), onHelp: vi.fn(), onOk: vi.fn() };
    render(<WarningView t={translatorFor('en')} labels={['grooming']} mode="blur" revealed={false} {...calls} />, document.body);
    const buttons = [...document.body.querySelectorAll('button')];
    expect(buttons).toHaveLength(4);
    for (const b of buttons) b.click();
    for (const fn of Object.values(calls)) expect(fn).not.toHaveBeenCalled();
  });

  it('also in the conversation banner', () => {
    const props = { onReveal: vi.fn(), onReport: vi.fn(), onHelp: vi.fn(), onClose: vi.fn() };
    render(<BannerView t={translatorFor('en')} hidden cues={[]} {...props} />, document.body);
    for (const b of document.body.querySelectorAll('button')) b.click();
    for (const fn of Object.values(props)) expect(fn).not.toHaveBeenCalled();
  });
});
