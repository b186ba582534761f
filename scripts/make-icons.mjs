#!/usr/bin/env node
// Renders public/icons/haven.svg to the PNG sizes the manifest lists, with Debian's Chromium.
// Run once after changing the SVG: `node scripts/make-icons.mjs` (the PNGs are committed).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/icons/haven.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: `public/icons/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
