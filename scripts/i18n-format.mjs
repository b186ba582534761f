#!/usr/bin/env node
// Writes public/_locales/*/messages.json in the house format: one message per line, keys in their existing
// order. `node scripts/i18n-format.mjs` after adding keys keeps diffs one line per message.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = 'public/_locales';
const inline = (value) =>
  value && typeof value === 'object'
    ? `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`
    : JSON.stringify(value);
for (const lang of readdirSync(dir)) {
  const file = `${dir}/${lang}/messages.json`;
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  const lines = Object.entries(messages).map(([key, entry]) => `  ${JSON.stringify(key)}: ${inline(entry)}`);
  writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
}
