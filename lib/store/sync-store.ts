/**
 * Sync's side of the database: reading what to send, applying what the server sent (without
 * echoing it into the outbox), confirming what the server accepted, and the status row. Each
 * function is one transaction, so a worker stopped between two of them leaves a state the next
 * run continues from: at worst it sends a document again, which the server answers with a
 * conflict that resolves to "same content" (no duplicate: document ids are deterministic).
 */
import type { Annotation, Source } from '../model';
import { sameJson } from '../exchange/merge-plan';
import { docIdOf, type SyncDoc } from '../sync/docs';
import { mergeAnnotations, mergeSources } from '../sync/merge';
import { INITIAL_SYNC_STATUS, SYNC_STATUS_KEY, type OutboxEntry, type SyncStatus } from '../sync/state';
import type { SourcemarkDb } from './db';
import { writeAnnotationRows } from './annotation-writes';
import { libraryWriteTables } from './library-index';
import { outboxEntriesFor } from './outbox';

/** The status row (the initial one before any run). */
export async function readSyncStatus(db: SourcemarkDb): Promise<SyncStatus> {
  return (await db.syncStatus.get(SYNC_STATUS_KEY)) ?? INITIAL_SYNC_STATUS;
}

/** Change the status row. */
export async function updateSyncStatus(db: SourcemarkDb, change: (status: SyncStatus) => SyncStatus): Promise<SyncStatus> {
  return db.transaction('rw', db.syncStatus, async () => {
    const next = change(await readSyncStatus(db));
    await db.syncStatus.put(next);
    return next;
  });
}

/**
 * Point sync at another server or database: forget the checkpoint and the known revisions (they
 * belong to the old one) and, when there was an old one, put every record in the outbox, so the
 * new store gets everything. Before the first run the outbox already holds every record (the
 * version-3 upgrade queued what existed, and every write since queued itself).
 */
export async function resetSyncTarget(db: SourcemarkDb, target: string, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.annotations, db.sources, db.outbox, db.syncRevs, db.syncStatus], async () => {
    await db.syncRevs.clear();
    if ((await readSyncStatus(db)).target !== null) await queueEverything(db, now);
    const status = await readSyncStatus(db);
    await db.syncStatus.put({ ...status, target, checkpoint: null, failures: 0, nextAttemptAt: null });
  });
}

/** Put every annotation and source in the outbox (a new target, or sharing switched to everything). */
export async function queueEverything(db: SourcemarkDb, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.annotations, db.sources, db.outbox], async () => {
    const annotationIds = (await db.annotations.toCollection().primaryKeys()) as string[];
    const sourceIds = (await db.sources.toCollection().primaryKeys()) as string[];
    await db.outbox.bulkPut([...outboxEntriesFor('annotation', annotationIds, now), ...outboxEntriesFor('source', sourceIds, now)]);
  });
}

/** An outbox entry with the record as stored now (null: an annotation or source row that is gone) and its known server revision. */
export type PendingRecord = { entry: OutboxEntry; record: Annotation | Source | null; rev: string | undefined };

/** Every outbox key, oldest change first: a push walks this snapshot, so entries it keeps are not read twice. */
export async function outboxKeys(db: SourcemarkDb): Promise<string[]> {
  return (await db.outbox.orderBy('queuedAt').primaryKeys()) as string[];
}

/** The outbox entries with these keys (gone ones skipped), with their records and revisions, in one read transaction. */
export async function readPending(db: SourcemarkDb, docIds: readonly string[]): Promise<PendingRecord[]> {
  return db.transaction('r', [db.outbox, db.annotations, db.sources, db.syncRevs], async () => {
    const entries = (await db.outbox.bulkGet([...docIds])).filter((e): e is OutboxEntry => e !== undefined);
    const annotationIds = entries.filter((e) => e.kind === 'annotation').map((e) => e.id);
    const sourceIds = entries.filter((e) => e.kind === 'source').map((e) => e.id);
    const [annotations, sources, revs] = await Promise.all([
      db.annotations.bulkGet(annotationIds),
      db.sources.bulkGet(sourceIds),
      db.syncRevs.bulkGet(entries.map((e) => e.docId)),
    ]);
    const byId = new Map<string, Annotation | Source>();
    for (const a of annotations) if (a) byId.set(docIdOf('annotation', a.id), a);
    for (const s of sources) if (s) byId.set(docIdOf('source', s.id), s);
    return entries.map((entry, i) => ({ entry, record: byId.get(entry.docId) ?? null, rev: revs[i]?.rev }));
  });
}

