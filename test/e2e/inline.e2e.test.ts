import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, readStorage, type ChromiumSession } from '../helpers/chromium';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { seriousA11yProblems } from '../helpers/axe';
import { defaultSettings } from '../../src/settings/defaults';
import { helplineFor } from '../../src/background/helpline';

/**
 * In-page protection (issue 4) on local fixture sites that imitate real ones. Every host resolves to the
 * fixture server; a request log proves nothing leaves for any other host.
 */
let browser: ChromiumSession;
let server: FixtureServer;
const requested: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchChromium({ extensionDir: process.env.HAVEN_EXT_DIR });
  browser.context.on('request', (r) => requested.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageErrors = new WeakMap<Page, string[]>();

async function open(host: string, file: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  await page.goto(server.url(host, `/pages/inline/${file}`));
  return page;
}

/** `data-haven-flag` of the element, or null (polls until the verdict settles or the timeout passes). */
const flagOf = (scope: Page | Frame, selector: string) => scope.locator(selector).getAttribute('data-haven-flag', { timeout: 2_000 });

async function setSettings(patch: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(
    async ([p, fallback]) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(settings ?? fallback), ...p } });
    },
    [patch, defaultSettings() as unknown as Record<string, unknown>] as const,
  );
}

/** Polls `read` until it satisfies `ok` (for hooks, where expect.poll is not available). */
async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read().catch(() => undefined as T);
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function pageStatusOf(url: string): Promise<{ checked: number; warnings: number }> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const reply = await popup.evaluate(async (target) => {
    const [tab] = await chrome.tabs.query({ url: target });
    return chrome.tabs.sendMessage(tab!.id!, { haven: 1, name: 'status.get', payload: {} }, { frameId: 0 });
  }, url);
  await popup.close();
  return (reply as { value: { checked: number; warnings: number } }).value;
}


async function statsToday(): Promise<Record<string, number>> {
  const { stats } = (await readStorage(browser.worker, 'local', 'stats')) as { stats?: Record<string, Record<string, number>> };
  return Object.values(stats ?? {}).reduce((acc, day) => ({ ...acc, ...day }), {});
}

describe('in-page protection: chat app', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('chat.test', 'chat.html');
    await waitFor(() => flagOf(page, '#harmful-1'), (f) => !!f);
  });
  afterAll(() => page.close());

  it('flags the harmful message with a warning and leaves benign ones, code and the typing field alone', async () => {
    expect(await page.locator('#harmful-1').getAttribute('data-haven-flag')).toMatch(/\bbullying\b/);
    // The warning is mounted in the next frame after the verdict.
    await expect.poll(() => page.locator('#harmful-1').evaluate((el) => el.previousElementSibling?.tagName)).toBe('HAVEN-WARNING');
    for (const id of ['1', '2']) expect(await page.locator(`[data-message-id="${id}"]`).getAttribute('data-haven-flag')).toBeNull();
    expect(await page.locator('pre, code, textarea, nav a').evaluateAll((els) => els.filter((e) => e.hasAttribute('data-haven-flag')).length)).toBe(0);
    const warning = page.locator('haven-warning');
    await expect.poll(() => warning.getByRole('status').getAttribute('aria-label')).toBe('Haven warning');
    expect(await warning.getByRole('button', { name: 'Get help' }).isVisible()).toBe(true);
    expect(pageErrors.get(page)).toEqual([]);
  });

  it('answers the popup with the counts of this page', async () => {
    const status = await pageStatusOf(page.url());
    expect(status.checked).toBeGreaterThanOrEqual(5);
    expect(status.warnings).toBeGreaterThanOrEqual(1);
  });

  it('warns about a message added later within a second', async () => {
    const ms = await page.evaluate(async () => {
      const el = (window as unknown as { addMessage(a: string, t: string, id: string): HTMLElement }).addMessage('Kai', 'you are a disgusting idiot and I hate you', 'late');
      const t0 = performance.now();
      while (!el.hasAttribute('data-haven-flag') && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 10));
      return performance.now() - t0;
    });
    expect(await page.locator('#late').getAttribute('data-haven-flag')).toMatch(/bullying|hate/);
    expect(ms).toBeLessThan(1000);
  });

  it('has no serious accessibility problems in its UI (axe-core)', async () => {
    expect(await seriousA11yProblems(page, 'haven-warning')).toEqual([]);
  });

  it('honours prefers-reduced-motion in its UI', async () => {
    const animation = () => page.locator('haven-warning .haven-card').first().evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe('haven-in');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: null });
  });

  it('keeps the model out of reach of pages (not web-accessible: the background runs it)', async () => {
    const reachable = await page.evaluate(async (id) => {
      try {
        return (await fetch(`chrome-extension://${id}/model/model.json`)).ok;
      } catch {
        return false;
      }
    }, browser.extensionId);
    expect(reachable).toBe(false);
  });

  it('sends no request to any host but the fixture server', () => {
    const foreign = requested.filter((u) => /^https?:/.test(u) && new URL(u).port !== String(server.port));
    expect(foreign).toEqual([]);
    expect(new Set(server.requests.map((r) => r.host))).toEqual(new Set(['chat.test']));
  });
});

