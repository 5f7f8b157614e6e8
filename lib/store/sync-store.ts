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
import { libraryWriteTables, writeAnnotationRows } from './library-index';
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
 * Apply documents from the server (a `_changes` page, or the current versions after a push
 * conflict) in one transaction, and move the checkpoint to `checkpoint` in it when given, so
 * a page is applied and checkpointed together or not at all.
 *
 * - A document whose revision is the one last seen is our own write coming back: skipped.
 * - No unsent local edit: the server's version is stored as it is.
 * - An unsent local edit: the merge rule (lib/sync/merge.ts) decides; the result is stored, the
 *   revision remembered, and the outbox entry kept only if the result differs from the server's
 *   version (then it is sent next, as an update of that revision).
 * None of these writes goes into the outbox as a new change.
 */
export async function applyRemoteDocs(db: SourcemarkDb, docs: readonly SyncDoc[], checkpoint?: string): Promise<ApplySummary> {
  const summary: ApplySummary = { applied: 0, merged: 0 };
  await db.transaction('rw', [...libraryWriteTables(db), db.sources, db.outbox, db.syncRevs, db.syncStatus], async () => {
    const revs = await db.syncRevs.bulkGet(docs.map((d) => d._id));
    const entries = await db.outbox.bulkGet(docs.map((d) => d._id));
    const fresh = docs.filter((doc, i) => doc._rev !== undefined && revs[i]?.rev !== doc._rev);
    const pendingById = new Map(entries.filter((e): e is OutboxEntry => e !== undefined).map((e) => [e.docId, e] as const));

    const annotationDocs = fresh.filter((d) => d.kind === 'annotation');
    const locals = await db.annotations.bulkGet(annotationDocs.map((d) => d.annotation.id));
    const annotationWrites: [Annotation | undefined, Annotation][] = [];
    const settled: string[] = [];
    annotationDocs.forEach((doc, i) => {
      const local = locals[i];
      const remote = doc.annotation;
      const pending = pendingById.get(doc._id);
      if (!pending || !local) {
        if (!local || !sameJson(local, remote)) annotationWrites.push([local, remote]);
        if (pending) settled.push(doc._id);
        summary.applied++;
        return;
      }
      const merged = mergeAnnotations(local, remote);
      if (!sameJson(merged, local)) annotationWrites.push([local, merged]);
      if (sameJson(merged, remote)) settled.push(doc._id);
      summary.merged++;
    });
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

    await db.syncRevs.bulkPut(fresh.map((doc) => ({ docId: doc._id, rev: doc._rev as string })));
    await db.outbox.bulkDelete(settled);
    if (checkpoint !== undefined) {
      const status = await readSyncStatus(db);
      await db.syncStatus.put({ ...status, checkpoint });
    }
  });
  return summary;
}
