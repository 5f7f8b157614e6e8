/**
 * The pages' port to the background's "Back up now", over a narrow slice of `browser.runtime`
 * (a fake in tests).
 */
import { fail, type Result } from '../messages';
import { asResult, messageOf, type RuntimeApi } from '../popup/ports';
import type { BackupRunResult } from './state';

/** Asks the background to write a backup now; never rejects. */
export type BackupRunPort = () => Promise<Result<BackupRunResult>>;

/** The real port over `runtime.sendMessage`. */
export function createBackupRunPort(runtime: RuntimeApi): BackupRunPort {
  return async () => {
    try {
      return asResult<BackupRunResult>(await runtime.sendMessage({ type: 'backup:run-now' }), 'the extension background');
    } catch (error) {
      return fail(`Couldn't reach the extension background: ${messageOf(error)}`);
    }
  };
}
