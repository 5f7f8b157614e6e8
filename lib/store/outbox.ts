/**
 * The sync outbox: every local change of an annotation or a source is recorded here, in the
 * same transaction as the change itself, so a change and its "to be sent" note are stored
 * together or not at all. Sync removes an entry only once the server confirmed it.
 *
 * Writes that come from the sync server (lib/store/sync-apply.ts) do not call this: they must
 * not be echoed back.
 */
import { docIdOf, type SyncKind } from '../sync/docs';
import type { OutboxEntry } from '../sync/state';
import type { SourcemarkDb } from './db';

/** Outbox entries for records of one kind changed at `now`, each with a fresh token. */
export function outboxEntriesFor(kind: SyncKind, ids: readonly string[], now: Date): OutboxEntry[] {
  const queuedAt = now.toISOString();
  return [...new Set(ids)].map((id) => ({ docId: docIdOf(kind, id), kind, id, token: crypto.randomUUID(), queuedAt }));
}

/**
 * Record that these records changed. Must run inside a read-write transaction that includes
 * `db.outbox` (the caller's own, which also writes the change). An earlier entry of the same
 * record is replaced: the push sends each record as it is when sent.
 */
export async function queueChanges(db: SourcemarkDb, kind: SyncKind, ids: readonly string[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db.outbox.bulkPut(outboxEntriesFor(kind, ids, now));
}

/** How many changes wait to be sent. */
export function pendingCount(db: SourcemarkDb): Promise<number> {
  return db.outbox.count();
}
