/**
 * A real CouchDB-protocol server for sync tests and the benchmark: express-pouchdb over
 * in-memory PouchDB, on 127.0.0.1 and a free port. Not a mock: the same replication protocol
 * (`_bulk_docs`, `_changes`, `_all_docs`, revisions and conflicts) that Apache CouchDB speaks.
 *
 * What this wrapper adds in front of express-pouchdb (which has neither), and why:
 * - CORS, as a CouchDB 3 configured for the extension sends it (`[chttpd] enable_cors = true`,
 *   `[cors] origins = chrome-extension://…, credentials = true`): the extension in the browser
 *   reaches the server through CORS; it needs no host permission then.
 * - HTTP Basic auth against a fixed list of users when `users` is given: 401 for a wrong
 *   password, as CouchDB answers. Preflight (OPTIONS) requests pass without credentials, as in
 *   CouchDB.
 * - `stop()` and `start()`: closing the listening socket (and cutting open connections) keeps
 *   the data, since the in-memory databases live in this process; `start()` listens again on
 *   the same port, so clients configured with the URL find the server back with its data.
 * - `onBulkDocs`: called when a `_bulk_docs` request arrives, before the server handles it, so a
 *   test can stop the server in the middle of a push, hold the request (a timeout), or answer
 *   it itself (a 5xx): return `'handled'` once it has answered, or a promise to wait for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The slice of a PouchDB constructor this file uses. */
type PouchDbClass = {
  plugin(plugin: unknown): PouchDbClass;
  defaults(options: { adapter: string }): PouchDbClass;
  new (name: string): { allDocs(options?: object): Promise<{ total_rows: number; rows: { id: string; doc?: unknown }[] }>; destroy(): Promise<unknown> };
};
type RequestHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type App = ((req: IncomingMessage, res: ServerResponse) => void) & { use(handler: RequestHandler): void };

const PouchDB = (require('pouchdb-core') as PouchDbClass)
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'))
  .defaults({ adapter: 'memory' });
const express = require('express') as () => App;
const expressPouchdb = require('express-pouchdb') as (pouch: PouchDbClass, options: object) => RequestHandler;

/** A running (or stopped) test server. */
export type CouchServer = {
  /** `http://127.0.0.1:<port>`: the same across stop and start. */
  url: string;
  /** Create a database (PUT /db); resolves when created. */
  createDatabase(name: string): Promise<void>;
  /** Every document of a database except design documents, read through PouchDB directly. */
  allDocs(database: string): Promise<{ id: string; doc: Record<string, unknown> }[]>;
  /** Stop listening and cut open connections; data stays. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  /** Called for each `_bulk_docs` request as it arrives (see the module comment). */
  onBulkDocs: ((res: ServerResponse) => void | 'handled' | Promise<void>) | null;
  /** Stop for good. */
  close(): Promise<void>;
};

/** Options for `startCouchServer`. */
export type CouchServerOptions = {
  /** When given, every request but OPTIONS needs HTTP Basic auth as one of these users (name → password). */
  users?: Record<string, string>;
};

/** Start a server on 127.0.0.1 and a free port. */
export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  // Each server gets its own PouchDB prefix, so two servers in one process don't share databases.
  const prefix = `couch-${Math.random().toString(36).slice(2)}-`;
  const Pouch = PouchDB.defaults({ adapter: 'memory', prefix } as { adapter: string });
  const app = express();
  const server: CouchServer = {
    url: '',
    onBulkDocs: null,
    async createDatabase(name) {
      const response = await fetch(`${server.url}/${name}`, { method: 'PUT', headers: authHeader(options.users) });
      if (!response.ok && response.status !== 412) throw new Error(`Could not create ${name}: ${response.status} ${await response.text()}`);
    },
    async allDocs(database) {
      const result = await new Pouch(database).allDocs({ include_docs: true });
      return result.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => ({ id: r.id, doc: r.doc as Record<string, unknown> }));
    },
    stop: async () => undefined,
    start: async () => undefined,
    close: async () => undefined,
  };

  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    if (options.users && !authorised(req.headers.authorization, options.users)) {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
      return;
    }
    const hook = req.method === 'POST' && req.url?.split('?')[0]?.endsWith('/_bulk_docs') ? server.onBulkDocs?.(res) : undefined;
    if (hook === 'handled') return;
    if (hook instanceof Promise) void hook.then(next, next);
    else next();
  });
  app.use(expressPouchdb(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));

  let http: Server = createServer(app);
  let sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      http = createServer(app);
      sockets = new Set();
      http.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      http.once('error', reject);
      http.listen(port, '127.0.0.1', () => resolve((http.address() as AddressInfo).port));
    });
  const port = await listen(0);
  server.url = `http://127.0.0.1:${port}`;
  let running = true;
  server.stop = async () => {
    if (!running) return;
    running = false;
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  server.start = async () => {
    if (running) return;
    await listen(port);
    running = true;
  };
  server.close = server.stop;
  return server;
}

function authorised(header: string | undefined, users: Record<string, string>): boolean {
  const match = /^Basic (.+)$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && users[decoded.slice(0, colon)] === decoded.slice(colon + 1);
}

/** A Basic auth header for the first user, for the server's own set-up requests. */
function authHeader(users: Record<string, string> | undefined): Record<string, string> {
  const first = users && Object.entries(users)[0];
  return first ? { Authorization: `Basic ${Buffer.from(`${first[0]}:${first[1]}`).toString('base64')}` } : {};
}
