/** A small static file server on 127.0.0.1 for the demo, the e2e tests and the benchmarks. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A running server and the base URL it answers on. */
export type StaticServer = { origin: string; close(): Promise<void>; server: Server };

/**
 * Serve the files under `root` on 127.0.0.1 (`port` 0 picks a free one).
 * Paths that climb out of `root` get 403; missing files 404.
 */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Static server did not bind to a TCP port.');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    server,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
