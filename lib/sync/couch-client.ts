/**
 * A small client for the parts of the CouchDB HTTP API that sync uses: `_bulk_docs`,
 * `_changes`, `_all_docs` by keys. fetch-based, no extension API, so it runs in the service
 * worker, in Node tests and in the benchmark alike. Every failure is a `CouchError` whose
 * `failure` says what went wrong in a form the UI turns into words (`describeCouchFailure`).
 */
import type { SyncAuth } from './settings';

/** What went wrong talking to the server. */
export type CouchFailure =
  /** No answer at all: server down, wrong address, DNS, CORS refused, offline. */
  | { kind: 'unreachable'; detail: string }
  /** No answer within the time limit. */
  | { kind: 'timeout'; ms: number }
  /** 401: wrong user name or password, or the session expired. */
  | { kind: 'unauthorized' }
  /** 403: logged in, but not allowed to read or write this database. */
  | { kind: 'forbidden'; reason: string }
  /** 404: no such database. */
  | { kind: 'not-found'; reason: string }
  /** 5xx: the server failed. */
  | { kind: 'server-error'; status: number; reason: string }
  /** Any other status, or a body that is not what CouchDB sends. */
  | { kind: 'bad-response'; status: number; reason: string }
  /** The run was stopped on purpose (the `signal` aborted). */
  | { kind: 'aborted' };

/** A failed request; `failure` is the typed reason. */
export class CouchError extends Error {
  readonly failure: CouchFailure;
  constructor(failure: CouchFailure) {
    super(describeCouchFailure(failure));
    this.name = 'CouchError';
    this.failure = failure;
  }
}

/** A failure in words a user can act on. */
export function describeCouchFailure(failure: CouchFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return `The sync server could not be reached (${failure.detail}). Check the address and your connection; if the server is up, it may not allow this extension (CORS).`;
    case 'timeout':
      return `The sync server did not answer within ${Math.round(failure.ms / 1000)} seconds.`;
    case 'unauthorized':
      return 'The sync server refused the user name or password (401). Check them in Options → Team sync.';
    case 'forbidden':
      return `The sync server does not let this user use the database (403: ${failure.reason}). Ask the server’s administrator for access.`;
    case 'not-found':
      return `The database does not exist on the sync server (404: ${failure.reason}). Check its name, or ask the administrator to create it.`;
    case 'server-error':
      return `The sync server failed (${failure.status}: ${failure.reason}). Sourcemark will try again.`;
    case 'bad-response':
      return `The sync server gave an unexpected answer (${failure.status}: ${failure.reason}). Is the address a CouchDB server?`;
    case 'aborted':
      return 'Sync was stopped before it finished.';
  }
}

/** One result of `_bulk_docs`. */
export type BulkDocResult = { id: string; ok: true; rev: string } | { id: string; ok: false; error: string; reason: string };

/** One row of `_changes?include_docs=true`. */
export type ChangeRow = { id: string; seq: string; deleted: boolean; doc: unknown };

/** A page of changes and the sequence to continue from. */
export type ChangesPage = { results: ChangeRow[]; lastSeq: string };

/** Where and how to connect. */
export type CouchClientOptions = {
  /** Server base URL without trailing slash. */
  serverUrl: string;
  database: string;
  auth: SyncAuth;
  /** Per-request time limit; default 30 s. */
  timeoutMs?: number;
  /** Stops every request in flight; the run ends with an `aborted` failure. */
  signal?: AbortSignal;
  /** The fetch to use; tests and Node pass theirs. Default: the global one. */
  fetch?: typeof fetch;
};

/** The client's requests. */
export type CouchClient = {
  /** Write documents in one request (new edits: each needs the `_rev` it replaces); one result per doc, in order. */
  bulkDocs(docs: readonly object[]): Promise<BulkDocResult[]>;
  /** Changes after `since` (null: from the start), at most `limit`, with their documents. */
  changes(since: string | null, limit: number): Promise<ChangesPage>;
  /** The current documents with these ids (missing and deleted ones left out). */
  getDocs(ids: readonly string[]): Promise<unknown[]>;
};

