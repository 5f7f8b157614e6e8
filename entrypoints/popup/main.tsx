// Wiring only: real ports from `browser`, the real db, the popup's exporter, and PopupApp. Logic lives in lib/popup, lib/store and components.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createBackupStore } from '../../lib/backup/storage';
import { createBlobDownloader } from '../../lib/background/download';
import { createLazyExportRunner, exportPortOf } from '../../lib/store/lazy-export-runner';
import { EARLY_READ_GLOBAL, firstScreenWithin, type EarlyRead, type FirstScreenData } from '../../lib/popup/early-read';
import { createOptionsPort, createPagePort, createShortcutPort, resolveTargetTab } from '../../lib/popup/ports';
import { prefetchSnapshot, withFirstSnapshot } from '../../lib/popup/prefetch-snapshot';
import { recordOrphans } from '../../lib/popup/record-orphans';
import { createOrphanRecordStore } from '../../lib/library/orphan-record-storage';
import { createSettingsStore } from '../../lib/settings/storage';
import { openDb } from '../../lib/store/db';
import './style.css';

/** How long the first render waits for the early script's answers before it shows "Reading the page…". */
const FIRST_SCREEN_WAIT_MS = 150;

const root = document.getElementById('app');
if (!root) throw new Error('popup.html has no #app element to render into.');

// Started by popup.html's first script (entrypoints/popup-early) while this module loaded; absent
// if that script did not run, and the popup then asks for everything itself.
const early = (globalThis as { [EARLY_READ_GLOBAL]?: EarlyRead })[EARLY_READ_GLOBAL];

const db = openDb();
// Opened now, alongside the page's answer, rather than by the first query after the first render.
// A failure is not lost: every query on `db` fails with it, and the popup shows that.
db.open().catch(() => undefined);
const pagePort = createPagePort(browser.tabs, () => early?.tab ?? resolveTargetTab(location.search, browser.tabs));
// The page is asked for its claims now (or was, by the early script), while the popup renders.
// Each snapshot's orphans are recorded for the library's "Not found on their page" list.
const page = prefetchSnapshot(
  recordOrphans(early ? withFirstSnapshot(pagePort, early.snapshot) : pagePort, createOrphanRecordStore(browser.storage), (error) =>
    console.warn('Sourcemark: could not record the annotations not found on this page for the library:', error),
  ),
);
const openOptions = createOptionsPort(browser);
const settings = createSettingsStore(browser.storage);
// Exports run here, in the popup (a Blob and a blob: URL), not in the service worker.
const runExport = createLazyExportRunner({ db, download: createBlobDownloader(), version: browser.runtime.getManifest().version });

const mount = (firstScreen: FirstScreenData | null) =>
  render(
    <PopupApp
      db={db}
      page={page}
      firstScreen={firstScreen ?? undefined}
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
// The first render waits for the early script's answers (usually in within a few milliseconds of
// this module running): the claim cards, with their saved notes and verdicts, are in the first
// frame, and nothing waits on Dexie. A page that answers slowly gets "Reading the page…" first.
if (early) void firstScreenWithin(early, FIRST_SCREEN_WAIT_MS, (run, ms) => window.setTimeout(run, ms)).then(mount);
else mount(null);
