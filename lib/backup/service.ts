/**
 * The backup schedule in the background: the `alarms` API drives it, `storage.local` holds its
 * state, so it survives the MV3 service worker being stopped at any moment, browser restarts and
 * sleep. Listeners are registered synchronously when the worker starts (the rule for events that
 * wake a stopped worker):
 * - the periodic alarm runs a check (a file only when something changed);
 * - browser start, install/update and a change of the settings run a check if one was missed
 *   (or backups were just turned on), then set the alarm for the next one.
 *
 * The one file of lib/backup that touches the extension API; the decisions are in schedule.ts
 * and the run in runner.ts.
 */
import { browser } from 'wxt/browser';
import { allAnnotations } from '../store/annotations';
import type { SourcemarkDb } from '../store/db';
import { listStoredSources } from '../store/sources';
import { createBackupDownloads } from './downloads';
import type { ExportData } from './formats';
import { createBackupRunner } from './runner';
import { availableObjectUrls, createBackupSaver } from './save-file';
import { nextCheckAt } from './schedule';
import { BACKUP_SETTINGS_KEY } from './settings';
import type { BackupRunResult } from './state';
import { createBackupStore } from './storage';

/** The alarm's name. */
export const BACKUP_ALARM = 'sourcemark-backup';

/** What the background's message handler uses. */
export type BackupService = {
  /** "Back up now": write a backup whatever changed. */
  runNow(): Promise<BackupRunResult>;
};

/** What `startBackupService` needs. */
export type BackupServiceDeps = {
  /** The open database. */
  db: SourcemarkDb;
  /** The extension version, written into the files. */
  version: string;
};

/** Every annotation and source, in one read transaction: a consistent snapshot. */
export function readExportData(db: SourcemarkDb): Promise<ExportData> {
  return db.transaction('r', db.annotations, db.sources, async () => {
    const [annotations, sources] = await Promise.all([allAnnotations(db), listStoredSources(db)]);
    return { annotations, sources };
  });
}

/** Register the schedule's listeners and return the service; call once, when the worker starts. */
export function startBackupService(deps: BackupServiceDeps): BackupService {
  const store = createBackupStore(browser.storage);
  const downloads = createBackupDownloads(browser.downloads, createBackupSaver(browser.downloads, availableObjectUrls()));
  const runner = createBackupRunner({ store, readData: () => readExportData(deps.db), downloads, version: deps.version });
  const logError = (error: unknown) => console.error('Sourcemark backup schedule:', error);

  /** Set the periodic alarm for the settings (or clear it when backups are off). */
  async function schedule(): Promise<void> {
    const settings = await store.loadSettings();
    if (!settings.enabled) {
      await browser.alarms.clear(BACKUP_ALARM);
      return;
    }
    const existing = await browser.alarms.get(BACKUP_ALARM);
    if (existing && existing.periodInMinutes === settings.intervalMinutes) return;
    const when = nextCheckAt(settings, await store.loadState(), new Date()).getTime();
    await browser.alarms.create(BACKUP_ALARM, { when, periodInMinutes: settings.intervalMinutes });
  }

  /** Run a check if one was missed, then make sure the alarm is set. */
  const catchUp = () => {
    runner
      .run('startup')
      .then(schedule)
      .catch(logError);
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void runner.run('alarm');
  });
  browser.runtime.onStartup.addListener(catchUp);
  browser.runtime.onInstalled.addListener(catchUp);
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && changes[BACKUP_SETTINGS_KEY]) catchUp();
  });

  return { runNow: () => runner.run('manual') };
}
