import { describe, expect, it } from 'vitest';
import { useFirefoxWithServer } from '../helpers/firefox';

/** In-page protection in Firefox (MV3 build; needs `npm run build:firefox`): flag, warning, benign left alone. */
describe('in-page protection in Firefox', () => {
  const env = useFirefoxWithServer();

  it('flags the harmful chat message with a warning and leaves the benign ones', async () => {
    const page = await env.firefox.browser.newPage();
    await page.goto(env.server.url('chat.test', '/pages/inline/chat.html'));
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
