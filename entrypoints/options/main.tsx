// Wiring only: the real db, the prefill from the URL, the Sources page and the backup settings. Logic lives in lib/ and components/.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackupSettings } from '../../components/BackupSettings';
import { SourceRegistryPage } from '../../components/SourceRegistryPage';
import { requestPersistence } from '../../lib/backup/persistence';
import { createBackupRunPort } from '../../lib/backup/ports';
import { createBackupStore } from '../../lib/backup/storage';
import { parsePrefill } from '../../lib/sources/prefill';
import { openDb } from '../../lib/store/db';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html has no #app element to render into.');

// persist() exists only in pages, not in the service worker: the options page asks.
const askPersistence = () => requestPersistence(navigator.storage);
render(
  <>
    <SourceRegistryPage db={openDb()} prefill={parsePrefill(location.search)} />
    <div class="registry">
      <BackupSettings
        store={createBackupStore(browser.storage)}
        runNow={createBackupRunPort(browser.runtime)}
        requestPersistence={askPersistence}
      />
    </div>
  </>,
  root,
);
