import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchChromium, readStorage, type ChromiumSession } from '../helpers/chromium';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { defaultSettings } from '../../src/settings/defaults';
import { hashPin } from '../../src/parents/pin';
import type { Settings } from '../../src/settings/schema';

/**
 * Category blocking in real Chromium, against the rulesets compiled from the shipped lists. Hosts below are real
 * entries of those lists (adult.txt, gambling.txt, dating.txt); every hostname resolves to the local fixture server.
 */
const ADULT = '2021pron.vip';
const GAMBLING = '1075bets10.com';
const DATING = '2darlings-agency.com';

let browser: ChromiumSession;
let server: FixtureServer;
let blockedPrefix: string;
let tls: Awaited<ReturnType<typeof startTlsServer>>;

beforeAll(async () => {
  server = await startFixtureServer({
    routes: {
      '/embed': (req, res) => {
        const target = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<!doctype html><title>embed</title><iframe id="f" src="${target}" width="600" height="400"></iframe>`);
      },
    },
  });
  tls = await startTlsServer();
  browser = await launchChromium({ args: ['--ignore-certificate-errors'] });
  blockedPrefix = `chrome-extension://${browser.extensionId}/blocked.html`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  tls?.server.close();
});

/** A minimal HTTPS server with a self-signed certificate (openssl), recording request headers. */
async function startTlsServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });
  const headers: IncomingHttpHeaders[] = [];
  const server = https.createServer({ key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) }, (req, res) => {
    headers.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tls</title>');
  });
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, headers, port: (server.address() as { port: number }).port };
}

/** Settings reach the DNR state asynchronously (storage watch → background → DNR): poll with room to spare. */
const poll = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: 10_000, interval: 100, ...opts });

const dynamicRuleCount = () => browser.worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length);
const sessionRuleCount = () => browser.worker.evaluate(async () => (await chrome.declarativeNetRequest.getSessionRules()).length);
const enabledRulesets = () => browser.worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets());

async function settings(): Promise<Settings> {
  const { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings?: Settings };
  return settings ?? defaultSettings();
}

/**
 * Writes settings and waits until they stick. The parents feature re-writes settings after every change (policy
 * enforcement); a re-write still in flight from the previous change can put the older value back, so the write is
 * repeated until the stored value holds (reported to the lead; see the blocking report).
 */
async function updateSettings(change: (s: Settings) => Settings): Promise<void> {
  const next = change(await settings());
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  for (let attempt = 0; attempt < 5; attempt++) {
    await browser.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), next);
    await new Promise((r) => setTimeout(r, 600));
    if (same(await settings(), next)) return;
  }
  throw new Error('settings did not stick');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

/** Navigates and returns the final URL (a DNR redirect to the extension ends the navigation there). */
async function visit(page: Page, url: string): Promise<string> {
  await page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.waitForLoadState('domcontentloaded').catch(() => {});
  return page.url();
}

async function expectBlocked(url: string, category: string): Promise<Page> {
  const page = await browser.context.newPage();
  const seen = () => server.requests.filter((r) => url === `http://${r.host}:${server.port}${r.path}`).length;
  const before = seen();
  const final = await visit(page, url);
  expect(final.startsWith(`${blockedPrefix}?c=${category}&u=`), final).toBe(true);
  await poll(() => page.locator('main.blocked').getAttribute('data-category')).toBe(category);
  await poll(() => page.locator('#blocked-url').textContent()).toBe(url);
  expect(seen(), 'the blocked request never reached the server').toBe(before);
  return page;
}

async function expectLoads(url: string): Promise<void> {
  const page = await browser.context.newPage();
  const final = await visit(page, url);
  expect(final).toBe(url);
  await poll(() => page.locator('#host').textContent()).toBe(new URL(url).hostname);
  await page.close();
}

