import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, readStorage, type ChromiumSession } from '../helpers/chromium';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { seriousA11yProblems } from '../helpers/axe';
import { startReceiver, type Receiver, type StoredRecord } from '../../tools/receiver/server';
import { verifyReport } from '../../src/report/build';
import { sha256Hex, base64ToBytes } from '../../src/report/hash';
import { readZip } from '../../src/report/zip';
import { defaultSettings } from '../../src/settings/defaults';
import type { OutboxRecord } from '../../src/report/outbox';
import type { Report } from '../../src/report/types';
import type { Settings } from '../../src/settings/schema';

/**
 * "Report this" in real Chromium against the reference receiver on 127.0.0.1. Reports start the way the popup
 * starts them (an extension page sends `report.start` for a tab); the dialog is driven like a child would.
 */
const CHAT = '/pages/report/chat.html';
const FAST_RETRIES = { baseMs: 1000, maxMs: 3000, timeoutMs: 5000 };
/** A private copy of the build may be named for local runs on a shared checkout (default: .output/chrome-mv3). */
const extensionDir = process.env.HAVEN_CHROME_BUILD || undefined;

let fixtures: FixtureServer;
const cleanup: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  fixtures = await startFixtureServer({
    routes: {
      '/reports-400': (req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid report","errors":["category: not accepted here"]}'));
      },
    },
  });
});
afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
  await fixtures?.close();
});

async function receiverAt(port = 0): Promise<{ receiver: Receiver; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-e2e-receiver-'));
  const receiver = await startReceiver({ dir, port });
  cleanup.push(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { receiver, dir };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function configure(b: ChromiumSession, patch: Partial<Settings>): Promise<void> {
  await b.worker.evaluate(
    async ({ patch, fallback, policy }) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? fallback), ...patch }, reportOutboxPolicy: policy });
    },
    { patch, fallback: defaultSettings(), policy: FAST_RETRIES },
  );
}

async function openChat(b: ChromiumSession): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(fixtures.url('chat.example', CHAT));
  await page.bringToFront();
  return page;
}

/** An extension page in a window of its own (so the chat tab stays the visible tab of its window). */
async function helperPage(b: ChromiumSession): Promise<Page> {
  const url = `chrome-extension://${b.extensionId}/report.html#view=outbox`;
  const opened = b.context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 15_000 });
  await b.worker.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 500, height: 600 }), url);
  return opened;
}

async function send(page: Page, name: string, payload: unknown): Promise<any> {
  return page.evaluate(([n, p]) => chrome.runtime.sendMessage({ haven: 1, name: n, payload: p }), [name, payload] as const);
}

/** Starts a report of the chat's flagged message, as the inline warning will, and returns the dialog page. */
async function startReport(b: ChromiumSession, chat: Page): Promise<{ dialog: Page; helper: Page }> {
  const helper = await helperPage(b);
  const tabId = await b.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t: { id?: number; url?: string; pendingUrl?: string }) => t.url === u)?.id, chat.url());
  expect(tabId).toBeTypeOf('number');
  const opened = b.context.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html#draft='), timeout: 15_000 });
  const reply = await send(helper, 'report.start', {
    kind: 'message',
    url: chat.url(),
    title: await chat.title(),
    text: 'nobody likes you, just leave',
    context: ['did anyone do the maths homework?', 'why are you even in this group'],
    author: { handle: '@mean_kid' },
    scores: { bullying: 0.94, threat: 0.08 },
    modelVersion: 'e2e-model-1',
    label: 'bullying',
    tabId,
  });
  expect(reply).toMatchObject({ ok: true });
  const dialog = await opened;
  await dialog.getByRole('heading', { name: 'Report this' }).waitFor();
  return { dialog, helper };
}

async function outboxEntries(b: ChromiumSession): Promise<OutboxRecord[string][]> {
  const { reportOutbox } = (await readStorage(b.worker, 'local', 'reportOutbox')) as { reportOutbox?: OutboxRecord };
  return Object.values(reportOutbox ?? {});
}

async function submit(dialog: Page): Promise<void> {
  await dialog.getByTestId('report-goodfaith').check();
  await dialog.getByTestId('report-submit').click();
}


const stateOf = (dialog: Page) => dialog.getByTestId('report-status').getAttribute('data-state', { timeout: 5000 }).catch(() => null);

