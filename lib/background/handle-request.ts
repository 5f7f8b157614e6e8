/**
 * The background's answer to every `BackgroundRequest`. Kept apart from the entry point and from
 * the extension API so tests drive it directly with fake-indexeddb.
 *
 * Exports are not made here: the extension page that asks for one builds it as a Blob and
 * downloads it itself (lib/store/exchange-export.ts, lib/background/download.ts), because a
 * Chrome service worker has no blob URLs and a `data:` URL fails beyond a few MB.
 */
import { fail, ok, parseBackgroundRequest, type BackgroundRequest, type ResponseOf, type Result, type SyncSummary } from '../messages';
import type { BackupRunResult } from '../backup/state';
import { annotationsForPage, saveAnnotation } from '../store/annotations';
import { buildManualAnnotation } from './manual-annotation';
import type { SourcemarkDb } from '../store/db';
import { drainPendingIndex } from '../store/library-pending';
import { listStoredSources } from '../store/sources';

/** What the request handler needs from the outside world; tests pass fakes. */
export type RequestHandlerDeps = {
  /** The open Sourcemark database. */
  db: SourcemarkDb;
  /** This extension's id: messages from any other sender are ignored. */
  extensionId: string;
  /** Run team sync now (lib/background/sync-service.ts); absent where there is no sync (tests of other requests). */
  syncNow?: () => Promise<{ ok: true; pushed: number; pulled: number; merged: number } | { ok: false; error: string }>;
  /** The clock; defaults to the system clock. */
  now?: () => Date;
  /** Ids for new annotations; defaults to `crypto.randomUUID`. */
  newId?: () => string;
  /** Where a failure's details go for developers (the user gets the Result's words); defaults to console.error. */
  logError?: (error: unknown) => void;
  /** Write a backup now (lib/backup/runner.ts); without it, "Back up now" says backups are unavailable. */
  runBackup?: () => Promise<BackupRunResult>;
};

/** The part of `runtime.MessageSender` the handler looks at. */
export type RequestSender = {
  /** The sending extension's id. */
  id?: string;
};

/** Handles one incoming message; `undefined` means "not ours: leave it unanswered". */
export type RequestHandler = (raw: unknown, sender: RequestSender) => Promise<Result<unknown>> | undefined;

/** What each request type was doing, so a failure message says what did not happen. */
const FAILURE_PREFIX: Record<BackgroundRequest['type'], string> = {
  'annotations:for-page': 'Could not load the saved annotations for this page',
  'sources:list': 'Could not load your sources',
  'sync:now': 'Sync failed',
  'backup:run-now': 'Backup failed',
  'annotation:save-manual': 'Could not save your annotation',
  'library:index-imported': 'Could not index the imported annotations for the library',
};

/**
 * Build the background's message handler. The returned function never rejects: a malformed
 * message or a thrown error (IndexedDB quota) becomes `{ ok: false, error }`
 * with words a user can act on, and the details go to `logError`.
 */
export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const logError = deps.logError ?? ((error: unknown) => console.error('Sourcemark background:', error));

  /** Run sync; a failed run becomes an error carrying its words (already in the status row). */
  async function syncNow(): Promise<SyncSummary> {
    if (!deps.syncNow) throw new Error('team sync is not available here');
    const outcome = await deps.syncNow();
    if (!outcome.ok) throw new Error(outcome.error);
    return { pushed: outcome.pushed, pulled: outcome.pulled, merged: outcome.merged };
  }

  /** The answer to a valid request; each branch is checked against the protocol's `ResponseOf`. */
  async function answer(request: BackgroundRequest): Promise<unknown> {
    switch (request.type) {
      case 'annotations:for-page':
        return annotationsForPage(deps.db, request.url) satisfies Promise<ResponseOf<typeof request>>;
      case 'sources:list':
        return listStoredSources(deps.db) satisfies Promise<ResponseOf<typeof request>>;
      case 'sync:now':
        return syncNow() satisfies Promise<ResponseOf<typeof request>>;
      case 'backup:run-now':
        if (!deps.runBackup) throw new Error('backups are not available in this part of the extension.');
        return deps.runBackup() satisfies Promise<ResponseOf<typeof request>>;
      case 'library:index-imported':
        return drainPendingIndex(deps.db) satisfies Promise<ResponseOf<typeof request>>;
      case 'annotation:save-manual': {
        const at = now();
        return saveAnnotation(deps.db, buildManualAnnotation(request.annotation, newId(), at), at) satisfies Promise<ResponseOf<typeof request>>;
      }
      default: {
        // A request type added to the protocol without a branch here fails to compile.
        const unhandled: never = request;
        throw new Error(`No handler for request ${JSON.stringify(unhandled)}`);
      }
    }
  }

  return (raw, sender) => {
    // runtime.onMessage only hears this extension, but a check costs nothing and keeps it so
    // if the listener is ever reused for onMessageExternal.
    if (sender.id !== deps.extensionId) return undefined;
    const parsed = parseBackgroundRequest(raw);
    if (!parsed.ok) return Promise.resolve(parsed);
    const request = parsed.value;
    return answer(request).then(
      (value): Result<unknown> => ok(value),
      (error: unknown): Result<unknown> => {
        logError(error);
        return fail(`${FAILURE_PREFIX[request.type]}: ${describeError(error)}`);
      },
    );
  };
}

/**
 * Words for a thrown error. Storage failures get a hint on what to do, since the raw message
 * ("The quota has been exceeded.") doesn't say.
 */
export function describeError(error: unknown): string {
  const root = rootCause(error);
  const name = isErrorLike(root) ? root.name : '';
  const message = isErrorLike(root) ? root.message : String(root);
  if (name === 'QuotaExceededError') {
    return `the browser has no storage space left for Sourcemark (${message}). Free some disk space, then try again.`;
  }
  return message.trim() === '' ? `unexpected ${name || 'error'} with no message` : message;
}

/** An Error, or an error from another realm (a DOMException) that isn't `instanceof Error` here. */
function isErrorLike(value: unknown): value is { name: string; message: string; inner?: unknown } {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { name?: unknown }).name === 'string' &&
      typeof (value as { message?: unknown }).message === 'string')
  );
}

/**
 * The error underneath Dexie's wrappers: a failed transaction rejects with a DexieError whose
 * message repeats the cause ("…\n QuotaExceededError: …") and whose `inner` is the cause itself.
 */
function rootCause(error: unknown): unknown {
  let current = error;
  // Bounded, in case a wrapper ever points at itself.
  for (let depth = 0; depth < 10 && isErrorLike(current) && isErrorLike(current.inner); depth++) {
    current = current.inner;
  }
  return current;
}
