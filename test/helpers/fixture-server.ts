// A local HTTP server on 127.0.0.1 that serves feed fixtures (no test touches the
// internet). Routes are handlers or files; every request is recorded for assertions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fixtures } from './paths.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  url: (path: string) => string;
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
}

/** Serve a fixture file with an ETag and Last-Modified, answering 304 when they match. */
export function fileRoute(file: string, contentType = 'application/xml'): Handler {
  return (req, res) => {
    const body = readFileSync(join(fixtures, file));
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = 'Sun, 29 Nov 2026 10:00:00 GMT';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified }).end(body);
  };
}

export async function startFixtureServer(routes: Record<string, Handler> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: FixtureServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
