// Wiring only: the real db, the settings in storage.local, open tabs to notify, the prefill from the URL, the Sources page, Team sync and the backup settings. Logic lives in lib/ and components/.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackupSettings } from '../../components/BackupSettings';
import { SourceRegistryPage } from '../../components/SourceRegistryPage';
import { SyncSettings } from '../../components/SyncSettings';
import { requestPersistence } from '../../lib/backup/persistence';
import { createBackupRunPort } from '../../lib/backup/ports';
import { createBackupStore } from '../../lib/backup/storage';
import { createSettingsStore } from '../../lib/settings/storage';
import { notifyOpenPages } from '../../lib/sources/notify-pages';
import { parsePrefill } from '../../lib/sources/prefill';
import { openDb } from '../../lib/store/db';
import { createSyncPorts } from '../../lib/sync/ports';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element to render into.');

const db = openDb();
// persist() exists only in pages, not in the service worker: the options page asks.
const askPersistence = () => requestPersistence(navigator.storage);
render(
  <>
    <SourceRegistryPage
      db={db}
      prefill={parsePrefill(location.search)}
      settings={createSettingsStore(browser.storage)}
      notifyPages={() => notifyOpenPages(browser.tabs)}
    />
    <div class="registry">
      <SyncSettings db={db} ports={createSyncPorts(browser)} />
      <BackupSettings
        store={createBackupStore(browser.storage)}
        runNow={createBackupRunPort(browser.runtime)}
        requestPersistence={askPersistence}
      />
    </div>
  </>,
  root,
);
