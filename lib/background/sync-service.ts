/**
 * Team sync in the service worker: an alarm wakes it every minute, and a run starts when sync
 * is on and the backoff allows (`nextAttemptAt` in the status row). "Sync now" (a message from
 * options or popup) runs at once, backoff or not. Everything a run needs to continue is in
 * Dexie and `storage.local`, so a worker stopped at any moment loses nothing: the next alarm
 * (or the next start) carries on.
 *
 * The extension APIs arrive as narrow dependencies, so tests drive this with fakes.
 */
import type { SourcemarkDb } from '../store/db';
import { drainPendingIndex } from '../store/library-pending';
import { readSyncStatus, updateSyncStatus } from '../store/sync-store';
import { createCouchClient } from '../sync/couch-client';
import { runSync, type SyncRunResult } from '../sync/run-sync';
import { checkSyncSettings, type SyncSettings } from '../sync/settings';

/** The alarm's name. */
export const SYNC_ALARM = 'sourcemark-sync';
/** Minutes between scheduled runs (Chrome runs alarms at most every 30 s). */
export const SYNC_PERIOD_MINUTES = 1;

/** The slice of `browser.alarms` sync uses. */
export type AlarmsApi = {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
};

/** What the sync service needs. */
export type SyncServiceDeps = {
  db: SourcemarkDb;
  loadSettings: () => Promise<SyncSettings>;
  alarms: AlarmsApi;
  now?: () => Date;
  fetch?: typeof fetch;
};

/** What a request to sync got. */
export type SyncOutcome = SyncRunResult | { ok: false; error: string; failure: null; skipped: 'off' | 'waiting' };

/** The service: schedule it at each worker start, call `onAlarm` from the alarm listener, `syncNow` for the button. */
export type SyncService = {
  /** Make sure the alarm exists (it survives worker restarts, not always browser restarts). */
  schedule(): Promise<void>;
  /** A scheduled run: skipped while sync is off or the backoff says wait. */
  onAlarm(name: string): Promise<SyncOutcome | null>;
  /** Run now, whatever the backoff says (sync must be on). */
  syncNow(): Promise<SyncOutcome>;
};

/**
 * Create the service. Runs never overlap: an alarm during a run shares that run's outcome; a
 * "Sync now" during a run waits for it and then runs again (changes made since it started are
 * then sent too); several such requests share that one follow-up run.
 */
export function createSyncService(deps: SyncServiceDeps): SyncService {
  const now = deps.now ?? (() => new Date());
  let running: Promise<SyncOutcome> | null = null;
  let followUp: Promise<SyncOutcome> | null = null;

  async function run(force: boolean): Promise<SyncOutcome> {
    const stored = await deps.loadSettings();
    const checked = checkSyncSettings(stored);
    if (!stored.enabled || !checked.ok) return { ok: false, error: 'Team sync is off. Turn it on in Options → Team sync.', failure: null, skipped: 'off' };
    if (!force) {
      const { nextAttemptAt } = await readSyncStatus(deps.db);
      if (nextAttemptAt !== null && Date.parse(nextAttemptAt) > now().getTime()) {
        return { ok: false, error: `Waiting until ${nextAttemptAt} before trying again.`, failure: null, skipped: 'waiting' };
      }
    }
    const settings = checked.settings;
    // An import's records are queued for sync when the library indexes them: do it before sending.
    await drainPendingIndex(deps.db);
    const client = createCouchClient({ serverUrl: settings.serverUrl, database: settings.database, auth: settings.auth, fetch: deps.fetch });
    return runSync({ db: deps.db, settings, client, now });
  }

  function once(force: boolean): Promise<SyncOutcome> {
    if (!running) return start(force);
    if (!force) return running;
    followUp ??= running.then(() => {
      followUp = null;
      return start(true);
    });
    return followUp;
  }

  function start(force: boolean): Promise<SyncOutcome> {
    running = run(force)
      .catch(async (error: unknown): Promise<SyncOutcome> => {
        // Settings or the status row unreadable: say so where the user looks.
        const words = `Sync could not start: ${error instanceof Error ? error.message : String(error)}`;
        await updateSyncStatus(deps.db, (s) => ({ ...s, lastError: words })).catch(() => undefined);
        return { ok: false, error: words, failure: null };
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    async schedule() {
      if (!(await deps.alarms.get(SYNC_ALARM))) await deps.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
    },
    async onAlarm(name) {
      return name === SYNC_ALARM ? once(false) : null;
    },
    syncNow: () => once(true),
  };
}