describe('Report this (Chromium)', () => {
  let b: ChromiumSession;
  let chat: Page;
  beforeAll(async () => {
    b = await launchChromium({ extensionDir });
    cleanup.push(() => b.close());
    chat = await openChat(b);
  });

  it('reports a flagged chat message: the receiver holds a valid report with message, context, screenshot and matching hashes', async () => {
    const { receiver, dir } = await receiverAt();
    await configure(b, { country: 'GB', language: 'en', reportEndpoint: `${receiver.url}/reports` });
    const { dialog, helper } = await startReport(b, chat);
    // Suggested from the warning's label; the child can change it.
    await expect.poll(() => dialog.getByRole('radio', { name: /being mean/ }).isChecked()).toBe(true);
    await expect(dialog.getByTestId('item-message').textContent()).resolves.toContain('nobody likes you');
    await dialog.getByTestId('report-capture').click();
    await dialog.getByTestId('item-screenshot').locator('img').waitFor();
    // Remove the first earlier message: it must not be sent.
    await dialog.getByTestId('item-context-0').getByRole('button').click();
    expect(receiver.stats.stored).toBe(0); // nothing is sent before the click
    await dialog.getByTestId('report-goodfaith').check();
    expect(await seriousA11yProblems(dialog)).toEqual([]);
    if (process.env.HAVEN_SCREENSHOTS) {
      await dialog.setViewportSize({ width: 560, height: 1400 });
      await dialog.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/screenshots/report-dialog.png'), fullPage: true });
    }
    await submit(dialog);
    await expect.poll(() => stateOf(dialog), { timeout: 20_000 }).toBe('sent');
    expect(await seriousA11yProblems(dialog)).toEqual([]);

    expect(receiver.stats.stored).toBe(1);
    const list = await (await fetch(`${receiver.url}/reports`)).json();
    const record = JSON.parse(readFileSync(path.join(dir, `${list.reports[0].id}.json`), 'utf8')) as StoredRecord;
    const report = record.report;
    expect(await verifyReport(report)).toEqual([]);
    expect(report.category).toBe('bullying');
    expect(report.subject.urls).toEqual([chat.url()]);
    expect(report.subject.title).toBe('Class 7b chat');
    const byType = Object.fromEntries(report.evidence.map((e) => [e.type, e]));
    expect(byType.message?.content).toBe('nobody likes you, just leave');
    expect(JSON.parse(byType.context!.content)).toEqual(['why are you even in this group']);
    expect(JSON.parse(byType.author!.content)).toEqual({ handle: '@mean_kid' });
    const shot = byType.screenshot!;
    expect(shot.mediaType).toBe('image/jpeg');
    const bytes = base64ToBytes(shot.content);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(shot.sha256).toBe(await sha256Hex(bytes));
    expect(report.classifier).toEqual({ scores: { bullying: 0.94, threat: 0.08 }, modelVersion: 'e2e-model-1' });
    expect('contact' in report.reporter).toBe(false);
    expect(record.receipt.sha256).toBe(report.integrity.sha256);
    await dialog.close();
    await helper.close();
  });

  it('waits while the receiver is down and delivers exactly once when it comes back', async () => {
    const port = await freePort();
    await configure(b, { reportEndpoint: `http://127.0.0.1:${port}/reports` });
    const { dialog, helper } = await startReport(b, chat);
    await dialog.getByRole('radio', { name: /threatening to hurt/ }).check();
    await submit(dialog);
    await expect.poll(async () => (await outboxEntries(b)).find((e) => e.category === 'threat')?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const waiting = (await outboxEntries(b)).find((e) => e.category === 'threat')!;
    expect(waiting.state).toMatch(/queued|sending/);
    expect(waiting.lastError).toMatch(/network/);
    const { receiver } = await receiverAt(port);
    await expect.poll(() => stateOf(dialog), { timeout: 30_000 }).toBe('sent');
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.stats.stored).toBe(1);
    expect((await (await fetch(`${receiver.url}/reports`)).json()).reports.map((r: { id: string }) => r.id)).toEqual([waiting.id]);
    await dialog.close();
    await helper.close();
  });

  it('CSAM: URL only, no screenshot anywhere', async () => {
    const { receiver, dir } = await receiverAt();
    await configure(b, { reportEndpoint: `${receiver.url}/reports` });
    const { dialog, helper } = await startReport(b, chat);
    await dialog.getByRole('radio', { name: /sexual pictures or videos of a child/ }).check();
    await dialog.getByTestId('report-url-only').waitFor();
    expect(await dialog.getByTestId('report-capture').count()).toBe(0);
    expect(await dialog.getByTestId('item-message').count()).toBe(0);
    expect(await dialog.locator('img').count()).toBe(0);
    // Even a direct request for a picture is refused by the background.
    const draftId = new URLSearchParams(new URL(dialog.url()).hash.slice(1)).get('draft');
    expect(await send(helper, 'report.capture', { draftId, category: 'csam' })).toEqual({ ok: true, value: { ok: false, reason: 'not-allowed' } });
    await submit(dialog);
    await expect.poll(() => stateOf(dialog), { timeout: 20_000 }).toBe('sent');
    const id = (await (await fetch(`${receiver.url}/reports`)).json()).reports[0].id;
    const { report } = JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as StoredRecord;
    expect(report.category).toBe('csam');
    expect(report.evidence).toEqual([]);
    expect(report.subject.urls).toEqual([chat.url()]);
    expect(report.legal.ncmec.incidentType).toBe('Child Pornography');
    // Nothing image-like in the report, in extension storage (local and session) or on the dialog page.
    const stored = JSON.stringify([await readStorage(b.worker, 'local'), await readStorage(b.worker, 'session')]);
    const csamEntry = (await outboxEntries(b)).find((e) => e.id === id)!;
    expect(JSON.stringify(csamEntry)).not.toMatch(/data:image|\/9j\/|iVBORw0/);
    expect(JSON.stringify(report)).not.toMatch(/data:image|\/9j\/|iVBORw0/);
    expect(stored.includes(id)).toBe(true);
    expect(await dialog.evaluate(() => document.documentElement.outerHTML.includes('data:image'))).toBe(false);
    await dialog.close();
    await helper.close();
  });

  it('a 400 from the receiver shows the report as failed, and it can still be saved as evidence', async () => {
    await configure(b, { reportEndpoint: fixtures.url('127.0.0.1', '/reports-400') });
    const { dialog, helper } = await startReport(b, chat);
    await dialog.getByRole('radio', { name: /attacking people/ }).check();
    await submit(dialog);
    await expect.poll(() => stateOf(dialog), { timeout: 20_000 }).toBe('failed');
    await expect(dialog.getByTestId('report-status').textContent()).resolves.toContain('HTTP 400');
    await dialog.close();
    // The child's list of reports: failed, with Save.
    await helper.reload();
    const item = helper.locator('li', { has: helper.getByText(/Not delivered: HTTP 400/) });
    await item.waitFor();
    expect(await seriousA11yProblems(helper)).toEqual([]);
    const download = helper.waitForEvent('download');
    await item.getByTestId('report-save').click();
    const file = await (await download).path();
    const zip = readZip(new Uint8Array(readFileSync(file)));
    const report = JSON.parse(new TextDecoder().decode(zip.get('report.json'))) as Report;
    expect(report.category).toBe('hate');
    expect(await verifyReport(report)).toEqual([]);
    expect([...zip.keys()]).toEqual(expect.arrayContaining(['report.json', 'hashes.txt', 'summary.html', 'evidence/message.txt']));
    await helper.close();
  });

  it('a destination without an API opens its web form with the description prepared', async () => {
    await configure(b, { country: 'GB', reportEndpoint: null });
    const { dialog, helper } = await startReport(b, chat);
    await dialog.getByRole('radio', { name: /being mean/ }).check();
    await expect(dialog.getByRole('radio', { name: /Childline/ }).isChecked()).resolves.toBe(true);
    await submit(dialog);
    await dialog.getByTestId('report-description').waitFor();
    expect(await dialog.getByTestId('report-description').inputValue()).toContain(chat.url());
    await expect
      .poll(async () => b.worker.evaluate(async () => (await chrome.tabs.query({})).map((t: { id?: number; url?: string; pendingUrl?: string }) => t.pendingUrl ?? t.url ?? '')), { timeout: 10_000 })
      .toContain('https://www.childline.org.uk/');
    await dialog.close();
    await helper.close();
  });
});

