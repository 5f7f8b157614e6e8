/**
 * One line on team sync, shown in the popup and the options page: when it last synced, how
 * many changes wait to be sent, and the last error in words. Follows the database live, so it
 * changes while a run goes on in the background.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SettingsStorageApi } from '../lib/settings/storage';
import type { SourcemarkDb } from '../lib/store/db';
import { loadSyncSettings } from '../lib/sync/settings-store';
import { readSyncStatus } from '../lib/store/sync-store';
import { describeSyncStatus } from '../lib/sync/status-text';
import { useLiveQuery } from './use-live-query';

/** Props of `SyncStatusLine`. */
export type SyncStatusLineProps = {
  db: SourcemarkDb;
  /** When given, the line shows only while sync is on (the popup); without, always (options). */
  onlyWhenOn?: Pick<SettingsStorageApi, 'local'>;
};

/** `<p data-testid="sync-status">` with the status; the error part in its own element. */
export function SyncStatusLine({ db, onlyWhenOn }: SyncStatusLineProps) {
  const [on, setOn] = useState(onlyWhenOn === undefined);
  useEffect(() => {
    if (!onlyWhenOn) return;
    // An unreadable setting shows the line rather than hiding a sync problem.
    loadSyncSettings(onlyWhenOn).then((s) => setOn(s.enabled), () => setOn(true));
  }, [onlyWhenOn]);
  // Nothing is read while the line is hidden: counting the outbox walks every entry, and after
  // an upgrade of a large library it holds one per annotation.
  const state = useLiveQuery(on ? async () => ({ status: await readSyncStatus(db), pending: await db.outbox.count() }) : null, [db, on]);
  if (!on) return null;
  if (state.status === 'loading') return <p class="sync-status" data-testid="sync-status">Team sync: reading status…</p>;
  if (state.status === 'failed') return <p class="sync-status status-error" data-testid="sync-status">Team sync status unavailable: {state.error.message}</p>;
  const words = describeSyncStatus(state.value.status, state.value.pending);
  return (
    <p class="sync-status" data-testid="sync-status">
      Team sync: <span data-testid="sync-last">{words.last}</span> · <span data-testid="sync-pending">{words.pending}</span>
      {words.error && (
        <>
          {' · '}
          <span class="status-error" data-testid="sync-error">
            {words.error}
          </span>
        </>
      )}
    </p>
  );
}
