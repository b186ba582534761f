import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function run(file: string) {
  return spawnSync(tsx, ['scripts/classify.ts', file], { cwd: root, encoding: 'utf8', timeout: 60000 });
}

describe('classify CLI', () => {
  it('writes one line per input in order, and fails cleanly on a malformed line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-cli-'));
    try {
      const ok = join(dir, 'ok.jsonl');
      writeFileSync(ok, ['{"id":"a","text":"you are a stupid loser"}', '{"id":2,"text":"alice: hi\\nbob: how old are you?"}', '{"id":"c","text":""}'].join('\n') + '\n');
      const r = run(ok);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
      expect(Object.keys(lines[0].scores)).toEqual(['bullying', 'grooming', 'sexual', 'threat', 'hate']);
      expect(Array.isArray(lines[0].flagged)).toBe(true);

      const bad = join(dir, 'bad.jsonl');
      writeFileSync(bad, '{"id":"a","text":"fine"}\n{"id":"b","text":\n');
      const rb = run(bad);
      expect(rb.status).not.toBe(0);
      expect(rb.stdout).toBe('');
      expect(rb.stderr).toMatch(/line 2/);

      const noText = join(dir, 'notext.jsonl');
      writeFileSync(noText, '{"id":"a","text":"fine"}\n{"id":"b"}\n');
      const rn = run(noText);
      expect(rn.status).not.toBe(0);
      expect(rn.stdout).toBe('');
      expect(rn.stderr).toMatch(/line 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90000);
});
