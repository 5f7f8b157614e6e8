/**
 * What sync keeps between runs (in Dexie, since the MV3 worker may stop at any moment): the
 * outbox of local changes still to send, the server revision of each record, and one status row
 * with the pull checkpoint and what the popup and options show.
 */
import type { SyncKind } from './docs';
import type { ShareMode } from './settings';

/**
 * A local change waiting to be sent. One entry per record (keyed by its document id): a second
 * edit before a push replaces the entry, and the push sends the record as it is then.
 */
export type OutboxEntry = {
  /** The record's CouchDB `_id` (`annotation:<uuid>`, `source:<slug>`). */
  docId: string;
  kind: SyncKind;
  /** The record's id in its table. */
  id: string;
  /**
   * Unique per enqueue: a push removes the entry only if it still carries the token it read,
   * so an edit made while a batch was in flight is not dropped by that batch's confirmation.
   */
  token: string;
  /** ISO 8601 time of the change; also the removal time of a source row deleted outright. */
  queuedAt: string;
};

/** The server revision last seen for a record. */
export type RemoteRev = {
  docId: string;
  /** CouchDB `_rev`. */
  rev: string;
};

/** The one status row's key. */
export const SYNC_STATUS_KEY = 'status';

/** Progress and outcome of sync, kept across worker restarts. */
export type SyncStatus = {
  key: typeof SYNC_STATUS_KEY;
  /** `server/database` the checkpoint and revisions belong to (see `targetOf`); null before the first run. */
  target: string | null;
  /** What the last run shared; a switch to `everything` puts every record in the outbox again (the private ones were left out). */
  share?: ShareMode;
  /** The `_changes` sequence pulled up to, for `target`; null: from the start. */
  checkpoint: string | null;
  /** ISO time of the last run that finished without error. */
  lastSyncAt: string | null;
  /** ISO time the last run started. */
  lastAttemptAt: string | null;
  /** The last run's failure in words; null when it succeeded. */
  lastError: string | null;
  /** Failed runs in a row (0 after a success): drives the backoff. */
  failures: number;
  /** ISO time before which scheduled runs wait (backoff); null: any time. */
  nextAttemptAt: string | null;
  /** Documents sent and received by the last successful run. */
  lastPushed: number;
  lastPulled: number;
  /** Documents from the server that were not taken (invalid or from a newer version), in words; the latest few. */
  rejected: string[];
};

/** The status before any run. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  key: SYNC_STATUS_KEY,
  target: null,
  checkpoint: null,
  lastSyncAt: null,
  lastAttemptAt: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  lastPushed: 0,
  lastPulled: 0,
  rejected: [],
};
