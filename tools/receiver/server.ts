/**
 * Haven's reference intake server for reports (see ./openapi.yaml). Hotlines and organizations can run it as-is or
 * use it as the executable spec of the contract; the e2e tests and `bench:outbox` run it on 127.0.0.1.
 *
 * - `POST /reports` validates the body against the report schema and every SHA-256, stores it atomically (write a
 *   temp file, fsync, then hard-link it to `<id>.json`, which fails if the id exists) and answers 201 with a
 *   receipt. The same id again answers 200 with the same receipt and stores nothing (409 if the body differs).
 * - `GET /reports`, `GET /reports/:id`: read-only listing for an analyst.
 * - Bad input never crashes it: 400 broken JSON / invalid report, 413 oversize, 415 wrong type, 404, 405.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { verifyReport } from '../../src/report/build';
import { UUID } from '../../src/report/check';
import type { Receipt, Report } from '../../src/report/types';

export interface ReceiverOptions {
  dir: string;
  port?: number;
  host?: string;
  /** Largest accepted body in bytes (default 8 MiB). */
  maxBytes?: number;
  log?: (line: string) => void;
}

export interface ReceiverStats {
  /** New reports written to disk. */
  stored: number;
  /** Repeats of a stored id answered with the original receipt. */
  replayed: number;
  rejected: number;
  /** A second copy of an id written to disk (must stay 0: the hard link refuses it). */
  duplicatesStored: number;
}

export interface Receiver {
  port: number;
  url: string;
  stats: ReceiverStats;
  close(): Promise<void>;
}

export interface StoredRecord {
  receipt: Receipt;
  report: Report;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: string[] = [],
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new HttpError(413, `body larger than ${maxBytes} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new HttpError(413, `body larger than ${maxBytes} bytes`));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startReceiver(opts: ReceiverOptions): Promise<Receiver> {
  const dir = path.resolve(opts.dir);
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  const log = opts.log ?? (() => {});
  await mkdir(dir, { recursive: true });
  const stats: ReceiverStats = { stored: 0, replayed: 0, rejected: 0, duplicatesStored: 0 };
  const fileOf = (id: string) => path.join(dir, `${id}.json`);

  async function readRecord(id: string): Promise<StoredRecord | null> {
    try {
      return JSON.parse(await readFile(fileOf(id), 'utf8')) as StoredRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function store(report: Report): Promise<{ status: 200 | 201; receipt: Receipt }> {
    const existing = await readRecord(report.id);
    if (existing) return replay(existing, report);
    const receipt: Receipt = { id: report.id, receivedAt: new Date().toISOString(), sha256: report.integrity.sha256, status: 'stored' };
    const tmp = path.join(dir, `.tmp-${report.id}-${randomBytes(6).toString('hex')}`);
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(JSON.stringify({ receipt, report } satisfies StoredRecord));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(tmp, fileOf(report.id)); // atomic and exclusive: fails with EEXIST if another request won
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const winner = await readRecord(report.id);
      if (!winner) throw error;
      return replay(winner, report);
    } finally {
      await unlink(tmp).catch(() => {});
    }
    stats.stored++;
    log(`stored ${report.id} (${report.category})`);
    return { status: 201, receipt };
  }

  function replay(existing: StoredRecord, report: Report): { status: 200; receipt: Receipt } {
    if (existing.receipt.sha256 !== report.integrity.sha256) {
      throw new HttpError(409, 'a different report with this id was already received', [`stored sha256 ${existing.receipt.sha256}`]);
    }
    stats.replayed++;
    log(`replayed ${report.id}`);
    return { status: 200, receipt: existing.receipt };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/health') {
      if (req.method !== 'GET') throw new HttpError(405, 'use GET');
      return send(res, 200, { ok: true });
    }
    if (parts[0] !== 'reports' || parts.length > 2) throw new HttpError(404, 'not found');
    if (parts.length === 1 && req.method === 'POST') {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'expected content-type application/json');
      const body = await readBody(req, maxBytes);
      let value: unknown;
      try {
        value = JSON.parse(body.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, 'body is not valid JSON', [(error as Error).message]);
      }
      const errors = await verifyReport(value);
      if (errors.length) throw new HttpError(400, 'invalid report', errors.slice(0, 50));
      const report = value as Report;
      const key = req.headers['idempotency-key'];
      if (key !== undefined && key !== report.id) throw new HttpError(400, 'Idempotency-Key must equal the report id');
      const { status, receipt } = await store(report);
      return send(res, status, { receipt }, { location: `/reports/${report.id}`, ...(status === 200 ? { 'idempotent-replayed': 'true' } : {}) });
    }
    if (req.method !== 'GET') throw new HttpError(405, parts.length === 1 ? 'use POST to submit, GET to list' : 'use GET');
    if (parts.length === 1) {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
      const reports = [];
      for (const f of files.sort()) {
        const rec = await readRecord(f.slice(0, -5));
        if (rec) reports.push({ ...rec.receipt, category: rec.report.category, urls: rec.report.subject.urls, createdAt: rec.report.createdAt });
      }
      reports.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
      return send(res, 200, { count: reports.length, reports });
    }
    const id = parts[1]!;
    if (!UUID.test(id)) throw new HttpError(404, 'no such report');
    const rec = await readRecord(id);
    if (!rec) throw new HttpError(404, 'no such report');
    return send(res, 200, rec);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        stats.rejected += error.status === 404 || error.status === 405 ? 0 : 1;
        send(res, error.status, { error: error.message, errors: error.errors }, error.status === 413 ? { connection: 'close' } : {});
      } else {
        log(`error: ${(error as Error)?.stack ?? String(error)}`);
        send(res, 500, { error: 'internal error' });
      }
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
