import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildZip, crc32, readZip } from './zip';
import { evidenceZip, preparedDescription } from './evidence';
import { buildReport } from './build';
import { sha256Hex } from './hash';
import { sampleInput } from './testing';

describe('evidence zip', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips files and is readable by unzip when available', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'hello' }, { name: 'dir/ü.bin', data: new Uint8Array([0, 1, 2, 255]) }]);
    const files = readZip(zip);
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello');
    expect([...files.get('dir/ü.bin')!]).toEqual([0, 1, 2, 255]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-zip-'));
    writeFileSync(path.join(dir, 'x.zip'), zip);
    try {
      const out = execFileSync('python3', ['-c', 'import zipfile,sys;z=zipfile.ZipFile(sys.argv[1]);print(z.testzip());print(",".join(z.namelist()))', path.join(dir, 'x.zip')], { encoding: 'utf8' });
      expect(out.trim()).toBe('None\na.txt,dir/ü.bin');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  });

  it('holds report.json, the evidence files with matching hashes, hashes.txt and summary.html', async () => {
    const report = await buildReport(sampleInput());
    const files = readZip(evidenceZip(report));
    expect([...files.keys()]).toEqual(['report.json', 'evidence/message.txt', 'evidence/context.json', 'evidence/author.json', 'evidence/screenshot.png', 'hashes.txt', 'summary.html']);
    const hashes = new TextDecoder().decode(files.get('hashes.txt'));
    for (const e of report.evidence) expect(hashes).toContain(`${await sha256Hex(files.get(`evidence/${e.id}.${e.type === 'screenshot' ? 'png' : e.type === 'message' ? 'txt' : 'json'}`)!)}  evidence/`);
    expect(new TextDecoder().decode(files.get('summary.html'))).toContain(report.integrity.sha256);
  });

  it('a CSAM zip holds no media at all', async () => {
    const report = await buildReport(sampleInput({ category: 'csam' }));
    const files = readZip(evidenceZip(report));
    expect([...files.keys()]).toEqual(['report.json', 'hashes.txt', 'summary.html']);
    expect(new TextDecoder().decode(files.get('summary.html'))).toContain('URL only');
    expect(preparedDescription(report)).toContain('https://chat.example/room/1');
    expect(preparedDescription(report)).not.toContain('nobody likes you');
  });
});
