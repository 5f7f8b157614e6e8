/**
 * The pages' port to the background's "Back up now", over a narrow slice of `browser.runtime`
 * (a fake in tests).
 */
import type { Result } from '../messages';
import { askBackground, type RuntimeApi } from '../popup/ports';
import type { BackupRunResult } from './state';

/** Asks the background to write a backup now; never rejects. */
export type BackupRunPort = () => Promise<Result<BackupRunResult>>;

/** The real port over `runtime.sendMessage`. */
export function createBackupRunPort(runtime: RuntimeApi): BackupRunPort {
  return () => askBackground(runtime, { type: 'backup:run-now' });
}
