/**
 * The library page's port to the background: export the selected annotations. Built from a
 * narrow slice of `browser.runtime` so tests pass a fake.
 */
import { fail, type ExportSummary, type Result } from '../messages';
import { asResult, messageOf, type RuntimeApi } from '../popup/ports';

/** Ask the background to export the annotations with these ids (and every stored source). */
export type SelectionExportPort = (ids: readonly string[]) => Promise<Result<ExportSummary>>;

/** The real port over `runtime.sendMessage`; never rejects. */
export function createSelectionExportPort(runtime: RuntimeApi): SelectionExportPort {
  return async (ids) => {
    try {
      return asResult<ExportSummary>(await runtime.sendMessage({ type: 'export:json', ids: [...ids] }), 'the extension background');
    } catch (error) {
      return fail(`Couldn't reach the extension background: ${messageOf(error)}`);
    }
  };
}