describe('in-page protection: warning actions', () => {
  let page: Page;
  beforeAll(async () => {
    await setSettings({ warningStyle: { bullying: 'blur', grooming: 'blur', sexual: 'blur', threat: 'blur', hate: 'blur' } });
    page = await open('actions.test', 'chat.html');
    await waitFor(() => flagOf(page, '#harmful-1'), (f) => !!f);
  });
  afterAll(async () => {
    await page.close();
    await setSettings({ warningStyle: { bullying: 'label', grooming: 'blur', sexual: 'blur', threat: 'label', hate: 'label' } });
  });

  it('blurs the message until "Show anyway", then reveals it and counts the reveal', async () => {
    const msg = page.locator('#harmful-1');
    await expect.poll(() => msg.evaluate((el) => (el as HTMLElement).style.filter)).toContain('blur');
    expect(await msg.getAttribute('aria-hidden')).toBe('true');
    const show = page.locator('haven-warning').getByRole('button', { name: 'Show anyway' });
    await show.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => msg.evaluate((el) => (el as HTMLElement).style.filter)).toBe('');
    expect(await msg.getAttribute('aria-hidden')).toBeNull();
    await expect.poll(async () => (await statsToday())['bullying.revealed'] ?? 0).toBeGreaterThanOrEqual(1);
    const stats = JSON.stringify(await readStorage(browser.worker, 'local'));
    expect(stats).not.toContain('fat loser');
  });

  it('"Get help" opens the child helpline', async () => {
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.locator('haven-warning').getByRole('button', { name: 'Get help' }).click();
    const helpline = await opened;
    // Every host resolves to 127.0.0.1 here, so the helpline itself cannot load: check where the tab went.
    const { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: { country: string } };
    const expected = helplineFor(settings.country).url;
    const tabUrls = () => browser.worker.evaluate(async () => (await chrome.tabs.query({})).map((t: { pendingUrl?: string; url?: string }) => t.pendingUrl || t.url || ''));
    await expect.poll(async () => (await tabUrls()).concat(requested).includes(new URL(expected).href), { timeout: 5_000 }).toBe(true);
    await helpline.close();
  });

  it('"Report" opens the report dialog with a draft of this message', async () => {
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.locator('haven-warning').getByRole('button', { name: 'Report' }).click();
    const dialog = await opened;
    await expect.poll(() => dialog.url()).toMatch(/report\.html#draft=/);
    await dialog.close();
  });

  it('"This is OK" removes the warning and remembers only a digest of the text, across reloads', async () => {
    await page.locator('haven-warning').getByRole('button', { name: 'This is OK' }).click();
    await expect.poll(() => page.locator('#harmful-1').getAttribute('data-haven-flag')).toBeNull();
    expect(await page.locator('haven-warning').count()).toBe(0);
    const { okTexts } = (await readStorage(browser.worker, 'local', 'okTexts')) as { okTexts: string[] };
    expect(okTexts.length).toBeGreaterThanOrEqual(1);
    for (const d of okTexts) expect(d).toMatch(/^[0-9a-f]{64}$/);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await page.locator('#harmful-1').getAttribute('data-haven-flag')).toBeNull();
    await browser.worker.evaluate(() => chrome.storage.local.set({ okTexts: [] }));
  });

  it('follows a settings change without a reload', async () => {
    await setSettings({ warningStyle: { bullying: 'label', grooming: 'blur', sexual: 'blur', threat: 'label', hate: 'label' }, language: 'de' });
    await expect.poll(() => flagOf(page, '#harmful-1'), { timeout: 10_000 }).toMatch(/bullying/);
    await expect.poll(() => page.locator('haven-warning').first().getByRole('button', { name: 'Hilfe holen' }).count(), { timeout: 5_000 }).toBe(1);
    expect(await page.locator('#harmful-1').evaluate((el) => (el as HTMLElement).style.filter)).toBe('');
    await setSettings({ language: 'en' });
  });
});

