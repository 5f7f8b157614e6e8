import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolveObjectURL } from 'node:buffer';
import { BACKUP_ALARM, startBackupService } from '../../../lib/backup/service';
import { BACKUP_SETTINGS_KEY, type BackupSettings } from '../../../lib/backup/settings';
import { BACKUP_STATE_KEY, type BackupState } from '../../../lib/backup/state';
import { saveAnnotation } from '../../../lib/store/annotations';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';
import { makeAnnotation } from '../support/store-fixtures';
import { fakeDownloads, type FakeDownloads } from './fake-downloads';

const ON: BackupSettings = { enabled: true, format: 'json', intervalMinutes: 15, keep: 5 };

let db: SourcemarkDb;
let downloads: FakeDownloads;
/** What `downloads.download` was asked. */
type DownloadRequest = { url: string; filename: string; saveAs: boolean; conflictAction: string };
let requested: DownloadRequest[];

/** `downloads.download`: reads the URL it is given (Node has blob URLs, as Firefox's background page does). */
async function download(options: DownloadRequest): Promise<number> {
  requested.push(options);
  const blob = resolveObjectURL(options.url);
  if (!blob) throw new Error(`Unreadable URL ${options.url.slice(0, 40)}`);
  return downloads.save({ filename: options.filename, mimeType: blob.type, chunks: [await blob.text()] });
}

beforeEach(() => {
  db = openDb(`backup-service-${crypto.randomUUID()}`);
  downloads = fakeDownloads();
  requested = [];
  // The fake browser has no downloads API: route it to the in-memory one.
  vi.spyOn(fakeBrowser.downloads, 'download').mockImplementation((options) => download(options as DownloadRequest));
  vi.spyOn(fakeBrowser.downloads, 'search').mockImplementation((q) => downloads.search(q as { id: number }) as never);
  vi.spyOn(fakeBrowser.downloads, 'removeFile').mockImplementation((id) => downloads.removeFile(id));
  vi.spyOn(fakeBrowser.downloads, 'erase').mockImplementation((q) => downloads.erase(q as { id: number }) as never);
  vi.spyOn(fakeBrowser.downloads.onChanged, 'addListener').mockImplementation((l) => downloads.onChanged.addListener(l as never));
  vi.spyOn(fakeBrowser.downloads.onChanged, 'removeListener').mockImplementation((l) => downloads.onChanged.removeListener(l as never));
});

afterEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await db.delete();
});

const stored = async <T,>(key: string) => (await fakeBrowser.storage.local.get(key))[key] as T | undefined;

describe('the backup service', () => {
  it('turning backups on writes the first backup, overwriting by name, and sets the periodic alarm', async () => {
    startBackupService({ db, version: '1.2.3' });
    await saveAnnotation(db, makeAnnotation({ id: 'a1' }));
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: ON });

    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.periodInMinutes).toBe(15));
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ saveAs: false, conflictAction: 'overwrite', filename: expect.stringMatching(/^Sourcemark\/sourcemark-backup-/) });
    expect(requested[0]!.url.startsWith('blob:')).toBe(true);
    expect(JSON.parse([...downloads.disk.values()][0]!).annotations).toHaveLength(1);
    const state = await stored<BackupState>(BACKUP_STATE_KEY);
    expect(state?.files).toHaveLength(1);
    // The next check is one interval after this one.
    const alarm = await fakeBrowser.alarms.get(BACKUP_ALARM);
    expect(alarm!.scheduledTime).toBe(Date.parse(state!.lastCheckedAt!) + 15 * 60_000);
  });

  it('runs a check when the alarm fires, and writes only when something changed', async () => {
    startBackupService({ db, version: '1.2.3' });
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: ON });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeDefined());

    await fakeBrowser.alarms.onAlarm.trigger({ name: BACKUP_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await stored<BackupState>(BACKUP_STATE_KEY))?.lastOutcome?.kind).toBe('unchanged'));
    expect(requested).toHaveLength(1);

    await saveAnnotation(db, makeAnnotation({ id: 'a2' }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: BACKUP_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(() => expect(requested).toHaveLength(2));

    // Another extension part's alarm is not ours.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'sync', scheduledTime: Date.now(), persistAcrossSessions: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toHaveLength(2);
  });

  it('at browser start, runs a missed check and sets the alarm again; a recent check is not repeated', async () => {
    const lastCheckedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    await fakeBrowser.storage.local.set({
      [BACKUP_SETTINGS_KEY]: ON,
      [BACKUP_STATE_KEY]: { files: [], warnings: [], lastCheckedAt } satisfies BackupState,
    });
    startBackupService({ db, version: '1.2.3' });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeDefined());
    expect(requested).toHaveLength(1);

    await fakeBrowser.runtime.onStartup.trigger();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toHaveLength(1);
  });

  it('turning backups off clears the alarm; "Back up now" still writes', async () => {
    const service = startBackupService({ db, version: '1.2.3' });
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: ON });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeDefined());
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: { ...ON, enabled: false } });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeUndefined());

    expect((await service.runNow()).kind).toBe('written');
    expect(requested).toHaveLength(2);
  });

  it('changing the interval sets the alarm to the new period', async () => {
    startBackupService({ db, version: '1.2.3' });
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: ON });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.periodInMinutes).toBe(15));
    await fakeBrowser.storage.local.set({ [BACKUP_SETTINGS_KEY]: { ...ON, intervalMinutes: 1440 } });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.periodInMinutes).toBe(1440));
  });
});
