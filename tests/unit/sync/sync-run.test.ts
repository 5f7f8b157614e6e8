/**
 * The sync run against a real CouchDB-protocol server (express-pouchdb, tests/support/couch-server.ts),
 * with two devices as two fake-indexeddb databases.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAnnotations, putAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { rateSource } from '../../../lib/store/sources';
import { libraryTablesOf } from '../../../lib/store/library-index';
import { readSyncStatus } from '../../../lib/store/sync-store';
import { canonicalJson } from '../../../lib/sync/canonical-json';
import { changesFeed } from '../../../lib/sync/changes-feed';
import { createCouchClient } from '../../../lib/sync/couch-client';
import { runSync } from '../../../lib/sync/run-sync';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../lib/sync/settings';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { makeAnnotation, makeRating, openTestDb } from '../support/store-fixtures';

const USERS = { ana: 'secret-a', ben: 'secret-b' };
// Thousands of documents through a real server on a shared machine: vitest's 5 s default is too short.
vi.setConfig({ testTimeout: 60_000 });
let server: CouchServer;
let database: string;
let dbs: SourcemarkDb[] = [];

beforeAll(async () => {
  server = await startCouchServer({ users: USERS });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
  database = `desk-${crypto.randomUUID().slice(0, 8)}`;
  await server.createDatabase(database);
});

function device(): SourcemarkDb {
  const db = openTestDb();
  dbs.push(db);
  return db;
}

function settings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  return { ...DEFAULT_SYNC_SETTINGS, enabled: true, serverUrl: server.url, database, auth: { kind: 'password', username: 'ana', password: USERS.ana }, share: 'everything', ...overrides };
}

function sync(db: SourcemarkDb, overrides: Partial<SyncSettings> = {}, fetchImpl?: typeof fetch, batch = 500, timeoutMs?: number) {
  const s = settings(overrides);
  return runSync({ db, settings: s, client: createCouchClient({ ...s, fetch: fetchImpl, timeoutMs }), pushBatchSize: batch, pullBatchSize: batch });
}

const many = (n: number) => Array.from({ length: n }, (_, i) => makeAnnotation({ id: `bulk-${String(i).padStart(5, '0')}`, note: `n${i}` }));

describe('runSync against a CouchDB-protocol server', () => {
  it('brings an annotation and a source rating from one device to another, and a deletion back', async () => {
    const a = device();
    const b = device();
    const note = await saveAnnotation(a, makeAnnotation({ id: 'shared-1', note: 'Check against Yonhap' }));
    await rateSource(a, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating({ tier: 'propaganda' }));
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 2 });
    expect(await a.outbox.count()).toBe(0);

    expect(await sync(b)).toMatchObject({ ok: true, pulled: 2, pushed: 0 });
    expect(await b.annotations.get('shared-1')).toEqual(note);
    expect((await b.sources.get('kcna'))?.rating?.tier).toBe('propaganda');
    expect(await b.outbox.count()).toBe(0); // nothing echoed back
    expect(await b.libraryIndex.count()).toBe(1);

    await deleteAnnotations(b, ['shared-1']);
    expect(await sync(b)).toMatchObject({ ok: true, pushed: 1 });
    await sync(a);
    expect((await a.annotations.get('shared-1'))?.deletedAt).toBeDefined();
    expect(await a.libraryIndex.count()).toBe(0);
    expect(await server.allDocs(database)).toHaveLength(2);
  });

  it('resolves an edit made on both devices the same way on both, the loser kept in history', async () => {
    const a = device();
    const b = device();
    await saveAnnotation(a, makeAnnotation({ id: 'c', note: 'first' }), new Date('2024-06-01T00:00:00Z'));
    await sync(a);
    await sync(b);
    // Both edit while apart; B's edit is the later one.
    await saveAnnotation(a, { ...(await a.annotations.get('c'))!, note: 'edited on A' }, new Date('2024-06-02T10:00:00Z'));
    await saveAnnotation(b, { ...(await b.annotations.get('c'))!, note: 'edited on B' }, new Date('2024-06-02T11:00:00Z'));
    expect((await sync(a)).ok).toBe(true);
    expect(await sync(b)).toMatchObject({ ok: true });
    await sync(a);
    const onA = await a.annotations.get('c');
    const onB = await b.annotations.get('c');
    expect(onA?.note).toBe('edited on B');
    expect(onA?.history?.map((v) => v.annotation.note)).toEqual(['edited on A']);
    expect(canonicalJson(onA)).toBe(canonicalJson(onB));
    const [onServer] = await server.allDocs(database);
    expect(canonicalJson(onServer?.doc.annotation)).toBe(canonicalJson(onA));
    expect(await a.outbox.count()).toBe(0);
    expect(await b.outbox.count()).toBe(0);
  });

  it('resolves a 409 when another device writes between its pull and its push', async () => {
    const a = device();
    await saveAnnotation(a, makeAnnotation({ id: 'x', note: 'one' }), new Date('2024-06-01T00:00:00Z'));
    await sync(a);
    await saveAnnotation(a, { ...(await a.annotations.get('x'))!, note: 'mine' }, new Date('2024-06-03T00:00:00Z'));
    const auth = { Authorization: `Basic ${Buffer.from(`ben:${USERS.ben}`).toString('base64')}`, 'Content-Type': 'application/json' };
    let conflicts = 0;
    server.onBulkDocs = async () => {
      server.onBulkDocs = null;
      // Another device's older edit lands first.
      const current = (await (await fetch(`${server.url}/${database}/annotation:x`, { headers: auth })).json()) as { annotation: { note: string; updatedAt: string } };
      current.annotation = { ...current.annotation, note: 'theirs', updatedAt: '2024-06-02T00:00:00.000Z' };
      await fetch(`${server.url}/${database}/_bulk_docs`, { method: 'POST', headers: auth, body: JSON.stringify({ docs: [current] }) });
    };
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('_bulk_docs')) conflicts += ((await response.clone().json()) as { error?: string }[]).filter((r) => r.error === 'conflict').length;
      return response;
    };
    expect(await sync(a, {}, counting)).toMatchObject({ ok: true, merged: 1 });
    expect(conflicts).toBe(1);
    const local = await a.annotations.get('x');
    expect(local?.note).toBe('mine');
    expect(local?.history?.map((v) => v.annotation.note)).toEqual(['theirs']);
    const [onServer] = await server.allDocs(database);
    expect(canonicalJson(onServer?.doc.annotation)).toBe(canonicalJson(local));
    expect(await a.outbox.count()).toBe(0);
  });

  it('pulls over several pages, and still merges a record created locally while the pull runs', async () => {
    const a = device();
    const b = device();
    await putAnnotations(a, many(30).map((x) => ({ ...x, tags: [`t${x.note.length}`] })));
    expect(await sync(a, {}, undefined, 10)).toMatchObject({ ok: true, pushed: 30 });
    const auth = { Authorization: `Basic ${Buffer.from(`ana:${USERS.ana}`).toString('base64')}` };
    const order = ((await (await fetch(`${server.url}/${database}/_changes`, { headers: auth })).json()) as { results: { id: string }[] }).results.map((r) => r.id.slice('annotation:'.length));
    const late = order.at(-1)!; // on the third page of ten
    let changesRequests = 0;
    // When the third page is asked for, the first is stored: B's user then saves (imports) that
    // record with an edit of their own, so it is in B's outbox, unknown to the pull until then.
    const meanwhile: typeof fetch = async (input, init) => {
      if (String(input).includes('_changes') && ++changesRequests === 3) {
        expect(await b.annotations.count()).toBe(10);
        await saveAnnotation(b, { ...many(30).find((x) => x.id === late)!, note: 'edited on B' }, new Date('2030-01-01T00:00:00Z'));
      }
      return fetch(input, init);
    };
    expect(await sync(b, {}, meanwhile, 10)).toMatchObject({ ok: true, pulled: 29, merged: 1, pushed: 1 });
    const kept = await b.annotations.get(late);
    expect(kept?.note).toBe('edited on B');
    expect(kept?.history?.map((v) => v.annotation.note)).toEqual([many(30).find((x) => x.id === late)!.note]);
    expect(await b.annotations.count()).toBe(30);
    expect(await b.outbox.count()).toBe(0);
    const rebuilt = libraryTablesOf(await b.annotations.toArray());
    expect(await b.libraryFacets.orderBy('key').toArray()).toEqual(rebuilt.facets);
    expect(await b.libraryIndex.count()).toBe(30);
    const onServer = (await server.allDocs(database)).find((d) => d.id === `annotation:${late}`);
    expect(canonicalJson(onServer?.doc.annotation)).toBe(canonicalJson(kept));
    // Its own write comes back on the next run, and is recognised as such.
    expect(await sync(b, {}, undefined, 10)).toMatchObject({ ok: true, pulled: 0, merged: 0, pushed: 0 });
    expect(await sync(a, {}, undefined, 10)).toMatchObject({ ok: true, pulled: 1 });
    expect((await a.annotations.get(late))?.note).toBe('edited on B');
  });

  it('asks for the next pages while the caller still holds one, at most the pages ahead it was given', async () => {
    const a = device();
    await putAnnotations(a, many(25));
    await sync(a);
    const asked: string[] = [];
    let thirdAsked = () => undefined as void;
    const third = new Promise<void>((resolve) => (thirdAsked = resolve));
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('_changes')) asked.push(new URL(String(input)).searchParams.get('since') ?? '');
      if (asked.length === 3) thirdAsked();
      return fetch(input, init);
    };
    const feed = changesFeed(createCouchClient({ ...settings(), fetch: counting }), null, 10, 2);
    const first = await feed.next();
    expect(first?.results).toHaveLength(10);
    // Page 1 is held, not applied yet: pages 2 and 3 are asked for all the same, one after the other.
    await third;
    expect(asked).toHaveLength(3);
    expect((await feed.next())?.results).toHaveLength(10);
    const last = await feed.next();
    expect(last?.results).toHaveLength(5);
    expect(await feed.next()).toBeNull();
    expect(asked).toHaveLength(3);
  });

  it('stops a pull where the server went away, keeps the pages stored, and completes it next time', async () => {
    const a = device();
    const b = device();
    await putAnnotations(a, many(30));
    await sync(a);
    let changesRequests = 0;
    const goneAfterTwo: typeof fetch = async (input, init) => {
      if (String(input).includes('_changes') && ++changesRequests >= 3) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    expect(await sync(b, {}, goneAfterTwo, 10)).toMatchObject({ ok: false, failure: { kind: 'unreachable' } });
    expect(await b.annotations.count()).toBe(20);
    expect((await readSyncStatus(b)).checkpoint).not.toBeNull();
    expect(await sync(b, {}, undefined, 10)).toMatchObject({ ok: true, pulled: 10, pushed: 0 });
    expect(await b.annotations.count()).toBe(30);
    expect(await b.libraryIndex.count()).toBe(30);
    expect(await b.outbox.count()).toBe(0);
    expect(await server.allDocs(database)).toHaveLength(30);
  });

  it('converges with no duplicate after the server stops in the middle of a push', async () => {
    const a = device();
    await putAnnotations(a, many(2000));
    let requests = 0;
    server.onBulkDocs = () => {
      requests++;
      if (requests === 3) void server.stop();
    };
    const failed = await sync(a, {}, undefined, 200);
    server.onBulkDocs = null;
    expect(failed.ok).toBe(false);
    const status = await readSyncStatus(a);
    expect(status.lastError).toMatch(/could not be reached/);
    expect(status.failures).toBe(1);
    expect(Date.parse(status.nextAttemptAt!)).toBeGreaterThan(Date.now());
    const pending = await a.outbox.count();
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(2000);

    await server.start();
    expect(await sync(a, {}, undefined, 200)).toMatchObject({ ok: true });
    expect(await a.outbox.count()).toBe(0);
    const docs = await server.allDocs(database);
    expect(docs).toHaveLength(2000);
    expect(new Set(docs.map((d) => d.id)).size).toBe(2000);
    expect((await readSyncStatus(a)).failures).toBe(0);
  });

  it('converges when the worker stops after the server took a batch but before it was confirmed', async () => {
    const a = device();
    await putAnnotations(a, many(300));
    let posts = 0;
    // The server answers, but the worker "dies" before it reads the answer of the second batch.
    const dying: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && String(input).includes('_bulk_docs') && ++posts === 2) throw new TypeError('worker stopped');
      return response;
    };
    expect((await sync(a, {}, dying, 100)).ok).toBe(false);
    expect(await a.outbox.count()).toBe(200);
    expect(await server.allDocs(database)).toHaveLength(200);
    expect(await sync(a, {}, undefined, 100)).toMatchObject({ ok: true });
    expect(await a.outbox.count()).toBe(0);
    expect(await server.allDocs(database)).toHaveLength(300);
  });

  it('gives up on a server that does not answer in time, and converges on the next run', async () => {
    const a = device();
    await putAnnotations(a, many(20));
    let release = () => undefined as void;
    server.onBulkDocs = () => new Promise<void>((resolve) => (release = resolve));
    const result = await sync(a, {}, undefined, 500, 300);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect((await readSyncStatus(a)).lastError).toMatch(/did not answer within/);
    expect(await a.outbox.count()).toBe(20);
    // The held request reaches the server after all: the next run meets its documents, no duplicates.
    server.onBulkDocs = null;
    release();
    expect(await sync(a)).toMatchObject({ ok: true });
    expect(await a.outbox.count()).toBe(0);
    expect(await server.allDocs(database)).toHaveLength(20);
  });

  it('keeps everything through a 5xx and converges after it', async () => {
    const a = device();
    await putAnnotations(a, many(10));
    server.onBulkDocs = (res) => {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ error: 'service_unavailable', reason: 'maintenance' }));
      return 'handled';
    };
    expect(await sync(a)).toMatchObject({ ok: false, failure: { kind: 'server-error', status: 503 } });
    expect((await readSyncStatus(a)).lastError).toMatch(/failed \(503: service_unavailable: maintenance\)/);
    expect(await a.outbox.count()).toBe(10);
    server.onBulkDocs = null;
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 10 });
  });

  it('reports a wrong password in words and loses nothing', async () => {
    const a = device();
    await putAnnotations(a, many(5));
    const result = await sync(a, { auth: { kind: 'password', username: 'ana', password: 'wrong' } });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorized' } });
    expect((await readSyncStatus(a)).lastError).toMatch(/refused the user name or password/);
    expect(await a.outbox.count()).toBe(5);
    expect(await a.annotations.count()).toBe(5);
    expect(await sync(a)).toMatchObject({ ok: true, pushed: 5 });
  });

  it('reports an unknown database, and a server that is down, in words', async () => {
    const a = device();
    expect(await sync(a, { database: 'no-such-desk' })).toMatchObject({ ok: false, failure: { kind: 'not-found' } });
    expect((await readSyncStatus(a)).lastError).toMatch(/database does not exist/);
    expect(await sync(a, { serverUrl: 'http://127.0.0.1:9' })).toMatchObject({ ok: false, failure: { kind: 'unreachable' } });
    expect(await sync(a, { serverUrl: 'http://127.0.0.1:9' })).toMatchObject({ ok: false });
    const status = await readSyncStatus(a);
    expect(status.lastError).toMatch(/could not be reached/);
    // Failures in a row against the same server back off further.
    expect(status.failures).toBe(2);
  });

  it('sends only records marked shared when set to, and keeps the private ones home', async () => {
    const a = device();
    await saveAnnotation(a, makeAnnotation({ id: 'private' }));
    await saveAnnotation(a, makeAnnotation({ id: 'team', shared: true }));
    expect(await sync(a, { share: 'shared-only' })).toMatchObject({ ok: true, pushed: 1 });
    expect((await server.allDocs(database)).map((d) => d.id)).toEqual(['annotation:team']);
    expect(await a.annotations.count()).toBe(2);
    expect(await a.outbox.count()).toBe(0);
    // Switched to everything: the one left home goes too.
    expect(await sync(a, { share: 'everything' })).toMatchObject({ ok: true, pushed: 2 });
    expect((await server.allDocs(database)).map((d) => d.id)).toEqual(['annotation:private', 'annotation:team']);
  });

  it('sends everything again to a new database', async () => {
    const a = device();
    await putAnnotations(a, many(3));
    await sync(a);
    const other = `desk-${crypto.randomUUID().slice(0, 8)}`;
    await server.createDatabase(other);
    expect(await sync(a, { database: other })).toMatchObject({ ok: true, pushed: 3 });
    expect(await server.allDocs(other)).toHaveLength(3);
  });
});
