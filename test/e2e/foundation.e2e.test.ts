import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, readStorage, type ChromiumSession } from '../helpers/chromium';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { DEV_CHROME_ID } from '../../src/lib/extension-id';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

let browser: ChromiumSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type TabStatus = Record<string, { url: string; frames: number[] }>;

async function tabStatusFor(url: string): Promise<{ url: string; frames: number[] } | undefined> {
  const { tabStatus } = (await readStorage(browser.worker, 'session', 'tabStatus')) as { tabStatus?: TabStatus };
  return Object.values(tabStatus ?? {}).find((s) => s.url === url);
}

async function extensionPage(name: string) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${name}`);
  return page;
}

describe('foundation in Chromium', () => {
  it('loads with the pinned extension id', () => {
    expect(browser.extensionId).toBe(DEV_CHROME_ID);
  });

  it('runs the content script on a page and says hello to the background', async () => {
    const page = await browser.context.newPage();
    const url = server.url('chat.test', '/pages/basic.html');
    await page.goto(url);
    await expect.poll(() => tabStatusFor(url), { timeout: 10_000 }).toMatchObject({ frames: [0] });
    await page.close();
  });

  it('runs the content script inside a cross-origin iframe too', async () => {
    const page = await browser.context.newPage();
    const url = server.url('outer.test', '/pages/with-iframe.html');
    await page.goto(url);
    await expect.poll(async () => (await tabStatusFor(url))?.frames.length ?? 0, { timeout: 10_000 }).toBe(2);
    const frameHosts = server.requests.filter((r) => r.path === '/pages/basic.html').map((r) => r.host);
    expect(frameHosts).toContain('frame.test');
    await page.close();
  });

  it('round-trips a message from an extension page to a tab and back', async () => {
    const page = await browser.context.newPage();
    const url = server.url('roundtrip.test', '/pages/basic.html');
    await page.goto(url);
    await expect.poll(() => tabStatusFor(url), { timeout: 10_000 }).toBeTruthy();
    const popup = await extensionPage('popup.html');
    const reply = await popup.evaluate(async (target) => {
      const [tab] = await chrome.tabs.query({ url: target });
      return chrome.tabs.sendMessage(tab!.id!, { haven: 1, name: 'status.get', payload: {} }, { frameId: 0 });
    }, url);
    expect(reply).toEqual({ ok: true, value: { checked: expect.any(Number), warnings: expect.any(Number) } });
    await popup.close();
    await page.close();
  });

  it('rejects invalid messages with a clear error', async () => {
    const popup = await extensionPage('popup.html');
    const replies = await popup.evaluate(async () => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return {
        notHaven: await send({ hello: 'world' }),
        unknown: await send({ haven: 1, name: 'nope.never', payload: {} }),
        badPayload: await send({ haven: 1, name: 'stats.record', payload: { label: 'bullying', event: 'exploded' } }),
        wrongSender: await send({ haven: 1, name: 'content.hello', payload: { url: 'https://x.test/', top: true } }),
        good: await send({ haven: 1, name: 'settings.get', payload: {} }),
      };
    });
    expect(replies.notHaven).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(replies.unknown).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(replies.badPayload).toMatchObject({ ok: false, error: { code: 'bad-payload', message: expect.stringContaining('payload.event') } });
    expect(replies.wrongSender).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(replies.good).toMatchObject({ ok: true, value: { country: expect.any(String) } });
    await popup.close();
  });

  it('opens the popup and renders its status and actions', async () => {
    const popup = await extensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 330 });
    await expect.poll(() => popup.locator('.popup__status').textContent()).not.toMatch(/Loading/);
    expect(await popup.getByRole('button', { name: 'Get help' }).isVisible()).toBe(true);
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Haven');
    await popup.screenshot({ path: path.join(SCREENSHOTS, 'popup.png') });
    await popup.close();
  });

  it('opens the options page and renders it', async () => {
    const options = await extensionPage('options.html');
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toContain('Haven');
    await options.close();
  });
});
