/**
 * Keeping the library's derived tables in step with the annotations: the one place that writes
 * `libraryIndex` and `libraryFacets`. The annotation repository calls `writeAnnotationRows` for
 * every write; the version-2 upgrade and `rebuildLibrary` build both tables from scratch.
 */
import { applyFacetDelta, facetDeltas, facetRowsOf, type FacetRow } from '../library/facets';
import { indexKeyOf, indexRowOf, type LibraryIndexRow } from '../library/index-fields';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';

/** Both derived tables for a set of annotations (tombstones contribute nothing). */
export function libraryTablesOf(annotations: readonly Annotation[]): { index: LibraryIndexRow[]; facets: FacetRow[] } {
  const index = annotations.map(indexRowOf).filter((row): row is LibraryIndexRow => row !== undefined);
  return { index, facets: facetRowsOf(annotations) };
}

/**
 * Write annotations and bring the derived tables along. Each change is the stored version before
 * (undefined for a new one) and the version to store. Must run inside a read-write transaction
 * over `annotations`, `libraryIndex` and `libraryFacets` (see `LIBRARY_WRITE_TABLES`).
 */
export async function writeAnnotationRows(db: SourcemarkDb, changes: readonly (readonly [Annotation | undefined, Annotation])[]): Promise<void> {
  if (changes.length === 0) return;
  const [only] = changes;
  if (changes.length === 1 && only) await db.annotations.put(only[1]);
  else await db.annotations.bulkPut(changes.map(([, after]) => after));

  const rows = changes.map(([, after]) => indexRowOf(after)).filter((row): row is LibraryIndexRow => row !== undefined);
  const kept = new Set(rows.map((row) => row.key));
  const stale = changes
    .map(([before]) => (before && !before.deletedAt ? indexKeyOf(before) : null))
    .filter((key): key is string => key !== null && !kept.has(key));
  if (stale.length > 0) await db.libraryIndex.bulkDelete(stale);
  if (rows.length > 0) await db.libraryIndex.bulkPut(rows);

  const deltas = facetDeltas(changes);
  const keys = [...deltas.keys()];
  const current = await db.libraryFacets.bulkGet(keys);
  const put: FacetRow[] = [];
  const gone: string[] = [];
  keys.forEach((key, i) => {
    const delta = deltas.get(key);
    if (!delta) return;
    const next = applyFacetDelta(key, current[i], delta);
    if (next) put.push(next);
    else gone.push(key);
  });
  if (put.length > 0) await db.libraryFacets.bulkPut(put);
  if (gone.length > 0) await db.libraryFacets.bulkDelete(gone);
}

/** The tables a write of annotations touches. */
export function libraryWriteTables(db: SourcemarkDb) {
  return [db.annotations, db.libraryIndex, db.libraryFacets] as const;
}

/**
 * Rebuild both derived tables from the annotations (after a bug, or data written around the
 * repository). Reads every annotation: seconds for 100,000.
 */
export async function rebuildLibrary(db: SourcemarkDb): Promise<void> {
  await db.transaction('rw', libraryWriteTables(db), async () => {
    const { index, facets } = libraryTablesOf(await db.annotations.toArray());
    await db.libraryIndex.clear();
    await db.libraryFacets.clear();
    await db.libraryIndex.bulkPut(index);
    await db.libraryFacets.bulkPut(facets);
  });
}
