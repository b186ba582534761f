import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchChromium, readStorage, type ChromiumSession } from '../helpers/chromium';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { seriousA11yProblems } from '../helpers/axe';
import { DEV_CHROME_ID } from '../../src/lib/extension-id';

/**
 * Parents and schools in real Chromium: first-run setup, the PIN lock with its growing delay, options that change
 * blocking, export/import, the activity summary, axe-core on every page, and a real managed policy file.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const STORE_SHOTS = path.join(ROOT, 'store/screenshots');
/** A real entry of the shipped gambling list (see blocking.e2e.test.ts); resolves to the fixture server. */
const GAMBLING = '1075bets10.com';
const PIN = '4821';

/**
 * A private copy of the build, so another engineer's rebuild of `.output/` (shared working tree) cannot change it
 * mid-run. Waits for a complete build (manifest present) and retries a copy caught half-way through a rebuild.
 */
async function copyBuild(): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    if (existsSync(path.join(CHROME_BUILD, 'manifest.json')) && existsSync(path.join(CHROME_BUILD, 'options.html'))) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-parents-ext-'));
      try {
        cpSync(CHROME_BUILD, dir, { recursive: true });
        if (existsSync(path.join(dir, 'manifest.json')) && existsSync(path.join(dir, 'setup.html'))) return dir;
      } catch {
        // A rebuild removed files while copying: try again.
      }
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`No complete extension build at ${CHROME_BUILD}. Run "npm run build" first.`);
}


async function unlock(page: Page, pin = PIN): Promise<void> {
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { name: 'Activity summary' }).waitFor();
}

