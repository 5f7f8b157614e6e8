/** The annotation repository: every read and write of annotations goes through here. */
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';

/** Live (not deleted) annotations of one normalised page URL, oldest first. */
export async function annotationsForPage(db: SourcemarkDb, url: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('url').equals(url).toArray();
  return rows.filter((a) => !a.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Every annotation, tombstones included, in id order. */
export function allAnnotations(db: SourcemarkDb): Promise<Annotation[]> {
  return db.annotations.toArray();
}

/**
 * Create or replace an annotation. `updatedAt` is stamped here so no caller can forget it;
 * `createdAt` of an existing row is kept.
 */
export async function saveAnnotation(db: SourcemarkDb, annotation: Annotation, now = new Date()): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(annotation.id);
    const saved: Annotation = {
      ...annotation,
      createdAt: existing?.createdAt ?? annotation.createdAt,
      updatedAt: now.toISOString(),
    };
    await db.annotations.put(saved);
    return saved;
  });
}

/** Mark an annotation deleted; the row stays as a tombstone so the deletion can sync. */
export async function deleteAnnotation(db: SourcemarkDb, id: string, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  const changed = await db.annotations.update(id, { deletedAt: stamp, updatedAt: stamp });
  if (changed === 0) throw new Error(`No annotation with id ${id} to delete.`);
}
