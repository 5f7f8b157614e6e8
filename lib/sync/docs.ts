/**
 * How annotations and sources travel as CouchDB documents. One document per record, with an
 * `_id` prefixed by kind (`annotation:<uuid>`, `source:<slug>`): the id is deterministic, so a
 * push repeated after a crash updates the same document instead of making a duplicate.
 *
 * Deletions are ordinary documents carrying `deletedAt` (Sourcemark's tombstones), not CouchDB's
 * `_deleted`: a deletion is then just another edit with an `updatedAt`, and the one merge rule
 * covers it. The one exception is a source row the store removed outright (a built-in's overlay
 * left with neither rating nor aliases): it travels as `source: null`.
 */
import type { Annotation, Source } from '../model';
import { SCHEMA_VERSION } from '../model';

/** The kinds of record that sync. */
export const SYNC_KINDS = ['annotation', 'source'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** An annotation as a CouchDB document. */
export type AnnotationDoc = {
  /** `annotation:` + the annotation's id. */
  _id: string;
  /** The server's revision; absent when the document is new to the server. */
  _rev?: string;
  kind: 'annotation';
  /** The shape version of `annotation`. */
  schemaVersion: number;
  /** Copied from the annotation, so the server side (views, a person reading Fauxton) can sort without opening it. */
  updatedAt: string;
  annotation: Annotation;
};

/** A source registry entry (and its rating) as a CouchDB document. */
export type SourceDoc = {
  /** `source:` + the source's id. */
  _id: string;
  _rev?: string;
  kind: 'source';
  schemaVersion: number;
  /** The source's `updatedAt`, or the time it was removed when `source` is null. */
  updatedAt: string;
  /** The stored row; null when the row was removed outright (see the module comment). */
  source: Source | null;
};

/** Any document Sourcemark writes. */
export type SyncDoc = AnnotationDoc | SourceDoc;

/** The CouchDB `_id` of a record. */
export function docIdOf(kind: SyncKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and record id of a CouchDB `_id`, or null for documents that are not Sourcemark's (`_design/…`, strangers). */
export function parseDocId(docId: string): { kind: SyncKind; id: string } | null {
  const colon = docId.indexOf(':');
  if (colon <= 0) return null;
  const kind = docId.slice(0, colon);
  const id = docId.slice(colon + 1);
  if (id === '' || !(SYNC_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as SyncKind, id };
}

/** The document for an annotation; `rev` is the server revision it replaces, if any. */
export function annotationDoc(annotation: Annotation, rev?: string): AnnotationDoc {
  return {
    _id: docIdOf('annotation', annotation.id),
    ...(rev !== undefined && { _rev: rev }),
    kind: 'annotation',
    schemaVersion: SCHEMA_VERSION,
    updatedAt: annotation.updatedAt,
    annotation,
  };
}

/** The document for a source row, or for its removal (`source` null, `removedAt` the time). */
export function sourceDoc(id: string, source: Source | null, removedAt: string, rev?: string): SourceDoc {
  return {
    _id: docIdOf('source', id),
    ...(rev !== undefined && { _rev: rev }),
    kind: 'source',
    schemaVersion: SCHEMA_VERSION,
    updatedAt: source?.updatedAt ?? removedAt,
    source,
  };
}

/** Why a document from the server was not taken. */
export type DocRejection = { docId: string; reason: string };

/**
 * Read a document from the server: a Sourcemark document whose record id matches its `_id`, or
 * a rejection in words. The server is shared by a team and reachable by anything with the
 * password, so its documents are checked, not trusted.
 */
export function readSyncDoc(raw: unknown): { ok: true; doc: SyncDoc } | { ok: false; rejection: DocRejection } {
  const docId = isRecord(raw) && typeof raw._id === 'string' ? raw._id : '(no _id)';
  const reject = (reason: string) => ({ ok: false as const, rejection: { docId, reason } });
  if (!isRecord(raw)) return reject('not an object');
  const parsed = parseDocId(docId);
  if (!parsed) return reject('not a Sourcemark document');
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > SCHEMA_VERSION) {
    return reject(`schema version ${String(raw.schemaVersion)} is newer than this Sourcemark understands; update the extension`);
  }
  if (typeof raw.updatedAt !== 'string') return reject('no updatedAt');
  if (parsed.kind === 'annotation') {
    const a = raw.annotation;
    if (raw.kind !== 'annotation' || !isRecord(a) || a.id !== parsed.id || typeof a.url !== 'string' || typeof a.updatedAt !== 'string' || typeof a.createdAt !== 'string' || !isRecord(a.target) || !Array.isArray(a.attributions) || !Array.isArray(a.tags) || typeof a.note !== 'string') {
      return reject('not a valid annotation document');
    }
    return { ok: true, doc: raw as AnnotationDoc };
  }
  const s = raw.source;
  if (raw.kind !== 'source' || (s !== null && (!isRecord(s) || s.id !== parsed.id || typeof s.name !== 'string' || !Array.isArray(s.aliases)))) {
    return reject('not a valid source document');
  }
  return { ok: true, doc: raw as SourceDoc };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
