/**
 * The export runner as the popup and the library hold it: the export code (every format's
 * writer, the paged reads, the Blob assembly) is loaded on the first export, not when the page
 * opens — the popup must open in under 100 ms, and most openings export nothing.
 */
import type { ExportSummary, Result } from '../messages';
import type { ExportRunner, ExportRunnerDeps } from './exchange-export';
import type { ExportFormat } from './exchange-formats';
import type { ExportScope } from './exchange';

/** An export runner that imports `exchange-export.ts` on its first run. */
export function createLazyExportRunner(deps: ExportRunnerDeps): ExportRunner {
  let runner: Promise<ExportRunner> | undefined;
  return async (scope, format, control) => {
    runner ??= import('./exchange-export').then((module) => module.createExportRunner(deps));
    return (await runner)(scope, format, control);
  };
}

/** One fixed export as a port that never rejects (the popup's "Export JSON", the library's "Export selected"). */
export function exportPortOf(run: ExportRunner, scope: ExportScope, format: ExportFormat): () => Promise<Result<ExportSummary>> {
  return async () => {
    try {
      return { ok: true, value: await run(scope, format) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