describe('parents in Chromium', () => {
  let browser: ChromiumSession;
  let server: FixtureServer;
  let extDir: string;
  let setupPage: Page;
  const url = (page: string) => `chrome-extension://${browser.extensionId}/${page}`;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(STORE_SHOTS, { recursive: true });
    server = await startFixtureServer();
    extDir = await copyBuild();
    browser = await launchChromium({ extensionDir: extDir });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  it('opens first-run setup on install and explains what Haven does and does not do', async () => {
    expect(browser.extensionId).toBe(DEV_CHROME_ID);
    await expect
      .poll(() => browser.context.pages().find((p) => p.url().startsWith(url('setup.html'))), { timeout: 15_000 })
      .toBeTruthy();
    setupPage = browser.context.pages().find((p) => p.url().startsWith(url('setup.html')))!;
    await setupPage.getByRole('heading', { level: 1, name: 'Set up Haven' }).waitFor();
    expect(await setupPage.getByText('No message ever leaves this device').isVisible()).toBe(true);
    expect(await setupPage.getByText('You see counts, not messages').isVisible()).toBe(true);
    expect(await seriousA11yProblems(setupPage)).toEqual([]);
    await setupPage.setViewportSize({ width: 900, height: 1100 });
    await setupPage.screenshot({ path: path.join(SCREENSHOTS, 'setup.png'), fullPage: true });
    await setupPage.setViewportSize({ width: 1280, height: 800 });
    await setupPage.screenshot({ path: path.join(STORE_SHOTS, '1-setup.png') });
  });

  it('switches the setup language live and completes setup with country, age band and PIN', async () => {
    await setupPage.getByLabel('Language').selectOption('de');
    await setupPage.getByRole('heading', { level: 1, name: 'Haven einrichten' }).waitFor();
    await setupPage.getByLabel('Sprache').selectOption('en');
    await setupPage.getByRole('heading', { level: 1, name: 'Set up Haven' }).waitFor();
    await setupPage.getByLabel('Country').selectOption('DE');
    await setupPage.getByLabel('13 to 15').check();
    // A mismatch is refused before anything is sent.
    await setupPage.getByLabel('New PIN').fill(PIN);
    await setupPage.getByLabel('Repeat the PIN').fill('4822');
    await setupPage.getByRole('button', { name: 'Finish setup' }).click();
    await setupPage.getByText('The two PINs are not the same.').waitFor();
    await setupPage.getByLabel('Repeat the PIN').fill(PIN);
    await setupPage.getByRole('button', { name: 'Finish setup' }).click();
    await setupPage.getByRole('heading', { name: 'Haven is set up' }).waitFor();

    const { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> };
    expect(settings).toMatchObject({ country: 'DE', language: 'en', ageBand: '13-15' });
    const { pin } = (await readStorage(browser.worker, 'local', 'pin')) as { pin: Record<string, unknown> };
    expect(pin).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 210_000 });
    expect(JSON.stringify(pin)).not.toContain(PIN);
    await setupPage.close();
  });

  it('keeps the options locked until the PIN, and refuses and delays wrong PINs', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await page.getByRole('heading', { name: 'Enter your parent PIN' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Blocked categories' }).count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);

    const input = page.getByLabel('PIN', { exact: true });
    const button = page.getByRole('button', { name: 'Unlock' });
    for (const wrong of ['0000', '1111']) {
      await input.fill(wrong);
      await button.click();
      await page.getByText('That PIN is not right.').waitFor();
    }
    await input.fill('2222');
    await button.click();
    // The third mistake starts the growing delay: the button waits, and even the right PIN is refused meanwhile.
    await page.getByText(/Try again in \d+ seconds/).waitFor();
    expect(await button.isDisabled()).toBe(true);
    const refused = await page.evaluate((pin) => chrome.runtime.sendMessage({ haven: 1, name: 'parents.unlock', payload: { pin } }), PIN);
    expect(refused).toMatchObject({ ok: true, value: { ok: false, reason: 'locked' } });
    const { pinAttempts } = (await readStorage(browser.worker, 'local', 'pinAttempts')) as { pinAttempts: { failures: number } };
    expect(pinAttempts.failures).toBe(3);
    // A page cannot read settings-only views or save without the session token.
    const forged = await page.evaluate(() =>
      chrome.runtime.sendMessage({ haven: 1, name: 'parents.view', payload: { token: 'a'.repeat(64) } }),
    );
    expect(forged).toEqual({ ok: true, value: { ok: false, reason: 'expired' } });

    await expect.poll(() => button.isDisabled(), { timeout: 10_000, interval: 250 }).toBe(false);
    await unlock(page);
    expect(await page.getByRole('heading', { name: 'Blocked categories' }).isVisible()).toBe(true);
    await page.close();
  });

  it('changing a category changes blocking', async () => {
    const site = server.url(GAMBLING, '/');
    const probe = await browser.context.newPage();
    await probe.goto(site).catch(() => {});
    await expect.poll(() => probe.url(), { timeout: 10_000 }).toContain('/blocked.html');

    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await unlock(page);
    await page.getByLabel('Gambling').uncheck();
    await page.getByText('Saved.').waitFor();
    await expect
      .poll(async () => ((await readStorage(browser.worker, 'local', 'settings')) as { settings: { categories: Record<string, boolean> } }).settings.categories.gambling)
      .toBe(false);
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets()), { timeout: 10_000 })
      .not.toContain('gambling');
    await probe.goto(site);
    expect(probe.url()).toBe(site);

    await page.getByLabel('Gambling').check();
    await page.getByText('Saved.').waitFor();
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets()), { timeout: 10_000 })
      .toContain('gambling');
    await probe.close();
    await page.close();
  });

  it('saves always-block sites and warning settings, and refuses invalid sites', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await unlock(page);
    await page.getByLabel('Always blocked sites').fill('chat.example\nnot a site!');
    await page.getByRole('button', { name: 'Save sites' }).click();
    await page.getByText(/These lines are not sites: not a site!/).waitFor();
    let { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> };
    expect(settings.blockSites).toEqual([]);
    await page.getByLabel('Always blocked sites').fill('https://Chat.Example/room');
    await page.getByRole('button', { name: 'Save sites' }).click();
    await page.getByText('Saved.').waitFor();
    await page.locator('select[aria-labelledby="label-bullying sens-bullying"]').selectOption('low');
    await expect
      .poll(async () => ((await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> }).settings.sensitivity.bullying)
      .toBe('low');
    ({ settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> });
    expect(settings.blockSites).toEqual(['chat.example']);
    // Another age band puts categories and warnings back to that age's defaults; sites stay.
    await page.locator('#opt-age').selectOption('under9');
    await expect
      .poll(async () => ((await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> }).settings.ageBand)
      .toBe('under9');
    ({ settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> });
    expect(settings.sensitivity.bullying).toBe('high');
    expect(settings.blockSites).toEqual(['chat.example']);
    await page.close();
  });

  it('keeps an open options page in step with settings saved elsewhere, so its next change does not undo them', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await unlock(page);
    const stored = async () => ((await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> }).settings;
    expect((await stored()).categories.gambling).toBe(true);
    // Another writer (a policy update, setup, a second options tab) saves while this page is open.
    await browser.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: Record<string, any> };
      await chrome.storage.local.set({ settings: { ...settings, categories: { ...settings.categories, gambling: false } } });
    });
    await expect.poll(() => page.getByLabel('Gambling').isChecked(), { timeout: 5_000 }).toBe(false);
    await page.locator('select[aria-labelledby="label-bullying sens-bullying"]').selectOption('medium');
    await expect.poll(async () => (await stored()).sensitivity.bullying).toBe('medium');
    expect((await stored()).categories.gambling).toBe(false);
    await page.getByLabel('Gambling').check();
    await expect.poll(async () => (await stored()).categories.gambling).toBe(true);
    await page.close();
  });

  it('imports only valid settings files: a bad file gets a clear error and changes nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await unlock(page);
    const before = await readStorage(browser.worker, 'local', 'settings');
    const file = page.getByLabel('Import settings from a file');
    await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"haven-settings","version":1,"settings":{"country":"XX"}}') });
    await page.getByText('This settings file contains invalid values. Nothing was changed.', { exact: false }).waitFor();
    await file.setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await page.getByText('This file is not valid JSON. Nothing was changed.', { exact: false }).waitFor();
    expect(await readStorage(browser.worker, 'local', 'settings')).toEqual(before);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export settings' }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'haven-settings', version: 1, settings: { country: 'DE' } });
    exported.settings.country = 'NL';
    await file.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.getByText('Settings imported.').waitFor();
    const { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> };
    expect(settings.country).toBe('NL');
    await page.close();
  });

  it('shows counts in the activity summary after warnings, with no serious a11y issues', async () => {
    // A real warning: the content script flags the harmful message of the chat fixture and counts it.
    const chat = await browser.context.newPage();
    await chat.goto(server.url('chat.test', '/pages/inline/chat.html'));
    await expect.poll(() => chat.locator('#harmful-1').getAttribute('data-haven-flag'), { timeout: 20_000 }).toMatch(/bullying/);
    const today = async () => {
      const { stats } = (await readStorage(browser.worker, 'local', 'stats')) as { stats?: Record<string, Record<string, number>> };
      return Object.values(stats ?? {}).reduce((acc, day) => ({ ...acc, ...day }), {} as Record<string, number>);
    };
    await expect.poll(async () => (await today())['bullying.shown'] ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await chat.close();

    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    // More of what the content script sends when it shows warnings and the child acts on them.
    await page.evaluate(async () => {
      const send = (payload: unknown) => chrome.runtime.sendMessage({ haven: 1, name: 'stats.record', payload });
      await send({ label: 'grooming', event: 'shown' });
      await send({ label: 'grooming', event: 'reported' });
      await send({ label: 'hate', event: 'shown', count: 2 });
      await send({ label: 'hate', event: 'dismissed', count: 2 });
    });
    await page.reload();
    await unlock(page);
    const counts = await today();
    const totals = page.getByRole('table', { name: /Warnings in the last 14 days/ });
    const row = (label: string) => totals.getByRole('row', { name: new RegExp(`^${label}`) });
    const expected = (key: string) => ['shown', 'revealed', 'dismissed', 'reported'].map((e) => counts[`${key}.${e}`] ?? 0).join('');
    expect(await row('Bullying').textContent()).toBe(`Bullying${expected('bullying')}`);
    expect(await row('Grooming').textContent()).toBe('Grooming1001');
    expect(await row('Hate speech').textContent()).toBe(`Hate speech${expected('hate')}`);
    expect(counts['hate.shown']).toBeGreaterThanOrEqual(2);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThanOrEqual(3);
    // Counts only: no page text or URL anywhere in the summary.
    const summaryText = await page.locator('#summary').textContent();
    expect(summaryText).not.toMatch(/https?:|chat\.example/);
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.setViewportSize({ width: 900, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'options.png') });
    await page.locator('#summary').screenshot({ path: path.join(SCREENSHOTS, 'summary.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => document.getElementById('categories')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(STORE_SHOTS, '2-options.png') });
    await page.evaluate(() => document.getElementById('summary')!.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(STORE_SHOTS, '3-summary.png') });
    await page.close();
  });

  it('changes the PIN only with the current PIN', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await unlock(page);
    const section = page.locator('#pin');
    await section.getByLabel('Current PIN').fill('9999');
    await section.getByLabel('New PIN').fill('2468');
    await section.getByLabel('Repeat the PIN').fill('2468');
    await section.getByRole('button', { name: 'Change PIN' }).click();
    await section.getByText('That PIN is not right.').waitFor();
    await section.getByLabel('Current PIN').fill(PIN);
    await section.getByRole('button', { name: 'Change PIN' }).click();
    await section.getByText('The PIN was changed.').waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page, '2468');
    await page.close();
  });

  it('resets a forgotten PIN only to the safest defaults, never unlocking, and tells the parent afterwards', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('options.html'));
    await page.getByText('Forgot your PIN?').click();
    const reset = page.getByRole('button', { name: 'Reset Haven and choose a new PIN' });
    expect(await reset.isDisabled()).toBe(true);
    await page.getByLabel('I understand that all settings go back to the safest defaults.').check();
    await reset.click();
    await page.waitForURL(/setup\.html/);
    await page.getByRole('heading', { level: 1, name: 'Set up Haven' }).waitFor();
    const { settings } = (await readStorage(browser.worker, 'local', 'settings')) as { settings: Record<string, any> };
    expect(Object.values(settings.categories).every(Boolean)).toBe(true);
    expect(Object.values(settings.sensitivity).every((s) => s === 'high')).toBe(true);
    expect(settings.blockSites).toEqual(['chat.example']);
    expect((await readStorage(browser.worker, 'local', 'pin')).pin ?? null).toBeNull();

    await page.getByLabel('New PIN').fill('1357');
    await page.getByLabel('Repeat the PIN').fill('1357');
    await page.getByRole('button', { name: 'Finish setup' }).click();
    await page.getByRole('heading', { name: 'Haven is set up' }).waitFor();
    await page.goto(url('options.html'));
    await unlock(page, '1357');
    expect(await page.getByText(/The parent PIN was reset on/).isVisible()).toBe(true);
    await page.close();
  });
});

