import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, type ChromiumSession } from '../helpers/chromium';
import { LABELS } from '../../src/classifier/types';

interface Golden {
  version: string;
  cases: Array<{ text: string; scores: Record<string, number> }>;
}
const golden = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/classifier/golden.json'), 'utf8')) as Golden;

let browser: ChromiumSession;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('the shipped model inside Chromium', () => {
  it('loads from the extension package and scores like Node (golden scores)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const texts = golden.cases.map((c) => c.text);
    const reply = (await page.evaluate(
      (t) => chrome.runtime.sendMessage({ haven: 1, name: 'inline.classify', payload: { texts: t } }),
      texts,
    )) as { ok: boolean; value: { version: string; scores: Array<Record<string, number>> } };
    expect(reply.ok).toBe(true);
    expect(reply.value.version).toBe(golden.version);
    expect(reply.value.scores).toHaveLength(texts.length);
    golden.cases.forEach((c, i) => {
      for (const label of LABELS) expect(reply.value.scores[i]![label], `${label} of ${JSON.stringify(c.text)}`).toBeCloseTo(c.scores[label]!, 4);
    });
    await page.close();
  });
});
