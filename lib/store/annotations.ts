/**
 * The annotation repository: every read and write of annotations goes through here. Every
 * write also brings the library's derived tables along (lib/store/library-index.ts), in the same
 * transaction; annotation rows hold exactly what the user made. Every write also notes the
 * change in the sync outbox (lib/store/outbox.ts), in that same transaction.
 */
import { applyTagChange, type TagChange } from '../library/tags';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { writeAnnotationRows } from './annotation-writes';
import { libraryWriteTables } from './library-index';
import { livePageAnnotations } from './live-rows';
import { queueChanges } from './outbox';

/** Live (not deleted) annotations of one normalised page URL, oldest first. */
export async function annotationsForPage(db: SourcemarkDb, url: string): Promise<Annotation[]> {
  return livePageAnnotations(await db.annotations.where('url').equals(url).toArray());
}

/** Every annotation, tombstones included, in id order. */
export function allAnnotations(db: SourcemarkDb): Promise<Annotation[]> {
  return db.annotations.toArray();
}

/** The stored annotations with these ids (tombstones included, unknown ids skipped), in id order. */
export async function annotationsByIds(db: SourcemarkDb, ids: readonly string[]): Promise<Annotation[]> {
  const rows = await db.annotations.bulkGet([...new Set(ids)].sort());
  return rows.filter((row): row is Annotation => row !== undefined);
}

/**
 * Create or replace an annotation. `updatedAt` is stamped here so no caller can forget it;
 * `createdAt` of an existing row is kept.
 */
export async function saveAnnotation(db: SourcemarkDb, annotation: Annotation, now = new Date()): Promise<Annotation> {
  return db.transaction('rw', libraryWriteTables(db), async () => {
    const existing = await db.annotations.get(annotation.id);
    const saved: Annotation = {
      ...annotation,
      createdAt: existing?.createdAt ?? annotation.createdAt,
      updatedAt: now.toISOString(),
    };
    await writeAnnotationRows(db, [[existing, saved]]);
    await queueChanges(db, 'annotation', [saved.id], now);
    return saved;
  });
}

/**
 * Store annotations exactly as given, timestamps included (an import, a sync, generated data);
 * rows with the same ids are replaced (the last of duplicates wins). One transaction.
 */
export async function putAnnotations(db: SourcemarkDb, annotations: readonly Annotation[]): Promise<void> {
  const byId = new Map(annotations.map((a) => [a.id, a] as const));
  const ids = [...byId.keys()];
  await db.transaction('rw', libraryWriteTables(db), async () => {
    const existing = await db.annotations.bulkGet(ids);
    await writeAnnotationRows(db, ids.map((id, i) => [existing[i], byId.get(id) as Annotation] as const));
    await queueChanges(db, 'annotation', ids);
  });
}

/** Mark an annotation deleted; the row stays as a tombstone so the deletion can sync. */
export async function deleteAnnotation(db: SourcemarkDb, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', libraryWriteTables(db), async () => {
    if (!(await db.annotations.get(id))) throw new Error(`No annotation with id ${id} to delete.`);
    await deleteAnnotations(db, [id], now);
  });
}

/**
 * Mark live annotations deleted (tombstones: `deletedAt` and `updatedAt` stamped; they leave the
 * library), in one transaction. Unknown and already deleted ids are skipped. Returns the ids
 * deleted now, which `restoreAnnotations` takes to undo.
 */
export function deleteAnnotations(db: SourcemarkDb, ids: readonly string[], now = new Date()): Promise<string[]> {
  const stamp = now.toISOString();
  return changeEach(db, ids, (annotation) => (annotation.deletedAt ? null : { ...annotation, deletedAt: stamp, updatedAt: stamp }));
}

/**
 * Bring tombstones back (undo of a delete): `deletedAt` removed, `updatedAt` stamped so the
 * restore wins over the deletion wherever it synced. `createdAt` stays, so each returns to its
 * place in the library. Live and unknown ids are skipped. Returns the ids restored.
 */
export function restoreAnnotations(db: SourcemarkDb, ids: readonly string[], now = new Date()): Promise<string[]> {
  const stamp = now.toISOString();
  return changeEach(db, ids, (annotation) => {
    if (!annotation.deletedAt) return null;
    const { deletedAt: _gone, ...live } = annotation;
    return { ...live, updatedAt: stamp };
  });
}

/**
 * Add a tag to, or remove one from, live annotations, in one transaction; `updatedAt` is
 * stamped on those that change. Returns the ids changed (an annotation that already has the
 * added tag, or lacks the removed one, is not).
 */
export function retagAnnotations(db: SourcemarkDb, ids: readonly string[], change: TagChange, now = new Date()): Promise<string[]> {
  const stamp = now.toISOString();
  return changeEach(db, ids, (annotation) => {
    if (annotation.deletedAt) return null;
    const tags = applyTagChange(annotation.tags, change);
    return tags ? { ...annotation, tags, updatedAt: stamp } : null;
  });
}

/** Read the rows of `ids`, apply `change` (null: leave it), write the changed ones. */
async function changeEach(db: SourcemarkDb, ids: readonly string[], change: (annotation: Annotation) => Annotation | null): Promise<string[]> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', libraryWriteTables(db), async () => {
    const rows = await db.annotations.bulkGet(unique);
    const changes: [Annotation, Annotation][] = [];
    for (const row of rows) {
      const next = row ? change(row) : null;
      if (row && next) changes.push([row, next]);
    }
    await writeAnnotationRows(db, changes);
    await queueChanges(db, 'annotation', changes.map(([, next]) => next.id));
    return changes.map(([, next]) => next.id);
  });
}
