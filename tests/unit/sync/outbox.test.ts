import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteAnnotations, putAnnotations, restoreAnnotations, retagAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import { DB_VERSION, openDb, SCHEMA_V1, SCHEMA_V2 } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { shareSource } from '../../../lib/store/sharing';
import { deleteUserSource, rateSource, saveUserSource } from '../../../lib/store/sources';
import { applyRemoteDocs, confirmPushed, readPending } from '../../../lib/store/sync-store';
import { annotationDoc } from '../../../lib/sync/docs';
import { makeAnnotation, makeRating, makeSource, openTestDb } from '../support/store-fixtures';

describe('schema version 3', () => {
  it('opens a version-2 database, keeps its data, and queues every record for the first sync', async () => {
    const name = `sourcemark-v3-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const a = makeAnnotation({ id: 'a1' });
    const tomb = makeAnnotation({ id: 'a2', deletedAt: '2024-05-04T00:00:00.000Z' });
    const source = makeSource({ rating: makeRating() });
    await v2.table('annotations').bulkPut([a, tomb]);
    await v2.table('sources').bulkPut([source]);
    v2.close();

    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      expect(await db.annotations.toArray()).toEqual([a, tomb]);
      expect(await db.sources.toArray()).toEqual([source]);
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual(['annotation:a1', 'annotation:a2', `source:${source.id}`]);
      expect(await db.syncRevs.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});

describe('the outbox', () => {
  it('gets one entry per changed record from every annotation write path, in the same transaction', async () => {
    const db = openTestDb();
    try {
      await saveAnnotation(db, makeAnnotation({ id: 'a' }));
      await putAnnotations(db, [makeAnnotation({ id: 'b' }), makeAnnotation({ id: 'c' })]);
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual(['annotation:a', 'annotation:b', 'annotation:c']);
      await db.outbox.clear();
      await retagAnnotations(db, ['a'], { add: 'x' });
      await deleteAnnotations(db, ['b']);
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual(['annotation:a', 'annotation:b']);
      await db.outbox.clear();
      await restoreAnnotations(db, ['b']);
      expect((await db.outbox.toArray()).map((e) => e.docId)).toEqual(['annotation:b']);
    } finally {
      await db.delete();
    }
  });

  it('gets an entry from every source write path', async () => {
    const db = openTestDb();
    try {
      await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating());
      await saveUserSource(db, { name: 'Daily Planet', aliases: [], type: 'newspaper-broadcaster' });
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual(['source:daily-planet', 'source:kcna']);
      await db.outbox.clear();
      await deleteUserSource(db, 'daily-planet');
      expect((await db.outbox.toArray()).map((e) => e.docId)).toEqual(['source:daily-planet']);
    } finally {
      await db.delete();
    }
  });

  it('gets an entry when a source is marked shared or private', async () => {
    const db = openTestDb();
    try {
      const shared = await shareSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, true);
      expect(shared).toMatchObject({ id: 'kcna', builtin: true, shared: true });
      expect((await db.outbox.toArray()).map((e) => e.docId)).toEqual(['source:kcna']);
      await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating());
      expect((await db.sources.get('kcna'))?.shared).toBe(true);
      expect((await shareSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, false)).shared).toBeUndefined();
      expect((await db.sources.get('kcna'))?.rating).toEqual(makeRating());
    } finally {
      await db.delete();
    }
  });

  it('gets an entry for every record an import writes, and none for records it leaves', async () => {
    const db = openTestDb();
    try {
      await saveAnnotation(db, makeAnnotation({ id: 'kept' }));
      await db.outbox.clear();
      const plan = await planImport(db, { annotations: [makeAnnotation({ id: 'kept' }), makeAnnotation({ id: 'new' })], sources: [makeSource()] });
      await applyImportPlan(db, plan);
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual(['annotation:new', `source:${makeSource().id}`]);
    } finally {
      await db.delete();
    }
  });

  it('writes nothing, outbox included, when the change fails', async () => {
    const db = openTestDb();
    try {
      await expect(saveUserSource(db, { id: 'nope', name: 'X', aliases: [], type: 'other' })).rejects.toThrow();
      expect(await db.outbox.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });

  it('keeps an entry whose record changed while its push was in flight', async () => {
    const db = openTestDb();
    try {
      await saveAnnotation(db, makeAnnotation({ id: 'a', note: 'one' }));
      const [sent] = await readPending(db, ['annotation:a']);
      await saveAnnotation(db, makeAnnotation({ id: 'a', note: 'two' }));
      await confirmPushed(db, [{ docId: 'annotation:a', rev: '1-x', token: sent!.entry.token }]);
      expect(await db.outbox.count()).toBe(1);
      expect(await db.syncRevs.get('annotation:a')).toEqual({ docId: 'annotation:a', rev: '1-x' });
      const [again] = await readPending(db, ['annotation:a']);
      await confirmPushed(db, [{ docId: 'annotation:a', rev: '2-y', token: again!.entry.token }]);
      expect(await db.outbox.count()).toBe(0);
    } finally {
      await db.delete();
    }
  });
});

describe('applying server documents (pull)', () => {
  it('stores them without echoing them into the outbox, and checkpoints in the same transaction', async () => {
    const db = openTestDb();
    try {
      const remote = makeAnnotation({ id: 'r', note: 'from a colleague' });
      await applyRemoteDocs(db, [{ ...annotationDoc(remote), _rev: '1-r' }], '7');
      expect(await db.annotations.get('r')).toEqual(remote);
      expect(await db.outbox.count()).toBe(0);
      expect((await db.syncStatus.get('status'))?.checkpoint).toBe('7');
      expect(await db.libraryIndex.count()).toBe(1);
    } finally {
      await db.delete();
    }
  });

  it('skips its own write coming back, and merges into an unsent local edit', async () => {
    const db = openTestDb();
    try {
      const mine = await saveAnnotation(db, makeAnnotation({ id: 'm', note: 'mine' }), new Date('2024-06-01T00:00:00Z'));
      await db.syncRevs.put({ docId: 'annotation:m', rev: '1-m' });
      const echo = await applyRemoteDocs(db, [{ ...annotationDoc({ ...mine, note: 'stale echo' }), _rev: '1-m' }]);
      expect(echo).toEqual({ applied: 0, merged: 0 });
      const older = { ...mine, note: 'theirs', updatedAt: '2024-05-31T00:00:00.000Z' };
      await applyRemoteDocs(db, [{ ...annotationDoc(older), _rev: '2-t' }]);
      const merged = await db.annotations.get('m');
      expect(merged?.note).toBe('mine');
      expect(merged?.history?.[0]?.annotation.note).toBe('theirs');
      // Still to send, now over the server's revision.
      expect(await db.outbox.count()).toBe(1);
      expect((await db.syncRevs.get('annotation:m'))?.rev).toBe('2-t');
    } finally {
      await db.delete();
    }
  });
});
