/**
 * The popup's one line about backups: the last backup's time and file, or that the last one
 * failed. Nothing while backups were never used. Follows the stored state live.
 */
import { useEffect, useState } from 'preact/hooks';
import { describeLastBackupShort, describeLastRun, localTime, type FormatTime } from '../lib/backup/describe';
import type { BackupSettings } from '../lib/backup/settings';
import { newestBackup, type BackupState } from '../lib/backup/state';
import type { BackupStore } from '../lib/backup/storage';

/** Props of `BackupStatusLine`. */
export type BackupStatusLineProps = {
  /** Backup settings and state in storage. */
  store: BackupStore;
  /** How times are shown; the user's locale by default. */
  formatTime?: FormatTime;
};

/** The popup's backup line. */
export function BackupStatusLine({ store, formatTime = localTime }: BackupStatusLineProps) {
  const [view, setView] = useState<{ settings: BackupSettings; state: BackupState } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([store.loadSettings(), store.loadState()]).then(
      ([settings, state]) => {
        if (!signal.aborted) setView({ settings, state });
      },
      (e: unknown) => {
        if (!signal.aborted) setError(e instanceof Error ? e.message : String(e));
      },
    );
    store.watchSettings((settings) => setView((v) => v && { ...v, settings }), signal);
    store.watchState((state) => setView((v) => v && { ...v, state }), signal);
    return () => controller.abort();
  }, [store]);

  if (error) return <p class="backup-line page-error" data-testid="backup-line">Couldn't read the backup state: {error}</p>;
  if (!view || (!view.settings.enabled && !newestBackup(view.state))) return null;
  const failed = describeLastRun(view.state, formatTime);
  const last = describeLastBackupShort(view.state, formatTime);
  return (
    <p class={`backup-line ${failed?.tone === 'error' ? 'page-error' : 'hint'}`} data-testid="backup-line">
      {failed?.tone === 'error' ? failed.text : `Last backup: ${last ?? 'none yet'}`}
    </p>
  );
}
