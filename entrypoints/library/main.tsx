// Wiring only: the real db, the page's exporter and downloader, the URL, and the Library page.
// Logic lives in lib/library, lib/store and components/library.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryPage } from '../../components/library/LibraryPage';
import { createBlobDownloader } from '../../lib/background/download';
import { createLazyExportRunner, exportPortOf } from '../../lib/store/lazy-export-runner';
import { openDb } from '../../lib/store/db';
import { createOrphanRecordStore } from '../../lib/library/orphan-record-storage';
import { createIndexImportedPort } from '../../lib/library/ports';
import './style.css';

const root = document.getElementById('app');
if (!root) throw new Error('library.html has no #app element to render into.');

const db = openDb();
const runExport = createLazyExportRunner({ db, download: createBlobDownloader(), version: browser.runtime.getManifest().version });
render(
  <LibraryPage
    db={db}
    exportSelection={(ids) => exportPortOf(runExport, { kind: 'ids', ids }, 'json')()}
    runExport={runExport}
    orphans={createOrphanRecordStore(browser.storage)}
    initialSearch={location.search}
    replaceSearch={(search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`)}
    indexImported={createIndexImportedPort(browser.runtime)}
  />,
  root,
);