describe('category blocking in Chromium', () => {
  it('ships rulesets Chromium accepts: regexes supported, far below the static rule limit', async () => {
    await poll(() => enabledRulesets(), { timeout: 10_000 }).toContain('protected');
    const manifest = JSON.parse(readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8'));
    const resources: { id: string; path: string }[] = manifest.declarative_net_request.rule_resources;
    expect(resources.map((r) => r.id)).toEqual(expect.arrayContaining(['adult', 'gambling', 'safesearch', 'protected']));
    // The manifest lists every generated ruleset, and the attribution ships beside them.
    const files = readdirSync(path.join(CHROME_BUILD, 'rulesets')).filter((f) => f.endsWith('.json') && f !== 'stats.json');
    expect(resources.map((r) => r.path).sort()).toEqual(files.map((f) => `rulesets/${f}`).sort());
    expect(readFileSync(path.join(CHROME_BUILD, 'rulesets/NOTICE.txt'), 'utf8')).toContain('CC BY-SA 4.0');
    const regexes = new Set<string>();
    for (const r of resources) {
      for (const rule of JSON.parse(readFileSync(path.join(CHROME_BUILD, r.path), 'utf8'))) if (rule.condition.regexFilter) regexes.add(rule.condition.regexFilter);
    }
    for (const regex of regexes) {
      const result = await browser.worker.evaluate((regex) => chrome.declarativeNetRequest.isRegexSupported({ regex }), regex);
      expect(result.isSupported, regex).toBe(true);
    }
    const available = await browser.worker.evaluate(() => chrome.declarativeNetRequest.getAvailableStaticRuleCount());
    expect(available).toBeGreaterThan(25_000);
  });

  it('redirects a listed domain and its subdomain to the blocked page with the right category', async () => {
    const page = await expectBlocked(server.url(ADULT, '/video?id=1&x=2'), 'adult');
    await page.screenshot({ path: path.resolve(import.meta.dirname, '../../docs/screenshots/blocked-page.png') }).catch(() => {});
    await page.close();
    await (await expectBlocked(server.url(`www.${ADULT}`, '/'), 'adult')).close();
    await (await expectBlocked(server.url(`m.${GAMBLING}`, '/slots'), 'gambling')).close();
  });

  it('redirects a blocked sub_frame too', async () => {
    const page = await browser.context.newPage();
    const inner = server.url(GAMBLING, '/inner');
    await visit(page, server.url('news.test', `/embed?src=${encodeURIComponent(inner)}`));
    const frame = () => page.frames().find((f) => f !== page.mainFrame());
    await poll(() => frame()?.url() ?? '').toBe(`${blockedPrefix}?c=gambling&u=${inner}`);
    await page.close();
  });

  it('lets an unlisted site load', async () => {
    await expectLoads(server.url('homework-help.test', '/'));
  });

  it('unblocks a category switched off, without reloading the extension, and blocks again when on', async () => {
    await updateSettings((s) => ({ ...s, categories: { ...s.categories, gambling: false } }));
    await poll(() => enabledRulesets()).not.toContain('gambling');
    await expectLoads(server.url(GAMBLING, '/'));
    await updateSettings((s) => ({ ...s, categories: { ...s.categories, gambling: true } }));
    await poll(() => enabledRulesets()).toContain('gambling');
    await (await expectBlocked(server.url(GAMBLING, '/'), 'gambling')).close();
  });

  it('lets a parent’s always-allow win, and always-block a site of their choice', async () => {
    await updateSettings((s) => ({ ...s, allowSites: [ADULT], blockSites: ['games.test'] }));
    await poll(() => dynamicRuleCount()).toBe(2);
    await expectLoads(server.url(`www.${ADULT}`, '/'));
    await (await expectBlocked(server.url('games.test', '/play'), 'parent')).close();
    await updateSettings((s) => ({ ...s, allowSites: [], blockSites: [] }));
    await poll(() => dynamicRuleCount()).toBe(0);
    await (await expectBlocked(server.url(`www.${ADULT}`, '/'), 'adult')).close();
  });

  it('allows a site for an hour with the parent PIN, and blocks it again when that expires', async () => {
    const pin = await hashPin('2468', 1_000);
    await browser.worker.evaluate((pin) => chrome.storage.local.set({ pin, pinAttempts: { failures: 0, lastFailureAt: 0 } }), pin);
    const url = server.url(DATING, '/profile');
    const page = await expectBlocked(url, 'dating');
    await page.getByRole('button', { name: 'Ask a parent' }).click();
    await page.locator('input[name=pin]').fill('1111');
    await page.getByRole('button', { name: 'Allow for 1 hour' }).click();
    await poll(() => page.locator('.blocked__outcome').textContent()).toBe('That PIN is not right.');
    await page.locator('input[name=pin]').fill('2468');
    await page.getByRole('button', { name: 'Allow for 1 hour' }).click().catch(() => {});
    // The page itself navigates to the allowed address.
    await poll(() => page.url(), { timeout: 10_000 }).toBe(url);
    await poll(() => page.locator('#host').textContent()).toBe(DATING);
    await page.close();
    const { tempAllows } = (await readStorage(browser.worker, 'local', 'tempAllows')) as { tempAllows: { host: string; until: number }[] };
    expect(tempAllows).toHaveLength(1);
    expect(tempAllows[0]!.host).toBe(DATING);
    expect(tempAllows[0]!.until - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    // Make the hour end in 2 s: the alarm fires and the session rule goes away.
    await browser.worker.evaluate(
      (entries) => chrome.storage.local.set({ tempAllows: entries }),
      tempAllows.map((e) => ({ ...e, until: Date.now() + 2_000 })),
    );
    await poll(() => sessionRuleCount(), { timeout: 15_000 })
      .toBe(0);
    await (await expectBlocked(url, 'dating')).close();
  });

  it('never blocks a protected help site or a known false positive, even if listed', async () => {
    // scarleteen.com (sexual health) is in adult.txt, even a parent's block cannot hide it; ke.com (phishing.txt)
    // and dmm.com (adult.txt) are known false positives. (telegra.ph and eventbrite.com are HSTS-preloaded, so
    // they cannot be served over plain http here; the unit tests cover them.)
    await updateSettings((s) => ({ ...s, blockSites: ['scarleteen.com'] }));
    await poll(() => dynamicRuleCount()).toBe(1);
    await expectLoads(server.url('www.scarleteen.com', '/'));
    await expectLoads(server.url('ke.com', '/'));
    await expectLoads(server.url('www.dmm.com', '/'));
    await updateSettings((s) => ({ ...s, blockSites: [] }));
  });

  it('adds safe-search parameters', async () => {
    const page = await browser.context.newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    for (const [host, path, param] of [
      ['www.google.com', '/search?q=cats', 'safe=active'],
      ['www.bing.com', '/search?q=cats', 'adlt=strict'],
      ['duckduckgo.com', '/?q=cats', 'kp=1'],
    ] as const) {
      await visit(page, server.url(host, path));
      await poll(() => seen.some((u) => u.includes(host) && u.includes('q=cats') && u.includes(param)), { timeout: 5_000 }).toBe(true);
    }
    await page.close();
  });

  it('sends YouTube-Restrict to YouTube (its API host over http, www.youtube.com over https)', async () => {
    const page = await browser.context.newPage();
    await visit(page, server.url('youtubei.googleapis.com', '/youtubei/v1/player'));
    expect(server.requests.find((r) => r.host === 'youtubei.googleapis.com')?.headers['youtube-restrict']).toBe('Strict');
    expect(server.requests.find((r) => r.host === 'homework-help.test')?.headers['youtube-restrict']).toBeUndefined();
    // youtube.com is HSTS-preloaded: serve it over TLS with a throw-away certificate.
    await visit(page, `https://www.youtube.com:${tls.port}/watch?v=1`);
    expect(tls.headers.find((h) => h.host?.startsWith('www.youtube.com'))?.['youtube-restrict']).toBe('Strict');
    await page.close();
  });
});