describe('Report this across a browser restart (Chromium)', () => {
  it('a report queued when the browser closes is delivered exactly once after it reopens', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'haven-e2e-profile-'));
    cleanup.push(() => rmSync(profile, { recursive: true, force: true }));
    const port = await freePort();
    let b = await launchChromium({ userDataDir: profile, extensionDir });
    try {
      await configure(b, { reportEndpoint: `http://127.0.0.1:${port}/reports` });
      const chat = await openChat(b);
      const { dialog } = await startReport(b, chat);
      await dialog.getByRole('radio', { name: /Someone I met online/ }).check();
      await submit(dialog);
      await expect.poll(async () => (await outboxEntries(b))[0]?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    } finally {
      await b.close();
    }
    const { receiver } = await receiverAt(port);
    b = await launchChromium({ userDataDir: profile, extensionDir });
    try {
      await expect.poll(async () => (await outboxEntries(b))[0]?.state, { timeout: 30_000 }).toBe('sent');
      await new Promise((r) => setTimeout(r, 1500));
      expect(receiver.stats.stored).toBe(1);
      const [entry] = await outboxEntries(b);
      expect(entry!.category).toBe('grooming');
      expect(entry!.report).toBeNull(); // delivered: the device keeps only status, hash and receipt
      expect(entry!.receipt?.id).toBe(entry!.id);
    } finally {
      await b.close();
    }
  });
});
