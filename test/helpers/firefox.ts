import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { GECKO_ID } from '../../src/lib/extension-id';

export const FIREFOX_BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');

export function firefoxPath(): string {
  for (const candidate of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execSync('command -v firefox-esr || command -v firefox', { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Firefox is not installed. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).');
  }
}

/** Fixed internal UUID, so tests can open moz-extension://<uuid>/popup.html (Firefox randomizes it per profile). */
export const FIREFOX_UUID = '7d1f4c52-3b8e-4f0a-9c61-2a5e8d9b0c11';

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  /** Base URL of the extension's pages, e.g. `moz-extension://<uuid>/`. */
  base: string;
  close(): Promise<void>;
}

/**
 * Headless firefox-esr driven over WebDriver BiDi (puppeteer-core 24), with the Firefox MV3 build installed as a
 * temporary add-on. Every host resolves to 127.0.0.1 through a proxy-free DNS override preference.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}. Run "npm run build:firefox" first (npm test does it for you).`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      // Resolve every name locally (fixture hosts) and keep Firefox from calling home.
      'network.dns.localDomains': '',
      'network.proxy.type': 0,
      'network.trr.mode': 5,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // Content scripts and DNR on http://*.test need these host names to resolve to loopback.
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.restrictedDomains': '',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    },
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    addonId,
    base: `moz-extension://${FIREFOX_UUID}/`,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/**
 * For a test file or describe block: one Firefox session and one fixture server, started before its tests and
 * closed after them. Read `env.firefox` / `env.server` inside the tests.
 */
export function useFirefoxWithServer(): { readonly firefox: FirefoxSession; readonly server: FixtureServer } {
  const env = {} as { firefox: FirefoxSession; server: FixtureServer };
  beforeAll(async () => {
    env.server = await startFixtureServer();
    env.firefox = await launchFirefox();
  });
  afterAll(async () => {
    await env.firefox?.close();
    await env.server?.close();
  });
  return env;
}