/** A document the server accepted: its new revision and the outbox token that was sent. */
export type Confirmed = { docId: string; rev: string; token: string };

/**
 * Record the server's confirmation: store each new revision, and remove each outbox entry that
 * still carries the token sent (an entry changed meanwhile stays, to be sent again).
 */
export async function confirmPushed(db: SourcemarkDb, confirmed: readonly Confirmed[]): Promise<void> {
  if (confirmed.length === 0) return;
  await db.transaction('rw', db.outbox, db.syncRevs, async () => {
    await db.syncRevs.bulkPut(confirmed.map(({ docId, rev }) => ({ docId, rev })));
    const entries = await db.outbox.bulkGet(confirmed.map((c) => c.docId));
    const done = confirmed.filter((c, i) => entries[i]?.token === c.token).map((c) => c.docId);
    await db.outbox.bulkDelete(done);
  });
}

/** Remove outbox entries that are not to be sent (private records when only shared ones sync), if unchanged since read. */
export async function dropUnsent(db: SourcemarkDb, entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.bulkGet(entries.map((e) => e.docId));
    await db.outbox.bulkDelete(entries.filter((e, i) => current[i]?.token === e.token).map((e) => e.docId));
  });
}

/** What applying server documents did. */
export type ApplySummary = {
  /** Documents that changed a local record. */
  applied: number;
  /** Documents met by an unsent local edit and merged (the merge rule decided). */
  merged: number;
};

/**
 * What a pull remembers, for the length of one run, about what this device holds, so each page
 * need not ask the database once per document (three `get`s per document, most of them finding
 * nothing on a device's first pull). Exact, not a guess, because of who writes what:
 * - `syncRevs` is written only by sync, and runs never overlap: the revisions read when the pull
 *   starts, plus those each page stores, are all there are.
 * - An annotation is created either by sync (each page adds what it stores) or by a local write,
 *   which queues an outbox entry in the same transaction; no entry leaves the outbox during a
 *   pull but the ones a page settles. So a document that is neither remembered nor in the outbox
 *   (which every page reads afresh) has no local annotation. Annotations are never removed
 *   (deletions are tombstones); one that was would only cost a lookup that finds nothing.
 * A table with more rows than the pull is likely to save lookups (`readPullMemory`'s limit) is
 * not remembered (null): pages then look its documents up, as without a memory.
 */
export type PullMemory = {
  /** Server revision by document id; null: not remembered. */
  revs: Map<string, string> | null;
  /** Ids of the stored annotations; null: not remembered. */
  annotationIds: Set<string> | null;
  /** False once the outbox held more entries than a page has documents: pages then look their documents up in it. */
  smallOutbox: boolean;
};

/**
 * Start a pull's memory (see `PullMemory`): the known revisions and the annotation ids, each
 * only if the table holds at most `limit` rows. One read, of keys and small rows.
 */
export async function readPullMemory(db: SourcemarkDb, limit: number): Promise<PullMemory> {
  return db.transaction('r', [db.syncRevs, db.annotations], async () => {
    const [revs, ids] = await Promise.all([db.syncRevs.limit(limit + 1).toArray(), db.annotations.toCollection().limit(limit + 1).primaryKeys()]);
    return {
      revs: revs.length > limit ? null : new Map(revs.map((r) => [r.docId, r.rev] as const)),
      annotationIds: ids.length > limit ? null : new Set(ids as string[]),
      smallOutbox: true,
    };
  });
}

/**
 * Apply documents from the server (a `_changes` page, or the current versions after a push
 * conflict) in one transaction, and move the checkpoint to `checkpoint` in it when given, so
 * a page is applied and checkpointed together or not at all. `memory`: the pull's (see
 * `PullMemory`), read before its first page and brought up to date here once a page is stored.
 *
 * - A document whose revision is the one last seen is our own write coming back: skipped.
 * - No unsent local edit: the server's version is stored as it is.
 * - An unsent local edit: the merge rule (lib/sync/merge.ts) decides; the result is stored, the
 *   revision remembered, and the outbox entry kept only if the result differs from the server's
 *   version (then it is sent next, as an update of that revision).
 * None of these writes goes into the outbox as a new change.
 */
