/**
 * The service worker: opens the database and answers the typed protocol. Wiring only; the
 * behaviour lives in lib/background so tests can drive it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { downloadFile } from '../lib/background/download';
import { createRequestHandler } from '../lib/background/handle-request';
import { startBackupService } from '../lib/backup/service';
import { openDb } from '../lib/store/db';

export default defineBackground(() => {
  const db = openDb();
  const version = browser.runtime.getManifest().version;
  // The backup schedule's listeners (alarms, startup, settings) are registered here, synchronously.
  const backups = startBackupService({ db, version });
  const handle = createRequestHandler({
    db,
    download: downloadFile,
    extensionId: browser.runtime.id,
    version,
    runBackup: backups.runNow,
  });
  // With webextension-polyfill, a returned Promise answers the message and `undefined` leaves it
  // for another listener. The listener must be registered synchronously, on every worker start.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
