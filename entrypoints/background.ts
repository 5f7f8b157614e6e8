/**
 * The service worker: opens the database and answers the typed protocol. Wiring only; the
 * behaviour lives in lib/background so tests can drive it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerAnnotateSelection } from '../lib/background/annotate-selection';
import { createRequestHandler } from '../lib/background/handle-request';
import { createSyncService } from '../lib/background/sync-service';
import { startBackupService } from '../lib/backup/service';
import { openDb } from '../lib/store/db';
import { compactWordIndexIfStale } from '../lib/store/library-index';
import { drainPendingIndex } from '../lib/store/library-pending';
import { loadSyncSettings } from '../lib/sync/settings-store';
import { SYNC_SETTINGS_KEY } from '../lib/sync/settings';

export default defineBackground(() => {
  const db = openDb();
  const version = browser.runtime.getManifest().version;
  // The backup schedule's listeners (alarms, startup, settings) are registered here, synchronously.
  const backups = startBackupService({ db, version });
  const sync = createSyncService({ db, loadSettings: () => loadSyncSettings(browser.storage), alarms: browser.alarms });
  const handle = createRequestHandler({
    db,
    syncNow: sync.syncNow,
    extensionId: browser.runtime.id,
    runBackup: backups.runNow,
  });
  // With webextension-polyfill, a returned Promise answers the message and `undefined` leaves it
  // for another listener. The listener must be registered synchronously, on every worker start.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  // Team sync: listeners registered synchronously so an alarm that wakes the worker is heard.
  browser.alarms.onAlarm.addListener((alarm) => void sync.onAlarm(alarm.name));
  // Settings saved (sync turned on, another server): sync at once rather than at the next alarm.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SYNC_SETTINGS_KEY]) void sync.syncNow();
  });
  void sync.schedule();
  // The library: an import the worker did not finish indexing (it stopped, the browser closed) is
  // indexed now; then the word postings are rewritten when edits have left many stale.
  drainPendingIndex(db)
    .then(() => compactWordIndexIfStale(db))
    .catch((error: unknown) => console.warn('Sourcemark: keeping the library index up to date failed:', error));
  // "Annotate selection with Sourcemark": the context menu and the keyboard shortcut.
  registerAnnotateSelection(browser, (error) => console.warn('Sourcemark:', error));
});
