import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_BUILD, useFirefoxWithServer } from '../helpers/firefox';
import { defaultSettings } from '../../src/settings/defaults';

/**
 * Firefox smoke test of category blocking: the compiled static rulesets load (Firefox's hard cap of 30,000 static
 * rules) and block. Firefox builds redirect with `extensionPath` (no absolute moz-extension URL can be written into
 * a static ruleset), so the blocked page gets the category only.
 */
const ADULT = '2021pron.vip'; // a real entry of adult.txt
const env = useFirefoxWithServer();

/** A DNR redirect to moz-extension:// never resolves page.goto in Firefox: wait briefly, then read the URL. */
async function visit(page: Page, url: string): Promise<string> {
  await page.goto(url, { timeout: 4_000 }).catch(() => {});
  return page.evaluate(() => location.href).catch(() => page.url());
}

describe('category blocking in Firefox', () => {
  it('redirects a listed domain and its subdomain to the blocked page', async () => {
    // Firefox loads the static rulesets asynchronously after installing: wait until blocking is active.
    const warm = await env.firefox.browser.newPage();
    await expect.poll(() => visit(warm, env.server.url(`warm-up.${ADULT}`, '/')), { timeout: 20_000 }).toBe(`${env.firefox.base}blocked.html?c=adult`);
    await warm.close();
    for (const host of [ADULT, `www.${ADULT}`]) {
      const page = await env.firefox.browser.newPage();
      const before = env.server.requests.filter((r) => r.host === host).length;
      await expect.poll(() => visit(page, env.server.url(host, '/')), { timeout: 15_000 }).toBe(`${env.firefox.base}blocked.html?c=adult`);
      await expect.poll(() => page.evaluate(() => document.querySelector('main.blocked')?.getAttribute('data-category')), { timeout: 10_000 }).toBe('adult');
      expect(env.server.requests.filter((r) => r.host === host).length).toBe(before);
      await page.close();
    }
  });

  it('loads every compiled ruleset, within the static rule cap (read from the blocked page)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    const ids: string[] = manifest.declarative_net_request.rule_resources.map((r: { id: string }) => r.id);
    const page = await env.firefox.browser.newPage();
    await expect.poll(() => visit(page, env.server.url(ADULT, '/again')), { timeout: 15_000 }).toBe(`${env.firefox.base}blocked.html?c=adult`);
    const { enabled, available } = await page.evaluate(async () => {
      const dnr = (globalThis as any).browser.declarativeNetRequest;
      return { enabled: (await dnr.getEnabledRulesets()) as string[], available: (await dnr.getAvailableStaticRuleCount()) as number };
    });
    expect([...enabled].sort()).toEqual([...ids].sort()); // defaults: every category on
    expect(available).toBeGreaterThan(29_900); // 30,000 minus the few dozen packed rules
    await page.close();
  });

  it('applies a parent’s always-block as a dynamic rule that carries the blocked URL', async () => {
    const page = await env.firefox.browser.newPage();
    await expect.poll(() => visit(page, env.server.url(ADULT, '/settings')), { timeout: 15_000 }).toBe(`${env.firefox.base}blocked.html?c=adult`);
    await page.evaluate(async (fallback) => {
      const storage = (globalThis as any).browser.storage.local;
      const { settings } = await storage.get('settings');
      await storage.set({ settings: { ...(settings ?? fallback), blockSites: ['games.test'] } });
    }, defaultSettings());
    const url = env.server.url('games.test', '/play?level=2');
    await expect.poll(() => visit(page, url), { timeout: 15_000 }).toBe(`${env.firefox.base}blocked.html?c=parent&u=${url}`);
    await expect.poll(() => page.evaluate(() => document.querySelector('#blocked-url')?.textContent), { timeout: 10_000 }).toBe(url);
    await page.close();
  });

  it('adds safe-search parameters, once (no redirect loop)', async () => {
    const page = await env.firefox.browser.newPage();
    for (const [host, path, expected] of [
      ['www.google.com', '/search?q=cats', '/search?q=cats&safe=active'],
      ['yandex.com', '/search/?text=cats', '/search/?text=cats&family=yes'],
    ] as const) {
      await visit(page, env.server.url(host, path));
      await expect.poll(() => env.server.requests.filter((r) => r.host === host && r.path.startsWith(path.split('?')[0]!)).map((r) => r.path), { timeout: 10_000 }).toEqual([expected]);
    }
    await page.close();
  });

  it('lets an unlisted site load', async () => {
    const page = await env.firefox.browser.newPage();
    const url = env.server.url('homework-help.test', '/');
    expect(await visit(page, url)).toBe(url);
    await page.close();
  });
});