export async function applyRemoteDocs(db: SourcemarkDb, docs: readonly SyncDoc[], checkpoint?: string, memory?: PullMemory): Promise<ApplySummary> {
  const summary: ApplySummary = { applied: 0, merged: 0 };
  const stored: { revs: [string, string][]; annotationIds: string[] } = { revs: [], annotationIds: [] };
  await db.transaction('rw', [...libraryWriteTables(db), db.sources, db.syncRevs, db.syncStatus], async () => {
    const ids = docs.map((d) => d._id);
    const [revs, entries] = await Promise.all([knownRevs(db, ids, memory), outboxEntries(db, ids, memory)]);
    const fresh = docs.filter((doc, i) => doc._rev !== undefined && revs[i] !== doc._rev);
    const pendingById = new Map(entries.map((e) => [e.docId, e] as const));

    const annotationDocs = fresh.filter((d) => d.kind === 'annotation');
    const remembered = memory?.annotationIds;
    // Only documents that may have a local annotation are looked up (see `PullMemory`).
    const lookups = remembered ? annotationDocs.filter((d) => remembered.has(d.annotation.id) || pendingById.has(d._id)) : annotationDocs;
    const found = await db.annotations.bulkGet(lookups.map((d) => d.annotation.id));
    const localById = new Map(found.filter((a): a is Annotation => a !== undefined).map((a) => [a.id, a] as const));
    const annotationWrites: [Annotation | undefined, Annotation][] = [];
    const settled: string[] = [];
    for (const doc of annotationDocs) {
      const local = localById.get(doc.annotation.id);
      const remote = doc.annotation;
      const pending = pendingById.get(doc._id);
      if (!pending || !local) {
        if (!local || !sameJson(local, remote)) annotationWrites.push([local, remote]);
        if (pending) settled.push(doc._id);
        summary.applied++;
        continue;
      }
      const merged = mergeAnnotations(local, remote);
      if (!sameJson(merged, local)) annotationWrites.push([local, merged]);
      if (sameJson(merged, remote)) settled.push(doc._id);
      summary.merged++;
    }
    await writeAnnotationRows(db, annotationWrites);

    const sourceDocs = fresh.filter((d) => d.kind === 'source');
    const localSources = await db.sources.bulkGet(sourceDocs.map((d) => d._id.slice('source:'.length)));
    for (const [i, doc] of sourceDocs.entries()) {
      const id = doc._id.slice('source:'.length);
      const local = localSources[i] ?? null;
      const pending = pendingById.get(doc._id);
      const result = pending ? mergeSources(local, pending.queuedAt, doc.source, doc.updatedAt) : doc.source;
      if (pending) summary.merged++;
      else summary.applied++;
      if (!sameJson(result, local)) {
        if (result === null) await db.sources.delete(id);
        else await db.sources.put(result);
      }
      if (pending && sameJson(result, doc.source)) settled.push(doc._id);
    }

    stored.revs = fresh.map((doc) => [doc._id, doc._rev as string]);
    stored.annotationIds = annotationWrites.map(([, after]) => after.id);
    await db.syncRevs.bulkPut(stored.revs.map(([docId, rev]) => ({ docId, rev })));
    await db.outbox.bulkDelete(settled);
    if (checkpoint !== undefined) {
      const status = await readSyncStatus(db);
      await db.syncStatus.put({ ...status, checkpoint });
    }
  });
  // Committed: remember what the page stored (a failed page changes neither the database nor the memory).
  for (const [docId, rev] of stored.revs) memory?.revs?.set(docId, rev);
  for (const id of stored.annotationIds) memory?.annotationIds?.add(id);
  return summary;
}

/** The known server revision of each document, in order (undefined: none): from the pull's memory, or read. */
async function knownRevs(db: SourcemarkDb, docIds: readonly string[], memory: PullMemory | undefined): Promise<(string | undefined)[]> {
  const remembered = memory?.revs;
  if (remembered) return docIds.map((id) => remembered.get(id));
  return (await db.syncRevs.bulkGet([...docIds])).map((r) => r?.rev);
}

/**
 * The outbox entries of these documents, read in this transaction (local writes go on during a
 * pull). A pull reads the whole outbox when it holds no more entries than the page has
 * documents (usually: a handful, or none): one request instead of one per document.
 */
async function outboxEntries(db: SourcemarkDb, docIds: readonly string[], memory: PullMemory | undefined): Promise<OutboxEntry[]> {
  if (docIds.length === 0) return [];
  if (memory?.smallOutbox) {
    const all = await db.outbox.limit(docIds.length + 1).toArray();
    if (all.length <= docIds.length) {
      const wanted = new Set(docIds);
      return all.filter((e) => wanted.has(e.docId));
    }
    memory.smallOutbox = false;
  }
  return (await db.outbox.bulkGet([...docIds])).filter((e): e is OutboxEntry => e !== undefined);
}
