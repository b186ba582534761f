import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startReceiver, type Receiver } from './server';
import { buildReport } from '../../src/report/build';
import { sampleInput } from '../../src/report/testing';

let receiver: Receiver;
let dir: string;
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${receiver.url}/reports`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'haven-receiver-'));
  receiver = await startReceiver({ dir, maxBytes: 200_000 });
});
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reference receiver', () => {
  it('stores a valid report and answers 201 with a receipt; a repeat gets the same receipt and stores nothing', async () => {
    const report = await buildReport(sampleInput());
    const first = await post(JSON.stringify(report), { 'idempotency-key': report.id });
    expect(first.status).toBe(201);
    const { receipt } = await first.json();
    expect(receipt).toMatchObject({ id: report.id, sha256: report.integrity.sha256, status: 'stored' });
    const again = await post(JSON.stringify(report), { 'idempotency-key': report.id });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).receipt).toEqual(receipt);
    expect(readdirSync(dir).filter((f) => f.startsWith(report.id))).toHaveLength(1);
    const stored = await (await fetch(`${receiver.url}/reports/${report.id}`)).json();
    expect(stored.report).toEqual(report);
    const list = await (await fetch(`${receiver.url}/reports`)).json();
    expect(list.reports.map((r: { id: string }) => r.id)).toContain(report.id);
  });

  it('concurrent posts of one id store exactly one copy', async () => {
    const report = await buildReport(sampleInput());
    const before = receiver.stats.stored;
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => post(JSON.stringify(report))))).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(receiver.stats.stored - before).toBe(1);
    expect(receiver.stats.duplicatesStored).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });

  it('a different body under a known id is a conflict', async () => {
    const report = await buildReport(sampleInput());
    await post(JSON.stringify(report));
    const other = await buildReport(sampleInput({ id: report.id, childWords: 'changed' }));
    const res = await post(JSON.stringify(other));
    expect(res.status).toBe(409);
  });

  it('rejects bad input with clear errors and keeps running', async () => {
    const broken = await post('{"id": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe('body is not valid JSON');

    const report = await buildReport(sampleInput());
    const wrong = { ...report, category: 'spam', subject: { ...report.subject, urls: 'x' } };
    const invalid = await post(JSON.stringify(wrong));
    expect(invalid.status).toBe(400);
    const body = await invalid.json();
    expect(body.error).toBe('invalid report');
    expect(body.errors.join('\n')).toMatch(/category/);

    const tampered = structuredClone(report);
    tampered.evidence[0]!.content = 'edited';
    const bad = await post(JSON.stringify(tampered));
    expect((await bad.json()).errors).toContain('evidence[0].sha256: does not match the content');

    expect((await post(JSON.stringify(report), { 'idempotency-key': 'other' })).status).toBe(400);
    expect((await fetch(`${receiver.url}/reports`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await post(JSON.stringify({ pad: 'x'.repeat(300_000) }))).status).toBe(413);
    expect((await fetch(`${receiver.url}/reports/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${receiver.url}/reports/not-an-id`)).status).toBe(404);
    expect((await fetch(`${receiver.url}/reports`, { method: 'DELETE' })).status).toBe(405);
    expect((await post('null')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);

    // Garbage on the socket.
    await new Promise<void>((resolve) => {
      const s = net.connect(receiver.port, '127.0.0.1', () => s.end('NONSENSE\r\n\r\n'));
      s.on('close', () => resolve());
      s.on('error', () => resolve());
      s.resume();
    });
    expect((await fetch(`${receiver.url}/health`)).status).toBe(200);
  });
});