/** HTTP Basic credentials, UTF-8 encoded as RFC 7617 allows. */
function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** A client for one database. */
export function createCouchClient(options: CouchClientOptions): CouchClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = `${options.serverUrl}/${encodeURIComponent(options.database)}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.auth.kind === 'password') headers.Authorization = basicAuth(options.auth.username, options.auth.password);

  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    if (options.signal?.aborted) throw new CouchError({ kind: 'aborted' });
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(base + path, {
        method,
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A password login must not be mixed up with a stale cookie; a cookie login needs the cookie.
        credentials: options.auth.kind === 'session-cookie' ? 'include' : 'omit',
        signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw new CouchError({ kind: 'aborted' });
      if (timeout.aborted) throw new CouchError({ kind: 'timeout', ms: timeoutMs });
      throw new CouchError({ kind: 'unreachable', detail: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw new CouchError({ kind: 'aborted' });
      if (timeout.aborted) throw new CouchError({ kind: 'timeout', ms: timeoutMs });
      throw new CouchError({ kind: 'unreachable', detail: `the answer broke off: ${error instanceof Error ? error.message : String(error)}` });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok && json !== undefined) return json;
    const reason = reasonOf(json) ?? (text.slice(0, 200) || response.statusText);
    if (response.status === 401) throw new CouchError({ kind: 'unauthorized' });
    if (response.status === 403) throw new CouchError({ kind: 'forbidden', reason });
    if (response.status === 404) throw new CouchError({ kind: 'not-found', reason });
    if (response.status >= 500) throw new CouchError({ kind: 'server-error', status: response.status, reason });
    throw new CouchError({ kind: 'bad-response', status: response.status, reason: response.ok ? 'the answer is not JSON' : reason });
  }

  return {
    async bulkDocs(docs) {
      const json = await request('POST', '/_bulk_docs', { docs });
      if (!Array.isArray(json) || json.length !== docs.length) throw new CouchError({ kind: 'bad-response', status: 200, reason: '_bulk_docs did not answer one result per document' });
      return json.map((row: unknown): BulkDocResult => {
        const r = (row ?? {}) as Record<string, unknown>;
        const id = String(r.id ?? '');
        if (typeof r.rev === 'string' && r.error === undefined) return { id, ok: true, rev: r.rev };
        return { id, ok: false, error: String(r.error ?? 'unknown'), reason: String(r.reason ?? '') };
      });
    },
    async changes(since, limit) {
      const query = new URLSearchParams({ include_docs: 'true', limit: String(limit), since: since ?? '0' });
      const json = (await request('GET', `/_changes?${query}`)) as Record<string, unknown>;
      if (!Array.isArray(json.results) || json.last_seq === undefined) throw new CouchError({ kind: 'bad-response', status: 200, reason: '_changes without results or last_seq' });
      const results = json.results.map((row: unknown): ChangeRow => {
        const r = (row ?? {}) as Record<string, unknown>;
        return { id: String(r.id ?? ''), seq: String(r.seq ?? ''), deleted: r.deleted === true, doc: r.doc };
      });
      return { results, lastSeq: String(json.last_seq) };
    },
    async getDocs(ids) {
      if (ids.length === 0) return [];
      const json = (await request('POST', '/_all_docs?include_docs=true', { keys: ids })) as Record<string, unknown>;
      if (!Array.isArray(json.rows)) throw new CouchError({ kind: 'bad-response', status: 200, reason: '_all_docs without rows' });
      return json.rows.map((row: unknown) => (row as { doc?: unknown } | null)?.doc).filter((doc) => doc !== null && doc !== undefined);
    },
  };
}

/** CouchDB's `{ error, reason }` body in one line. */
function reasonOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { error, reason } = json as { error?: unknown; reason?: unknown };
  if (typeof error !== 'string') return undefined;
  return typeof reason === 'string' && reason !== '' ? `${error}: ${reason}` : error;
}
