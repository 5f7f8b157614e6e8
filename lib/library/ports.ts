/**
 * The library page's ports. "Export selected": export the annotations with these ids as
 * Sourcemark JSON. The page builds it from its own exporter (lib/store/exchange-export.ts), so
 * the export runs in the page at any size; this type lets tests pass a fake.
 */
import type { ExportSummary, Result } from '../messages';
import { askBackground, type RuntimeApi } from '../popup/ports';

/** Export the annotations with these ids (and every stored source); never rejects. */
export type SelectionExportPort = (ids: readonly string[]) => Promise<Result<ExportSummary>>;

/**
 * The library page's port to the background's indexing of an import (lib/store/library-pending.ts):
 * the background does it, so it goes on when the page closes. Answers how many annotations it
 * indexed; never rejects.
 */
export type IndexImportedPort = () => Promise<Result<number>>;

/** The real port over `runtime.sendMessage`. */
export function createIndexImportedPort(runtime: RuntimeApi): IndexImportedPort {
  return () => askBackground(runtime, { type: 'library:index-imported' });
}
