import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from '../helpers/firefox';

/**
 * Parents' pages in Firefox (MV3 build): the setup tab opens on install, setup completes, and the options page it
 * opens unlocks with the PIN and shows the summary. WebDriver cannot navigate to extension pages, so the test works
 * in the tabs Haven opens itself.
 */
let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

/** The tab whose document is at `prefix` (puppeteer's `page.url()` stays about:blank for extension tabs). */
async function pageAt(prefix: string): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(
      async () => {
        for (const page of await firefox.browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(prefix)) found = page;
        }
        return !!found;
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
  return found!;
}

describe('parents in Firefox', () => {
  it('opens setup on install, sets Haven up, and unlocks the options with the PIN', async () => {
    const setup = await pageAt(`${firefox.base}setup.html`);
    await setup.waitForSelector('#setup-country');
    expect(await setup.$eval('h1', (h) => h.textContent)).toBe('Set up Haven');
    await setup.select('#setup-country', 'FR');
    await setup.type('#setup-pin', '4821');
    await setup.type('#setup-pin-confirm', '4821');
    await setup.click('button[type="submit"]');
    await setup.waitForFunction(() => document.querySelector('#setup-done') !== null, { timeout: 10_000 });
    const stored = await setup.evaluate(async () => (await (globalThis as any).browser.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ country: 'FR' });

    await setup.click('#setup-done ~ .row button');
    const options = await pageAt(`${firefox.base}options.html`);
    await options.waitForSelector('#lock-pin');
    await options.type('#lock-pin', '4821');
    await options.click('button[type="submit"]');
    await options.waitForSelector('#summary', { timeout: 10_000 });
    expect(await options.$eval('#summary-title', (h) => h.textContent)).toBe('Activity summary');
    expect(await options.$$eval('#categories input[type="checkbox"]', (els) => els.length)).toBe(10);
  });
});
