import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { reportHandlers, outboxItem } from './background';
import { draftsItem } from './drafts';
import { buildReport } from './build';
import { sampleInput } from './testing';
import { settingsItem } from '../storage/items';
import { defaultSettings } from '../settings/defaults';
import type { Sender } from '../messaging/router';

const page: Sender = { id: 'test', url: 'chrome-extension://test/report.html' };
const h = reportHandlers as Required<typeof reportHandlers>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('report background', () => {
  it('report.start stores a draft (no screenshot) and opens the dialog', async () => {
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    vi.spyOn(browser.runtime, 'getURL').mockImplementation((p: string) => `chrome-extension://test${p}`);
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 7, windowId: 3 } as never);
    const { draftId } = await h['report.start']({ kind: 'message', url: 'https://chat.example/', title: 'Chat', text: 'hi' }, { id: 'test', url: 'https://chat.example/', tab: { id: 7 } });
    const drafts = await draftsItem.getValue();
    expect(drafts[draftId]).toMatchObject({ kind: 'message', text: 'hi', sourceTabId: 7, sourceWindowId: 3 });
    expect(JSON.stringify(drafts)).not.toContain('data:image');
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: `chrome-extension://test/report.html#draft=${draftId}`, type: 'popup' }));
  });

  it('a content script cannot name another tab', async () => {
    vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 7, windowId: 3 } as never);
    const { draftId } = await h['report.start']({ kind: 'page', url: 'https://a.example/', title: '', tabId: 99 }, { id: 'test', url: 'https://a.example/', tab: { id: 7 } });
    expect((await draftsItem.getValue())[draftId]!.sourceTabId).toBe(7);
  });

  it('report.capture refuses CSAM and sextortion before touching any tab', async () => {
    const capture = vi.spyOn(browser.tabs, 'captureVisibleTab');
    expect(await h['report.capture']({ draftId: 'whatever-id', category: 'csam' }, page)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await h['report.capture']({ draftId: 'whatever-id', category: 'sextortion' }, page)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(capture).not.toHaveBeenCalled();
  });

  it('report.send validates the report and only sends to the configured endpoint', async () => {
    vi.spyOn(browser.alarms, 'create').mockResolvedValue(undefined as never);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 })));
    const report = await buildReport(sampleInput());
    await expect(h['report.send']({ report: { ...report, id: 'x' } as never, destinationId: 'org' }, page)).rejects.toThrow(/Invalid report/);
    await expect(h['report.send']({ report, destinationId: 'org' }, page)).rejects.toThrow(/No API destination/);
    await settingsItem.setValue({ ...defaultSettings(), reportEndpoint: 'https://intake.example.org/reports' });
    const summary = await h['report.send']({ report, destinationId: 'org' }, page);
    expect(summary).toMatchObject({ id: report.id, destination: 'intake.example.org' });
    const stored = await outboxItem.getValue();
    expect(stored[report.id]!.destination.url).toBe('https://intake.example.org/reports');
    vi.unstubAllGlobals();
  });
});
