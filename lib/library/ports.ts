/**
 * The library page's port for "Export selected": export the annotations with these ids as
 * Sourcemark JSON. The page builds it from its own exporter (lib/store/exchange-export.ts), so
 * the export runs in the page at any size; this type lets tests pass a fake.
 */
import type { ExportSummary, Result } from '../messages';

/** Export the annotations with these ids (and every stored source); never rejects. */
export type SelectionExportPort = (ids: readonly string[]) => Promise<Result<ExportSummary>>;
