/**
 * Which stored rows the readers show, and in what order. Shared by the Dexie repositories
 * (annotations.ts, sources.ts) and the popup's first read without Dexie (first-screen-read.ts),
 * which must show exactly what the repositories would.
 */
import type { Annotation, Source } from '../model';

/** True for a source row that is not a tombstone. */
export function isLiveSource(row: Source): boolean {
  return row.deletedAt === undefined;
}

/** The live (not deleted) annotations among one page's rows, oldest first. */
export function livePageAnnotations(rows: readonly Annotation[]): Annotation[] {
  return rows.filter((a) => !a.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The live stored sources among `rows`, by name. */
export function liveSourcesByName(rows: readonly Source[]): Source[] {
  return rows.filter(isLiveSource).sort((a, b) => a.name.localeCompare(b.name));
}
