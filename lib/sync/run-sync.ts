/**
 * One sync run: pull the server's changes since the checkpoint, then push the outbox in
 * batches, resolving conflicts by the merge rule. Runs in the background (and in Node for the
 * tests and the benchmark): the database and the HTTP client arrive as dependencies.
 *
 * Every step is its own transaction and every server write is idempotent (deterministic ids,
 * updates against a known revision), so a run cut short anywhere — server down, worker stopped,
 * browser closed — leaves the outbox holding what is not confirmed, and the next run converges.
 */
import type { Annotation, Source } from '../model';
import type { SourcemarkDb } from '../store/db';
import { applyRemoteDocs, confirmPushed, dropUnsent, outboxKeys, queueEverything, readPending, readPullMemory, readSyncStatus, resetSyncTarget, updateSyncStatus, type Confirmed, type PendingRecord, type PullMemory } from '../store/sync-store';
import { retryDelayMs } from './backoff';
import { chunk, PULL_BATCH_SIZE, PUSH_BATCH_SIZE } from './batches';
import { changesFeed } from './changes-feed';
import { CouchError, type CouchClient, type CouchFailure } from './couch-client';
import { annotationDoc, readSyncDoc, sourceDoc, type SyncDoc } from './docs';
import { targetOf, type SyncSettings } from './settings';

/** Push rounds (push, fetch conflicting documents, merge, push again) before a run gives up. */
const MAX_PUSH_ROUNDS = 5;
/** `_changes` pages fetched ahead of the one being applied: the server keeps working while the device writes. */
const PULL_PAGES_AHEAD = 2;
/**
 * How many first pages' worth of rows a pull's memory may read (`readPullMemory`): reading a
 * key costs a fraction of a lookup, so up to a few per document of the first page pays off.
 */
const PULL_MEMORY_PER_DOC = 4;
/** Rejected server documents kept in the status, newest last. */
const MAX_REJECTED_SHOWN = 5;

/** What a run needs. */
export type SyncRunDeps = {
  db: SourcemarkDb;
  /** Checked, enabled settings. */
  settings: SyncSettings;
  client: CouchClient;
  now?: () => Date;
  /** For the backoff's jitter. */
  random?: () => number;
  pushBatchSize?: number;
  pullBatchSize?: number;
};

/** How a run ended. */
export type SyncRunResult =
  | { ok: true; pushed: number; pulled: number; merged: number }
  | { ok: false; error: string; failure: CouchFailure | null };

/** Documents the server refused for a reason other than a conflict (a validation function, a permission). */
class RefusedError extends Error {}

/**
 * Run sync once and record the outcome in the status row (last sync, error in words, failures
 * in a row and the next attempt's time by the backoff). Never rejects.
 */
