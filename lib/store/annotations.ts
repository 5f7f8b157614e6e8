/**
 * The annotation repository: every read and write of annotations goes through here.
 *
 * Writes store each row with its library index fields (`derived`, see lib/library/index-fields.ts);
 * reads return plain `Annotation`s with `derived` stripped, so no caller (popup, export, sync)
 * ever sees or exports them.
 */
import { fromStoredRow, toStoredRow, type StoredAnnotation } from '../library/index-fields';
import { applyTagChange, type TagChange } from '../library/tags';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';

/** Live (not deleted) annotations of one normalised page URL, oldest first. */
export async function annotationsForPage(db: SourcemarkDb, url: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('url').equals(url).toArray();
  return rows
    .filter((a) => !a.deletedAt)
    .map(fromStoredRow)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Every annotation, tombstones included, in id order. */
export async function allAnnotations(db: SourcemarkDb): Promise<Annotation[]> {
  return (await db.annotations.toArray()).map(fromStoredRow);
}

/** The stored annotations with these ids (tombstones included, unknown ids skipped), in id order. */
export async function annotationsByIds(db: SourcemarkDb, ids: readonly string[]): Promise<Annotation[]> {
  const unique = [...new Set(ids)].sort();
  const rows = await db.annotations.bulkGet(unique);
  return rows.filter((row): row is StoredAnnotation => row !== undefined).map(fromStoredRow);
}

/**
 * Create or replace an annotation. `updatedAt` is stamped here so no caller can forget it;
 * `createdAt` of an existing row is kept.
 */
export async function saveAnnotation(db: SourcemarkDb, annotation: Annotation, now = new Date()): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(annotation.id);
    const saved: Annotation = {
      ...fromStoredRow(annotation),
      createdAt: existing?.createdAt ?? annotation.createdAt,
      updatedAt: now.toISOString(),
    };
    await db.annotations.put(toStoredRow(saved));
    return saved;
  });
}

/**
 * Store annotations exactly as given, timestamps included (an import, a sync, generated data),
 * with their index fields; existing rows with the same ids are replaced. One transaction.
 */
export async function putAnnotations(db: SourcemarkDb, annotations: readonly Annotation[]): Promise<void> {
  await db.annotations.bulkPut(annotations.map(toStoredRow));
}

/** Mark an annotation deleted; the row stays as a tombstone so the deletion can sync. */
export async function deleteAnnotation(db: SourcemarkDb, id: string, now = new Date()): Promise<void> {
  const deleted = await deleteAnnotations(db, [id], now);
  if (deleted.length === 0 && !(await db.annotations.get(id))) throw new Error(`No annotation with id ${id} to delete.`);
}

/**
 * Mark live annotations deleted (tombstones: `deletedAt` and `updatedAt` stamped, index fields
 * dropped), in one transaction. Ids that are unknown or already deleted are skipped. Returns the
 * ids deleted now, which `restoreAnnotations` takes to undo.
 */
export async function deleteAnnotations(db: SourcemarkDb, ids: readonly string[], now = new Date()): Promise<string[]> {
  const stamp = now.toISOString();
  return changeEach(db, ids, (annotation) => (annotation.deletedAt ? null : { ...annotation, deletedAt: stamp, updatedAt: stamp }));
}

/**
 * Bring tombstones back (undo of a delete): `deletedAt` removed, `updatedAt` stamped so the
 * restore wins over the deletion wherever it synced. `createdAt` stays, so each returns to its
 * place in the library. Live and unknown ids are skipped. Returns the ids restored.
 */
export async function restoreAnnotations(db: SourcemarkDb, ids: readonly string[], now = new Date()): Promise<string[]> {
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
export async function retagAnnotations(db: SourcemarkDb, ids: readonly string[], change: TagChange, now = new Date()): Promise<string[]> {
  const stamp = now.toISOString();
  return changeEach(db, ids, (annotation) => {
    if (annotation.deletedAt) return null;
    const tags = applyTagChange(annotation.tags, change);
    return tags ? { ...annotation, tags, updatedAt: stamp } : null;
  });
}

/** Read the rows of `ids`, apply `change` (null: leave it), write the changed ones back with fresh index fields. */
async function changeEach(
  db: SourcemarkDb,
  ids: readonly string[],
  change: (annotation: Annotation) => Annotation | null,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  return db.transaction('rw', db.annotations, async () => {
    const rows = await db.annotations.bulkGet(unique);
    const changed: StoredAnnotation[] = [];
    for (const row of rows) {
      if (!row) continue;
      const next = change(fromStoredRow(row));
      if (next) changed.push(toStoredRow(next));
    }
    await db.annotations.bulkPut(changed);
    return changed.map((row) => row.id);
  });
}
