#!/usr/bin/env node
// `npm start`: build the Chrome extension and open it in Debian's Chromium with a fresh profile, on the parents'
// setup page and a demo chat page. Headed when a display is available, headless (with a screenshot) otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!existsSync('node_modules/.bin/wxt')) {
  console.log('[haven] installing dependencies (npm ci)…');
  if (spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
if (!chromiumPath) {
  console.error('[haven] Chromium is not installed. Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH)');
  process.exit(1);
}
console.log('[haven] building .output/chrome-mv3 …');
if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const { chromium } = await import('playwright-core');
const { startFixtureServer } = await import('../test/helpers/fixture-server.ts').catch(() => ({}));
const ext = path.resolve('.output/chrome-mv3');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'haven-start-')), {
  executablePath: chromiumPath,
  headless,
  viewport: null,
  args: ['--no-first-run', '--disable-sync', '--disable-background-networking', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
console.log(`[haven] extension loaded: ${id}`);
console.log(`[haven] popup:   chrome-extension://${id}/popup.html`);
console.log(`[haven] options: chrome-extension://${id}/options.html`);
if (startFixtureServer) {
  const server = await startFixtureServer();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/demo-chat.html`).catch(() => page.goto(`${server.origin}/pages/basic.html`));
  console.log(`[haven] demo page: ${page.url()}`);
}
if (headless) {
  const shot = path.resolve('.cache/start.png');
  const pages = context.pages();
  await pages[pages.length - 1]?.screenshot({ path: shot });
  console.log(`[haven] no display: ran headless; screenshot at ${shot}. Press Ctrl+C to stop.`);
} else {
  console.log('[haven] Chromium is open. Close it or press Ctrl+C to stop.');
}
context.on('close', () => process.exit(0));
process.on('SIGINT', () => void context.close().then(() => process.exit(0)));
