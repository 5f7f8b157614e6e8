// Wiring only: real ports from `browser`, the real db, the popup's exporter, and PopupApp. Logic lives in lib/popup, lib/store and components.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createBackupStore } from '../../lib/backup/storage';
import { createBlobDownloader } from '../../lib/background/download';
import { createLazyExportRunner, exportPortOf } from '../../lib/store/lazy-export-runner';
import { createOptionsPort, createPagePort, createShortcutPort, resolveTargetTab } from '../../lib/popup/ports';
import { prefetchSnapshot } from '../../lib/popup/prefetch-snapshot';
import { recordOrphans } from '../../lib/popup/record-orphans';
import { createOrphanRecordStore } from '../../lib/library/orphan-record-storage';
import { createSettingsStore } from '../../lib/settings/storage';
import { openDb } from '../../lib/store/db';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element to render into.');

const db = openDb();
// Opened now, alongside the page's answer, rather than by the first query after the first render.
// A failure is not lost: every query on `db` fails with it, and the popup shows that.
db.open().catch(() => undefined);
// The page is asked for its claims now, while the popup renders its first frame.
// Each snapshot's orphans are recorded for the library's "Not found on their page" list.
const page = prefetchSnapshot(
  recordOrphans(createPagePort(browser.tabs, () => resolveTargetTab(location.search, browser.tabs)), createOrphanRecordStore(browser.storage), (error) =>
    console.warn('Sourcemark: could not record the annotations not found on this page for the library:', error),
  ),
);
const openOptions = createOptionsPort(browser);
const settings = createSettingsStore(browser.storage);
// Exports run here, in the popup (a Blob and a blob: URL), not in the service worker.
const runExport = createLazyExportRunner({ db, download: createBlobDownloader(), version: browser.runtime.getManifest().version });
render(
  <PopupApp
    db={db}
    page={page}
    exportJson={exportPortOf(runExport, { kind: 'all' }, 'json')}
    exporter={runExport}
    openOptions={openOptions}
    settings={settings}
    syncStorage={browser.storage}
    backups={createBackupStore(browser.storage)}
    shortcut={createShortcutPort(browser.commands)}
  />,
  root,
);
