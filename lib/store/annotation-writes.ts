/**
 * The write of annotations that the repository and sync use: the rows, with the library's derived
 * tables in step (lib/store/library-index.ts), in the caller's transaction.
 */
import { indexRowOf, sourceLabelOf } from '../library/index-fields';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { writeIndexChanges } from './library-index';
import { indexPendingIn } from './library-pending';

/**
 * Write annotations and bring the derived tables along. Each change is the stored version before
 * (undefined for a new one) and the version to store. Must run inside a read-write transaction
 * over `libraryWriteTables`. An import still waiting to be indexed is indexed first, so the
 * library rows this write replaces are those of the stored versions.
 */
export async function writeAnnotationRows(db: SourcemarkDb, changes: readonly (readonly [Annotation | undefined, Annotation])[]): Promise<void> {
  if (changes.length === 0) return;
  await indexPendingIn(db);
  const [only] = changes;
  await Promise.all([
    changes.length === 1 && only ? db.annotations.put(only[1]) : db.annotations.bulkPut(changes.map(([, after]) => after)),
    writeIndexChanges(
      db,
      changes.map(([before, after]) => ({ before: before && indexRowOf(before), after: indexRowOf(after), label: sourceLabelOf(after) })),
    ),
  ]);
}
