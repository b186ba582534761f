import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../helpers/firefox';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';

/** In-page protection in Firefox (MV3 build; needs `npm run build:firefox`): flag, warning, benign left alone. */
describe('in-page protection in Firefox', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('flags the harmful chat message with a warning and leaves the benign ones', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('chat.test', '/pages/inline/chat.html'));
    const read = () =>
      page.evaluate(() => ({
        flag: document.querySelector('#harmful-1')?.getAttribute('data-haven-flag') ?? null,
        warningBefore: document.querySelector('#harmful-1')?.previousElementSibling?.tagName ?? null,
        benign: document.querySelector('[data-message-id="1"]')?.getAttribute('data-haven-flag') ?? null,
      }));
    await expect.poll(async () => (await read()).warningBefore, { timeout: 20_000, interval: 250 }).toBe('HAVEN-WARNING');
    const state = await read();
    expect(state.flag).toMatch(/\bbullying\b/);
    expect(state.benign).toBeNull();
    await page.close();
  });
});
