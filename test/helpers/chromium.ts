import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_BUILD = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Debian's chromium; a missing browser is a failure with the install command, never a silent skip. */
export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execSync('command -v chromium', { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  }
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with the built extension and a fresh profile (or `userDataDir` to reuse one, for
 * restart tests). Every hostname resolves to 127.0.0.1, so fixture pages can pose as any site and nothing can
 * leave the machine.
 */
export async function launchChromium(opts: { userDataDir?: string; args?: string[]; extensionDir?: string } = {}): Promise<ChromiumSession> {
  const ext = opts.extensionDir ?? CHROME_BUILD;
  if (!existsSync(path.join(ext, 'manifest.json'))) {
    throw new Error(`No extension build at ${ext}. Run "npm run build" first (npm test does it for you).`);
  }
  const ownDir = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'haven-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * 127.0.0.1',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      if (ownDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Reads a `chrome.storage` area from the service worker (test-side view of what the extension persisted). */
export async function readStorage(worker: Worker, area: 'local' | 'session' | 'managed', key?: string): Promise<Record<string, unknown>> {
  return worker.evaluate(
    ([a, k]) => (chrome.storage as unknown as Record<string, { get(k: string | null): Promise<Record<string, unknown>> }>)[a]!.get(k ?? null),
    [area, key] as const,
  );
}
