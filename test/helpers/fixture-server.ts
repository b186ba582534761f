import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FixtureServer {
  port: number;
  origin: string;
  /** `http://<host>:<port><path>`; the browser resolves every host to 127.0.0.1. */
  url(host: string, path?: string): string;
  /** Every request the server saw, in order: the request recorder of the privacy tests. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `test/fixtures/` (or `root`) on 127.0.0.1 at a free port, plus optional routes by path. Unknown paths
 * answer a small HTML page naming the host, so any host mapped to the server loads something real.
 */
export async function startFixtureServer(opts: { routes?: Record<string, Route>; root?: string } = {}): Promise<FixtureServer> {
  const root = opts.root ?? FIXTURES;
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    requests.push({ method: req.method ?? 'GET', host, path: url.pathname + url.search, headers: req.headers });
    try {
      const route = opts.routes?.[url.pathname];
      if (route) return void (await route(req, res));
      const file = path.join(root, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(root) && path.extname(file)) {
        const body = await readFile(file).catch(() => null);
        if (body) {
          res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
          return void res.end(body);
        }
      }
      if (url.pathname === '/favicon.ico') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>${host}</title><h1 id="host">${host}</h1><p>Fixture page ${url.pathname}</p>`);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: (host, p = '/') => `http://${host}:${port}${p}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
