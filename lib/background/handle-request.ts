/**
 * The background's answer to every `BackgroundRequest`. Kept apart from the entry point and from
 * the extension API (the downloads call arrives as a dependency) so tests drive it directly with
 * fake-indexeddb and a fake download.
 */
import { fail, ok, parseBackgroundRequest, type BackgroundRequest, type ExportSummary, type ResponseOf, type Result } from '../messages';
import { buildExport, exportFilename, serialiseExport } from '../exchange/sourcemark-json';
import { allAnnotations, annotationsByIds, annotationsForPage, saveAnnotation } from '../store/annotations';
import { buildManualAnnotation } from './manual-annotation';
import type { SourcemarkDb } from '../store/db';
import { listStoredSources } from '../store/sources';

/** A file for the downloads API to save. */
export type DownloadFile = {
  /** A URL the downloads API can fetch; the background passes a `data:` URL. */
  url: string;
  /** Path relative to the user's downloads folder, `/`-separated. */
  filename: string;
};

/** What the request handler needs from the outside world; tests pass fakes. */
export type RequestHandlerDeps = {
  /** The open Sourcemark database. */
  db: SourcemarkDb;
  /** Start a download; resolves with the browser's download id. */
  download: (file: DownloadFile) => Promise<number>;
  /** This extension's id: messages from any other sender are ignored. */
  extensionId: string;
  /** The extension version, written into exports. */
  version: string;
  /** The clock; defaults to the system clock. */
  now?: () => Date;
  /** Ids for new annotations; defaults to `crypto.randomUUID`. */
  newId?: () => string;
  /** Where a failure's details go for developers (the user gets the Result's words); defaults to console.error. */
  logError?: (error: unknown) => void;
};

/** The part of `runtime.MessageSender` the handler looks at. */
export type RequestSender = {
  /** The sending extension's id. */
  id?: string;
};

/** Handles one incoming message; `undefined` means "not ours: leave it unanswered". */
export type RequestHandler = (raw: unknown, sender: RequestSender) => Promise<Result<unknown>> | undefined;

/** The subfolder of the downloads folder that exports go to, so they don't scatter among other files. */
export const EXPORT_FOLDER = 'Sourcemark';

/** The prefix of the data: URL an export is downloaded from (an MV3 service worker has no blob URLs). */
export const JSON_DATA_URL_PREFIX = 'data:application/json;charset=utf-8,';

/** What each request type was doing, so a failure message says what did not happen. */
const FAILURE_PREFIX: Record<BackgroundRequest['type'], string> = {
  'annotations:for-page': 'Could not load the saved annotations for this page',
  'sources:list': 'Could not load your sources',
  'export:json': 'Export failed',
  'annotation:save-manual': 'Could not save your annotation',
};

/**
 * Build the background's message handler. The returned function never rejects: a malformed
 * message or a thrown error (IndexedDB quota, a failed download) becomes `{ ok: false, error }`
 * with words a user can act on, and the details go to `logError`.
 */
export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const logError = deps.logError ?? ((error: unknown) => console.error('Sourcemark background:', error));

  /**
   * Export every annotation, or those with `ids` (unknown ids are skipped; the summary's count
   * says how many were written), with every stored source.
   */
  async function exportJson(ids?: readonly string[]): Promise<ExportSummary> {
    // One read transaction, so the export is a consistent snapshot even if a page writes meanwhile.
    const [annotations, sources] = await deps.db.transaction('r', deps.db.annotations, deps.db.sources, () =>
      Promise.all([ids === undefined ? allAnnotations(deps.db) : annotationsByIds(deps.db, ids), listStoredSources(deps.db)]),
    );
    // One clock reading, so the file name and `exportedAt` agree.
    const at = now();
    const json = serialiseExport(buildExport(annotations, sources, { version: deps.version, now: at }));
    const filename = `${EXPORT_FOLDER}/${exportFilename(at)}`;
    const downloadId = await deps.download({ url: JSON_DATA_URL_PREFIX + encodeURIComponent(json), filename });
    return { filename, annotationCount: annotations.length, sourceCount: sources.length, downloadId };
  }

  /** The answer to a valid request; each branch is checked against the protocol's `ResponseOf`. */
  async function answer(request: BackgroundRequest): Promise<unknown> {
    switch (request.type) {
      case 'annotations:for-page':
        return annotationsForPage(deps.db, request.url) satisfies Promise<ResponseOf<typeof request>>;
      case 'sources:list':
        return listStoredSources(deps.db) satisfies Promise<ResponseOf<typeof request>>;
      case 'export:json':
        return exportJson(request.ids) satisfies Promise<ResponseOf<typeof request>>;
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
