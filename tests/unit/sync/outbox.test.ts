import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteAnnotations, putAnnotations, restoreAnnotations, retagAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import { DB_VERSION, openDb, SCHEMA_V1, SCHEMA_V2 } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { drainPendingIndex } from '../../../lib/store/library-pending';
import { shareSource } from '../../../lib/store/sharing';
import { deleteUserSource, rateSource, saveUserSource } from '../../../lib/store/sources';
import { applyRemoteDocs, confirmPushed, readPending, readPullMemory } from '../../../lib/store/sync-store';
import { libraryTablesOf } from '../../../lib/store/library-index';
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
      // Annotations get theirs when the library indexes the import, in that same transaction.
      expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual([`source:${makeSource().id}`]);
      await drainPendingIndex(db);
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
  it('remembers no table with more rows than its limit', async () => {
    const db = openTestDb();
    try {
      await putAnnotations(db, [makeAnnotation({ id: 'p' }), makeAnnotation({ id: 'q' })]);
      await db.syncRevs.put({ docId: 'annotation:p', rev: '1-p' });
      expect(await readPullMemory(db, 1)).toEqual({ revs: new Map([['annotation:p', '1-p']]), annotationIds: null, smallOutbox: true });
      expect((await readPullMemory(db, 2)).annotationIds).toEqual(new Set(['p', 'q']));
    } finally {
      await db.delete();
    }
  });

  it('looks documents up in an outbox holding more entries than the page, and still merges', async () => {
    const db = openTestDb();
    try {
      for (const id of ['u', 'v', 'w']) await saveAnnotation(db, makeAnnotation({ id, note: `${id}, mine` }), new Date('2024-06-10T00:00:00Z'));
      const memory = await readPullMemory(db, 100);
      const theirs = { ...(await db.annotations.get('v'))!, note: 'v, theirs', updatedAt: '2024-06-01T00:00:00.000Z' };
      expect(await applyRemoteDocs(db, [{ ...annotationDoc(theirs), _rev: '1-v' }], '1', memory)).toEqual({ applied: 0, merged: 1 });
      expect(memory.smallOutbox).toBe(false);
      const kept = await db.annotations.get('v');
      expect(kept?.note).toBe('v, mine');
      expect(kept?.history?.[0]?.annotation.note).toBe('v, theirs');
      expect(await db.outbox.count()).toBe(3);
    } finally {
      await db.delete();
    }
  });

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

  it.each([
    ['looking each document up', false],
    ['with a pull’s memory of what the device holds', true],
  ])('applies a page mixing unseen records, known ones, echoes and unsent edits, each by its rule, library counters included (%s)', async (_how, remember) => {
    const db = openTestDb();
    try {
      const at = (day: number) => `2024-06-${String(day).padStart(2, '0')}T00:00:00.000Z`;
      // Known and synced: c (server has a newer version coming), a (the page brings our own write back).
      const a = makeAnnotation({ id: 'a', note: 'a, as sent', tags: ['x'], url: 'https://one.example/a' });
      const c = makeAnnotation({ id: 'c', note: 'c, old', tags: ['x'], url: 'https://one.example/c' });
      await putAnnotations(db, [a, c]);
      await db.outbox.clear();
      await db.syncRevs.bulkPut([{ docId: 'annotation:a', rev: '1-a' }, { docId: 'annotation:c', rev: '1-c' }]);
      // An unsent local edit, newer than what the server has.
      const e = await saveAnnotation(db, makeAnnotation({ id: 'e', note: 'e, mine' }), new Date(at(10)));
      const page = [
        { ...annotationDoc({ ...e, note: 'e, theirs', updatedAt: at(5) }), _rev: '2-e' },
        { ...annotationDoc(makeAnnotation({ id: 'b', note: 'b, new', tags: ['y'], url: 'https://two.example/b' })), _rev: '1-b' },
        { ...annotationDoc({ ...a, note: 'stale echo' }), _rev: '1-a' },
        { ...annotationDoc(makeAnnotation({ id: 'd', note: 'd, new', url: 'https://two.example/d' })), _rev: '1-d' },
        { ...annotationDoc({ ...c, note: 'c, new', tags: ['y'], updatedAt: at(3) }), _rev: '2-c' },
      ];
      const memory = remember ? await readPullMemory(db, 100) : undefined;
      const summary = await applyRemoteDocs(db, page, '42', memory);

      expect(summary).toEqual({ applied: 3, merged: 1 });
      const stored = new Map((await db.annotations.toArray()).map((x) => [x.id, x]));
      expect([...stored.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(stored.get('a')?.note).toBe('a, as sent');
      expect(stored.get('b')?.note).toBe('b, new');
      expect(stored.get('c')?.note).toBe('c, new');
      expect(stored.get('d')?.note).toBe('d, new');
      expect(stored.get('e')?.note).toBe('e, mine');
      expect(stored.get('e')?.history?.[0]?.annotation.note).toBe('e, theirs');
      // Only the merged edit waits to be sent, over the server's revision; nothing pulled echoed.
      expect((await db.outbox.toArray()).map((x) => x.docId)).toEqual(['annotation:e']);
      expect(Object.fromEntries((await db.syncRevs.toArray()).map((r) => [r.docId, r.rev]))).toEqual({
        'annotation:a': '1-a',
        'annotation:b': '1-b',
        'annotation:c': '2-c',
        'annotation:d': '1-d',
        'annotation:e': '2-e',
      });
      expect((await db.syncStatus.get('status'))?.checkpoint).toBe('42');
      // The library's derived tables are what a rebuild from the annotations gives.
      const rebuilt = libraryTablesOf([...stored.values()]);
      expect(await db.libraryIndex.orderBy('key').toArray()).toEqual([...rebuilt.index].sort((x, y) => (x.key < y.key ? -1 : 1)));
      expect(await db.libraryFacets.orderBy('key').toArray()).toEqual(rebuilt.facets);
      if (memory) {
        // Brought up to date with what the page stored, as the next page will need it.
        expect(memory.revs?.get('annotation:b')).toBe('1-b');
        expect(memory.revs?.get('annotation:c')).toBe('2-c');
        expect([...(memory.annotationIds ?? [])].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
      }
    } finally {
      await db.delete();
    }
  });
});
