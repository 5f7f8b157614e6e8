/** The sync status in words, for the popup's status line and the options page. Pure. */
import type { SyncStatus } from './state';

/** The parts of the status line. */
export type SyncStatusWords = {
  /** "Last synced 27 Nov, 19:04" or "Not synced yet". */
  last: string;
  /** "All changes sent" or "3 changes waiting to be sent". */
  pending: string;
  /** The last error in words with when the next try is, or null. */
  error: string | null;
};

/** Words for the status, `pending` outbox entries, in the user's locale (`locale` for tests). */
export function describeSyncStatus(status: SyncStatus, pending: number, locale?: string): SyncStatusWords {
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const last = status.lastSyncAt ? `Last synced ${time(status.lastSyncAt)}` : 'Not synced yet';
  const pendingWords = pending === 0 ? 'All changes sent' : `${pending} change${pending === 1 ? '' : 's'} waiting to be sent`;
  const retry = status.nextAttemptAt ? ` Next try after ${time(status.nextAttemptAt)}.` : '';
  return { last, pending: pendingWords, error: status.lastError ? `${status.lastError}${retry}` : null };
}