describe('in-page protection: grooming conversation banner', () => {
  it('shows one banner naming the cues on a grooming-like conversation', async () => {
    const page = await open('dm.test', 'grooming.html');
    const banner = page.locator('haven-banner');
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('#log').getAttribute('data-haven-flag')).toBe('grooming');
    const text = await banner.getByRole('alert').textContent();
    // The other person's messages behind the pattern are flagged and blurred; the child's own answers are not.
    const groomed = page.locator('[data-haven-flag~="grooming"].message');
    expect(await groomed.count()).toBeGreaterThanOrEqual(2);
    expect(await groomed.evaluateAll((els) => els.every((e) => e.querySelector('.author')?.textContent === 'StarCoach'))).toBe(true);
    expect(await groomed.first().evaluate((el) => (el as HTMLElement).style.filter)).toContain('blur');
    expect(await page.locator('.message.me[data-haven-flag]').count()).toBe(0);
    await banner.getByRole('button', { name: 'Show messages' }).click();
    await expect.poll(() => groomed.first().evaluate((el) => (el as HTMLElement).style.filter)).toBe('');
    expect(text).toContain('asks you to keep secrets');
    expect(text).toContain('asks for photos');
    expect(text).toContain('wants to move to another app');
    expect(await seriousA11yProblems(page, 'haven-banner')).toEqual([]);
    await banner.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('shows no banner on an ordinary conversation', async () => {
    const page = await open('team.test', 'ordinary.html');
    await expect.poll(async () => (await pageStatusOf(page.url())).checked, { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
    await page.waitForTimeout(500);
    expect(await page.locator('haven-banner').count()).toBe(0);
    expect(await page.locator('#log').getAttribute('data-haven-flag')).toBeNull();
    await page.close();
  });
});

describe('in-page protection: other kinds of sites', () => {
  it('comment thread: flags the harmful reply and comment, not the friendly ones', async () => {
    const page = await open('blog.test', 'comments.html');
    await expect.poll(() => flagOf(page, '#c2'), { timeout: 10_000 }).toBeTruthy();
    await expect.poll(() => flagOf(page, '#c5'), { timeout: 5_000 }).toBeTruthy();
    for (const id of ['#c1', '#c3', '#c4']) expect(await page.locator(id).getAttribute('data-haven-flag')).toBeNull();
    await page.close();
  });

  it('forum: flags the abusive post (warning inside the table row)', async () => {
    const page = await open('forum.test', 'forum.html');
    await expect.poll(() => page.locator('#p3 [data-haven-flag]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('#p3 haven-warning').count()).toBe(1);
    expect(await page.locator('tbody > haven-warning, tr > haven-warning').count()).toBe(0);
    expect(await page.locator('#p1 [data-haven-flag], #p2 [data-haven-flag]').count()).toBe(0);
    await page.close();
  });

  it('social feed: flags posts that arrive with infinite scroll', async () => {
    const page = await open('feed.test', 'feed.html');
    await expect.poll(() => flagOf(page, '#post-11').catch(() => null), { timeout: 10_000 }).toBeNull();
    for (let i = 0; i < 6 && (await page.locator('#post-27').count()) === 0; i++) {
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(300);
    }
    await page.locator('#post-27').scrollIntoViewIfNeeded();
    await expect.poll(() => flagOf(page, '#post-27'), { timeout: 10_000 }).toBeTruthy();
    await page.locator('#post-11').scrollIntoViewIfNeeded();
    await expect.poll(() => flagOf(page, '#post-11'), { timeout: 10_000 }).toBeTruthy();
    await page.close();
  });

  it('single-page app: checks the new view after history navigation', async () => {
    const page = await open('spa.test', 'spa.html');
    await expect.poll(async () => (await pageStatusOf(page.url())).checked, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-haven-flag]').count()).toBe(0);
    await page.locator('#go-2').click();
    await expect.poll(() => flagOf(page, '#t2-p1'), { timeout: 5_000 }).toMatch(/bullying|hate/);
    expect(await page.locator('#t2-p0').getAttribute('data-haven-flag')).toBeNull();
    await page.close();
  });

  it('chat inside a cross-origin iframe', async () => {
    const page = await open('games.test', 'iframe-outer.html');
    const frame = page.frameLocator('#chat');
    await expect.poll(() => frame.locator('#harmful-1').getAttribute('data-haven-flag'), { timeout: 10_000 }).toMatch(/bullying/);
    await expect.poll(() => frame.locator('haven-warning').count()).toBeGreaterThanOrEqual(1);
    expect(await frame.locator('[data-message-id="1"]').getAttribute('data-haven-flag')).toBeNull();
    // The popup adds up every frame: the warning sits in the iframe, the top page has none of its own.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.evaluate(async (target) => {
      const [tab] = await chrome.tabs.query({ url: target });
      await chrome.tabs.update(tab!.id!, { active: true });
    }, page.url());
    await popup.reload();
    await expect.poll(() => popup.locator('.popup__counts').textContent(), { timeout: 5_000 }).toMatch(/Warnings: [1-9]/);
    expect(await pageStatusOf(page.url())).toMatchObject({ warnings: 0 });
    await popup.close();
    await page.close();
  });

  it('web-component chat in shadow roots, including a message added later', async () => {
    const page = await open('team.test', 'webcomponent.html');
    const flagged = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('chat-room')).flatMap((room) =>
          Array.from(room.shadowRoot!.querySelectorAll('chat-message')).map((m) => {
            const bubble = m.shadowRoot!.querySelector('.bubble');
            return { text: bubble?.textContent ?? '', flag: bubble?.getAttribute('data-haven-flag') ?? null, warning: !!m.shadowRoot!.querySelector('haven-warning') };
          }),
        ),
      );
    await expect.poll(async () => (await flagged()).find((m) => m.text.includes('fat loser'))?.flag ?? null, { timeout: 10_000 }).toMatch(/bullying/);
    await expect.poll(async () => (await flagged()).find((m) => m.text.includes('fat loser'))?.warning).toBe(true);
    expect((await flagged()).find((m) => m.text.includes('standup'))?.flag).toBeNull();
    await page.evaluate(() => (window as unknown as { addMessage(a: string, t: string): void }).addMessage('Cy', 'you are a disgusting idiot and I hate you'));
    await expect.poll(async () => (await flagged()).find((m) => m.text.includes('disgusting'))?.flag ?? null, { timeout: 5_000 }).toBeTruthy();
    await page.close();
  });
});