/**
 * A real Chromium policy file for the pinned id. Chromium reads (and watches) `/etc/chromium/policies/managed` for
 * every instance on this machine, so the policy only restates Haven's defaults for the default age band (another
 * engineer's browser that picks it up keeps its settings) and lives only while this test runs; it is always
 * removed. This profile is set up for 16–17, whose defaults differ, so the policy's effect is visible here.
 */
describe('managed policy in Chromium (policy file)', () => {
  const POLICY_DIR = '/etc/chromium/policies/managed';
  const POLICY_FILE = path.join(POLICY_DIR, 'haven-test.json');
  const policy = {
    categories: { malware: true, dating: true },
    sensitivity: { grooming: 'high' },
    warningStyle: { grooming: 'blur' },
  };
  let browser: ChromiumSession | undefined;
  let extDir: string | undefined;

  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await browser?.close();
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  it('applies the managed values and shows them as locked', async () => {
    try {
      extDir = await copyBuild();
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [DEV_CHROME_ID]: policy } } }));
      browser = await launchChromium({ extensionDir: extDir });
      expect(browser.extensionId).toBe(DEV_CHROME_ID);
      await expect
        .poll(() => browser!.worker.evaluate(() => chrome.storage.managed.get()), { timeout: 20_000, interval: 500 })
        .toEqual(policy);

      // Set up for 16–17: its own defaults allow dating sites and use medium sensitivity; the policy wins.
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/setup.html`);
      const status = await page.evaluate(() =>
        chrome.runtime.sendMessage({ haven: 1, name: 'parents.setup', payload: { pin: '4821', country: 'GB', language: 'en', ageBand: '16-17' } }),
      );
      expect(status).toMatchObject({ ok: true, value: { ok: true } });
      const stored = async () => ((await readStorage(browser!.worker, 'local', 'settings')) as { settings?: Record<string, any> }).settings;
      await expect.poll(stored, { timeout: 10_000 }).toMatchObject({
        ageBand: '16-17',
        categories: { dating: true, malware: true },
        sensitivity: { grooming: 'high', bullying: 'medium' },
        warningStyle: { grooming: 'blur' },
      });

      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await unlock(page);
      await page.getByText('Some settings are managed by your school or organization').waitFor();
      expect(await page.getByLabel('Dating').isDisabled()).toBe(true);
      expect(await page.getByLabel('Dating').isChecked()).toBe(true);
      expect(await page.getByLabel('Malware').isDisabled()).toBe(true);
      expect(await page.getByLabel('Gambling').isDisabled()).toBe(false);
      const groomingSensitivity = page.locator('select[aria-labelledby="label-grooming sens-grooming"]');
      expect(await groomingSensitivity.isDisabled()).toBe(true);
      expect(await groomingSensitivity.inputValue()).toBe('high');
      expect(await page.locator('select[aria-labelledby="label-bullying sens-bullying"]').isDisabled()).toBe(false);
      expect(await page.locator('.locked-badge').count()).toBe(4);
      // A crafted save (with a valid session) cannot unlock a managed value.
      const reply = await page.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as { settings: Record<string, any> };
        const { parentsSession } = (await chrome.storage.session.get('parentsSession')) as { parentsSession: { token: string } };
        const crafted = { ...settings, categories: { ...settings.categories, dating: false }, warningStyle: { ...settings.warningStyle, grooming: 'label' } };
        return chrome.runtime.sendMessage({ haven: 1, name: 'parents.save', payload: { token: parentsSession.token, settings: crafted } });
      });
      expect(reply).toMatchObject({ ok: true, value: { ok: true, value: { settings: { categories: { dating: true }, warningStyle: { grooming: 'blur' } } } } });
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.close();
    } finally {
      rmSync(POLICY_FILE, { force: true });
    }
    expect(existsSync(POLICY_FILE)).toBe(false);
  });
});
