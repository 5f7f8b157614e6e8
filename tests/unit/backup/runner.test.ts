import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupDownloads } from '../../../lib/backup/downloads';
import type { ExportData } from '../../../lib/backup/formats';
import { createBackupRunner, type BackupRunner } from '../../../lib/backup/runner';
import { BACKUP_SETTINGS_KEY, type BackupSettings } from '../../../lib/backup/settings';
import { BACKUP_STATE_KEY, type BackupState } from '../../../lib/backup/state';
import { createBackupStore } from '../../../lib/backup/storage';
import { SCHEMA_VERSION } from '../../../lib/model';
import { fakeStorage } from '../settings/fake-storage';
import { makeAnnotation, makeSource } from '../support/store-fixtures';
import { DOWNLOADS_DIR, fakeDownloads, type FakeDownloads } from './fake-downloads';

const T0 = new Date('2026-05-01T08:00:00.000Z');
const ON: BackupSettings = { enabled: true, format: 'json', intervalMinutes: 60, keep: 3 };

type World = {
  runner: BackupRunner;
  downloads: FakeDownloads;
  storage: ReturnType<typeof fakeStorage>;
  data: { annotations: ReturnType<typeof makeAnnotation>[]; sources: ReturnType<typeof makeSource>[] };
  clock: { now: Date };
  logged: unknown[];
  state(): BackupState;
  /** A new runner on the same storage and downloads: the worker was stopped and started again. */
  restartWorker(): void;
};

function world(settings: BackupSettings = ON, initialState?: BackupState): World {
  const storage = fakeStorage({ [BACKUP_SETTINGS_KEY]: settings, ...(initialState ? { [BACKUP_STATE_KEY]: initialState } : {}) });
  const downloads = fakeDownloads();
  const data: World['data'] = { annotations: [makeAnnotation({ id: 'a1', note: 'one' })], sources: [] };
  const clock = { now: T0 };
  const logged: unknown[] = [];
  const make = () =>
    createBackupRunner({
      store: createBackupStore(storage),
      readData: async (): Promise<ExportData> => structuredClone(data),
      downloads: createBackupDownloads(downloads, downloads.save, { timeoutMs: 0 }),
      version: '9.9.9',
      now: () => clock.now,
      logError: (e) => logged.push(e),
    });
  const w: World = {
    runner: make(),
    downloads,
    storage,
    data,
    clock,
    logged,
    state: () => storage.data.get(BACKUP_STATE_KEY) as BackupState,
    restartWorker() {
      w.runner = make();
    },
  };
  return w;
}

const later = (w: World, minutes: number) => {
  w.clock.now = new Date(w.clock.now.getTime() + minutes * 60_000);
};

afterEach(() => vi.useRealTimers());