export async function runSync(deps: SyncRunDeps): Promise<SyncRunResult> {
  const now = deps.now ?? (() => new Date());
  const { db, settings, client } = deps;
  const target = targetOf(settings);
  let pulled = 0;
  let pushed = 0;
  let merged = 0;
  const rejected: string[] = [];
  try {
    const status = await readSyncStatus(db);
    // Pull first: the merge then sees the server's latest before anything is sent over it.
    // Where the pull starts is known now (a new target starts from the beginning; nothing below
    // moves the checkpoint), so the first page downloads while the status is brought up to date.
    const pullSize = deps.pullBatchSize ?? PULL_BATCH_SIZE;
    const pages = changesFeed(client, status.target === target ? status.checkpoint : null, pullSize, PULL_PAGES_AHEAD);
    if (status.target !== target) await resetSyncTarget(db, target, now());
    // Records left out while only shared ones synced must go now.
    else if (settings.share === 'everything' && status.share === 'shared-only') await queueEverything(db, now());
    await updateSyncStatus(db, (s) => ({ ...s, share: settings.share, lastAttemptAt: now().toISOString() }));

    // What this device holds, remembered from the first page with documents on (see PullMemory).
    let memory: PullMemory | undefined;
    // The next pages download while this one is applied (see changesFeed); each is checkpointed
    // with its own writes, in order, so a run cut short resumes after the last page stored.
    for (let page = await pages.next(); page; page = await pages.next()) {
      const docs = acceptDocs(page.results.filter((r) => !r.deleted).map((r) => r.doc), rejected);
      if (docs.length > 0) memory ??= await readPullMemory(db, PULL_MEMORY_PER_DOC * docs.length);
      const summary = await applyRemoteDocs(db, docs, page.lastSeq, memory);
      pulled += summary.applied;
      merged += summary.merged;
    }

    const pushSize = deps.pushBatchSize ?? PUSH_BATCH_SIZE;
    for (let round = 0; ; round++) {
      const conflicts: string[] = [];
      const batches = chunk(await outboxKeys(db), pushSize);
      // The next batch is read from the database while this one is on the wire; batches hold
      // different records, so the read-ahead sees what it would see afterwards.
      const readBatch = (keys: string[] | undefined) => {
        if (!keys) return null;
        const read = readPending(db, keys);
        read.catch(() => undefined); // awaited below; if the run fails first, its outcome does not matter
        return read;
      };
      let ahead = readBatch(batches[0]);
      for (let b = 0; ahead; b++) {
        const pending = await ahead;
        ahead = readBatch(batches[b + 1]);
        const { send, drop } = plan(pending, settings);
        await dropUnsent(db, drop);
        if (send.length === 0) continue;
        const results = await client.bulkDocs(send.map((s) => s.doc));
        const confirmed: Confirmed[] = [];
        const refused: string[] = [];
        results.forEach((result, i) => {
          const sent = send[i];
          if (!sent) return;
          if (result.ok) confirmed.push({ docId: sent.doc._id, rev: result.rev, token: sent.token });
          else if (result.error === 'conflict') conflicts.push(sent.doc._id);
          else refused.push(`${sent.doc._id}: ${result.error}${result.reason ? ` (${result.reason})` : ''}`);
        });
        await confirmPushed(db, confirmed);
        pushed += confirmed.length;
        if (refused.length > 0) throw new RefusedError(`The sync server refused ${refused.length} change(s), kept to retry: ${refused.slice(0, 3).join('; ')}`);
      }
      if (conflicts.length === 0) break;
      if (round + 1 >= MAX_PUSH_ROUNDS) throw new RefusedError(`${conflicts.length} record(s) kept changing on the server while syncing; they stay queued for the next run.`);
      // Someone else wrote these since we last saw them: take their versions, merge, send again.
      const current = acceptDocs(await client.getDocs(conflicts), rejected);
      const found = new Set(current.map((d) => d._id));
      const gone = conflicts.filter((id) => !found.has(id));
      // Deleted on the server by other means (Fauxton): our next write re-creates them, without a revision.
      if (gone.length > 0) await db.syncRevs.bulkDelete(gone);
      merged += (await applyRemoteDocs(db, current)).merged;
    }

    await updateSyncStatus(db, (s) => ({
      ...s,
      lastSyncAt: now().toISOString(),
      lastError: null,
      failures: 0,
      nextAttemptAt: null,
      lastPushed: pushed,
      lastPulled: pulled,
      rejected: [...s.rejected, ...rejected].slice(-MAX_REJECTED_SHOWN),
    }));
    return { ok: true, pushed, pulled, merged };
  } catch (error) {
    const failure = error instanceof CouchError ? error.failure : null;
    const words = error instanceof Error ? error.message : String(error);
    const at = now();
    await updateSyncStatus(db, (s) => {
      const failures = s.failures + 1;
      return {
        ...s,
        lastError: words,
        failures,
        nextAttemptAt: new Date(at.getTime() + retryDelayMs(failures, deps.random)).toISOString(),
        rejected: [...s.rejected, ...rejected].slice(-MAX_REJECTED_SHOWN),
      };
    }).catch(() => undefined); // The database itself failing: the returned error still says why.
    return { ok: false, error: words, failure };
  }
}

/** Server documents Sourcemark can take; the others are described into `rejected` (ids not Sourcemark's are skipped silently). */
function acceptDocs(raw: readonly unknown[], rejected: string[]): SyncDoc[] {
  const docs: SyncDoc[] = [];
  for (const item of raw) {
    const read = readSyncDoc(item);
    if (read.ok) docs.push(read.doc);
    else if (read.rejection.reason !== 'not a Sourcemark document') rejected.push(`${read.rejection.docId}: ${read.rejection.reason}`);
  }
  return docs;
}

/** A document to send and the outbox token it was read with. */
type Outgoing = { doc: SyncDoc; token: string };

/**
 * Which pending records to send, and which entries to drop unsent: with `shared-only`, records
 * not marked shared stay on this device; a removed source row is sent only if the server has it.
 */
function plan(pending: readonly PendingRecord[], settings: SyncSettings): { send: Outgoing[]; drop: PendingRecord['entry'][] } {
  const send: Outgoing[] = [];
  const drop: PendingRecord['entry'][] = [];
  for (const { entry, record, rev } of pending) {
    if (record === null) {
      if (entry.kind === 'source' && rev !== undefined) send.push({ doc: sourceDoc(entry.id, null, entry.queuedAt, rev), token: entry.token });
      else drop.push(entry);
      continue;
    }
    if (settings.share === 'shared-only' && record.shared !== true) {
      drop.push(entry);
      continue;
    }
    const doc = entry.kind === 'annotation' ? annotationDoc(record as Annotation, rev) : sourceDoc(entry.id, record as Source, entry.queuedAt, rev);
    send.push({ doc, token: entry.token });
  }
  return { send, drop };
}