describe('a backup run', () => {
  it('writes the first backup as a dated Sourcemark JSON file that overwrites nothing else', async () => {
    const w = world();
    const result = await w.runner.run('alarm');
    expect(result).toEqual({
      kind: 'written',
      at: T0.toISOString(),
      filename: 'Sourcemark/sourcemark-backup-2026-05-01T08-00-00.json',
      annotationCount: 1,
      sourceCount: 0,
    });
    const path = `${DOWNLOADS_DIR}/Sourcemark/sourcemark-backup-2026-05-01T08-00-00.json`;
    const doc = JSON.parse(w.downloads.disk.get(path) ?? 'null');
    expect(doc).toMatchObject({ schemaVersion: SCHEMA_VERSION, generator: { name: 'Sourcemark', version: '9.9.9' }, exportedAt: T0.toISOString() });
    expect(doc.annotations.map((a: { id: string }) => a.id)).toEqual(['a1']);
    const state = w.state();
    expect(state.files).toEqual([
      expect.objectContaining({ downloadId: 1, path, filename: 'Sourcemark/sourcemark-backup-2026-05-01T08-00-00.json', annotationCount: 1 }),
    ]);
    expect(state.pending).toBeUndefined();
    expect(state.lastCheckedAt).toBe(T0.toISOString());
  });

  it.each([
    ['w3c', /\.jsonld$/, (text: string) => expect(JSON.parse(text)['@context']).toBeDefined()],
    ['csv', /\.csv$/, (text: string) => expect(text.split('\n').length).toBeGreaterThanOrEqual(2)],
    ['claimreview', /\.jsonld$/, (text: string) => expect(() => JSON.parse(text)).not.toThrow()],
  ] as const)('writes the %s format under its own extension', async (format, extension, check) => {
    const w = world({ ...ON, format });
    const result = await w.runner.run('alarm');
    expect(result.kind).toBe('written');
    const [path] = [...w.downloads.disk.keys()];
    expect(path).toMatch(extension);
    check(w.downloads.disk.get(path!)!);
    expect(w.state().files[0]?.format).toBe(format);
  });

  it('writes a new file when the format changes, even with the same data', async () => {
    const w = world();
    await w.runner.run('alarm');
    await w.storage.local.set({ [BACKUP_SETTINGS_KEY]: { ...ON, format: 'csv' } });
    later(w, 60);
    expect(await w.runner.run('alarm')).toMatchObject({ kind: 'written', filename: expect.stringMatching(/\.csv$/) });
  });

  it('writes nothing when nothing changed, and records the check', async () => {
    const w = world();
    await w.runner.run('alarm');
    later(w, 60);
    expect(await w.runner.run('alarm')).toEqual({ kind: 'unchanged', at: w.clock.now.toISOString() });
    expect(w.downloads.saves).toHaveLength(1);
    expect(w.state().lastCheckedAt).toBe(w.clock.now.toISOString());
    expect(w.state().lastOutcome).toEqual({ kind: 'unchanged', at: w.clock.now.toISOString() });
  });

  it.each([
    ['an annotation is edited', (w: World) => void (w.data.annotations[0]!.note = 'edited')],
    ['an annotation is deleted (tombstone)', (w: World) => void (w.data.annotations[0]!.deletedAt = '2026-05-01T08:30:00.000Z')],
    ['an annotation is hard-deleted', (w: World) => void w.data.annotations.pop()],
    ['a source is rated', (w: World) => void w.data.sources.push(makeSource({ id: 'kcna' }))],
    ['sync writes an older version back (same count, older timestamps)', (w: World) => {
      w.data.annotations[0] = { ...w.data.annotations[0]!, note: 'remote', updatedAt: '2020-01-01T00:00:00.000Z' };
    }],
  ])('writes a new file when %s', async (_label, change) => {
    const w = world();
    await w.runner.run('alarm');
    change(w);
    later(w, 60);
    expect((await w.runner.run('alarm')).kind).toBe('written');
    expect(w.downloads.saves).toHaveLength(2);
  });

  it('writes again when the newest backup was deleted from disk, even if nothing changed', async () => {
    const w = world();
    await w.runner.run('alarm');
    const [first] = w.state().files;
    w.downloads.disk.delete(first!.path);
    w.downloads.items.get(first!.downloadId)!.exists = false;
    later(w, 60);
    expect((await w.runner.run('alarm')).kind).toBe('written');
  });

  it('keeps the newest N: deletes older files it wrote, from disk and from the download list', async () => {
    const w = world({ ...ON, keep: 2 });
    for (let i = 0; i < 4; i++) {
      w.data.annotations[0]!.note = `v${i}`;
      await w.runner.run('alarm');
      later(w, 60);
    }
    const kept = w.state().files;
    expect(kept.map((f) => f.downloadId)).toEqual([3, 4]);
    expect([...w.downloads.disk.keys()]).toEqual(kept.map((f) => f.path));
    expect([...w.downloads.items.keys()]).toEqual([3, 4]);
    expect(w.state().warnings).toEqual([]);
  });

  it('applies a lowered number of files to keep at the next check, even when nothing changed', async () => {
    const w = world({ ...ON, keep: 3 });
    for (let i = 0; i < 3; i++) {
      w.data.annotations[0]!.note = `v${i}`;
      await w.runner.run('alarm');
      later(w, 60);
    }
    await w.storage.local.set({ [BACKUP_SETTINGS_KEY]: { ...ON, keep: 1 } });
    expect((await w.runner.run('alarm')).kind).toBe('unchanged');
    expect(w.state().files.map((f) => f.downloadId)).toEqual([3]);
    expect(w.downloads.disk.size).toBe(1);
  });

  it('counts a file the user already deleted as gone, and never deletes a file its download id no longer points at', async () => {
    const w = world({ ...ON, keep: 1 });
    await w.runner.run('alarm');
    w.data.annotations[0]!.note = 'v2';
    later(w, 60);
    await w.runner.run('alarm');
    expect(w.state().files.map((f) => f.downloadId)).toEqual([2]);

    // The kept file's download id now points at another file (the list was cleared and the id reused).
    const stranger = `${DOWNLOADS_DIR}/someone-elses.pdf`;
    w.downloads.disk.set(stranger, '%PDF');
    w.downloads.items.set(2, { id: 2, filename: stranger, state: 'complete', exists: true });
    w.data.annotations[0]!.note = 'v3';
    later(w, 60);
    await w.runner.run('alarm');
    expect(w.downloads.disk.get(stranger)).toBe('%PDF');
    expect(w.state().files.map((f) => f.downloadId)).toEqual([3]);
  });

  it('reports a file it could not delete, keeps it listed, and tries again next time', async () => {
    const w = world({ ...ON, keep: 1 });
    await w.runner.run('alarm');
    const removeFile = vi.spyOn(w.downloads, 'removeFile').mockRejectedValueOnce(new Error('Access denied'));
    w.data.annotations[0]!.note = 'v2';
    later(w, 60);
    await w.runner.run('alarm');
    expect(w.state().files.map((f) => f.downloadId)).toEqual([1, 2]);
    expect(w.state().warnings).toEqual([expect.stringMatching(/^Couldn't delete the old backup Sourcemark\/sourcemark-backup-.*: Access denied$/)]);

    w.data.annotations[0]!.note = 'v3';
    later(w, 60);
    await w.runner.run('alarm');
    expect(removeFile).toHaveBeenCalledTimes(3);
    expect(w.state().files.map((f) => f.downloadId)).toEqual([3]);
    expect(w.state().warnings).toEqual([]);
  });

  it('"Back up now" writes even when nothing changed and backups are off', async () => {
    const w = world({ ...ON, enabled: false });
    expect((await w.runner.run('manual')).kind).toBe('written');
    expect((await w.runner.run('manual')).kind).toBe('written');
    expect((await w.runner.run('alarm')).kind).toBe('skipped');
    expect(w.downloads.saves).toHaveLength(2);
  });

  it('runs at startup only when a check was missed', async () => {
    const w = world();
    await w.runner.run('alarm');
    w.data.annotations[0]!.note = 'changed';
    later(w, 30);
    expect(await w.runner.run('startup')).toEqual({ kind: 'skipped', reason: 'not-due' });
    later(w, 31);
    expect((await w.runner.run('startup')).kind).toBe('written');
  });

  it('runs one at a time: an alarm during "Back up now" sees its file and writes none', async () => {
    const w = world();
    const [manual, alarm] = await Promise.all([w.runner.run('manual'), w.runner.run('alarm')]);
    expect(manual.kind).toBe('written');
    expect(alarm.kind).toBe('unchanged');
    expect(w.downloads.saves).toHaveLength(1);
  });
});

describe('a run after the worker was stopped mid-run', () => {
  it('adopts a download that completed after the worker stopped, and writes no second file', async () => {
    const w = world();
    w.downloads.mode = 'hold';
    // The worker is stopped while the download is still running: the run never returns.
    void w.runner.run('alarm');
    await vi.waitFor(() => expect(w.state().pending?.downloadId).toBe(1));
    w.downloads.finish(1);
    w.restartWorker();
    w.downloads.mode = 'complete';
    later(w, 60);
    expect((await w.runner.run('alarm')).kind).toBe('unchanged');
    expect(w.downloads.saves).toHaveLength(1);
    expect(w.state().files.map((f) => f.downloadId)).toEqual([1]);
    expect(w.state().pending).toBeUndefined();
  });

  it('waits for a download still in progress instead of starting another', async () => {
    const w = world();
    w.downloads.mode = 'hold';
    void w.runner.run('alarm');
    await vi.waitFor(() => expect(w.state().pending?.downloadId).toBe(1));
    w.restartWorker();
    const next = w.runner.run('alarm');
    await new Promise((resolve) => setTimeout(resolve, 5));
    w.downloads.finish(1);
    expect((await next).kind).toBe('unchanged');
    expect(w.downloads.saves).toHaveLength(1);
  });

  it('writes again under the same name (overwriting) when the worker stopped before the download id was stored', async () => {
    const filename = 'Sourcemark/sourcemark-backup-2026-05-01T07-00-00.json';
    const w = world(ON, {
      files: [],
      warnings: [],
      pending: { filename, writtenAt: '2026-05-01T07:00:00.000Z', format: 'json', fingerprint: 'x', annotationCount: 1, sourceCount: 0 },
    });
    // The half-written file from the stopped run.
    w.downloads.disk.set(`${DOWNLOADS_DIR}/${filename}`, '{"trunc');
    expect(await w.runner.run('alarm')).toMatchObject({ kind: 'written', filename });
    expect([...w.downloads.disk.keys()]).toEqual([`${DOWNLOADS_DIR}/${filename}`]);
    expect(JSON.parse(w.downloads.disk.get(`${DOWNLOADS_DIR}/${filename}`)!).annotations).toHaveLength(1);
  });

  it('records an interrupted download as a failure in words, and retries it under the same name next time', async () => {
    const w = world();
    w.downloads.mode = 'interrupt';
    const failed = await w.runner.run('alarm');
    expect(failed).toEqual({
      kind: 'failed',
      at: T0.toISOString(),
      error: 'The backup file Sourcemark/sourcemark-backup-2026-05-01T08-00-00.json was not saved (FILE_NO_SPACE).',
    });
    expect(w.state().lastOutcome).toEqual(failed);
    expect(w.state().lastCheckedAt).toBeUndefined();

    w.downloads.mode = 'complete';
    later(w, 60);
    expect(await w.runner.run('alarm')).toMatchObject({ kind: 'written', filename: 'Sourcemark/sourcemark-backup-2026-05-01T08-00-00.json' });
    expect(w.state().files).toHaveLength(1);
  });

  it('records a failure to read the data, and one to start the download', async () => {
    const w = world();
    w.data.annotations = undefined as never;
    const readFailed = await w.runner.run('alarm');
    expect(readFailed.kind).toBe('failed');
    expect(w.logged).toHaveLength(1);

    const v = world();
    v.downloads.mode = 'reject';
    expect(await v.runner.run('alarm')).toMatchObject({ kind: 'failed', error: 'Invalid filename' });
    expect(v.state().lastOutcome).toMatchObject({ kind: 'failed', error: 'Invalid filename' });
  });
});
