import { describe, expect, it } from 'vitest';
import { describeLastBackup, describeLastRun, describeRunResult, describeSchedule } from '../../../lib/backup/describe';
import { describePersistence, requestPersistence } from '../../../lib/backup/persistence';
import { DEFAULT_BACKUP_SETTINGS } from '../../../lib/backup/settings';
import type { BackupState } from '../../../lib/backup/state';

const at = (iso: string) => `<${iso.slice(0, 16)}>`;

describe('requestPersistence', () => {
  it('does not ask again when storage is already persistent', async () => {
    let asked = 0;
    const outcome = await requestPersistence({ persisted: async () => true, persist: async () => (asked++, true) });
    expect(outcome).toEqual({ status: 'granted' });
    expect(asked).toBe(0);
  });

  it.each([
    [true, 'granted'],
    [false, 'refused'],
  ] as const)('asks, and reports persist() → %s as %s', async (answer, status) => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => answer })).toEqual({ status });
  });

  it('reports a browser without persist() (a service worker, an old browser) as unsupported', async () => {
    expect(await requestPersistence(undefined)).toEqual({ status: 'unsupported' });
    expect(await requestPersistence({ persisted: async () => false })).toEqual({ status: 'unsupported' });
  });

  it('reports a failing request in words instead of rejecting', async () => {
    const outcome = await requestPersistence({ persisted: async () => false, persist: async () => Promise.reject(new Error('not allowed')) });
    expect(outcome).toEqual({ status: 'failed', error: 'not allowed' });
    expect(describePersistence(outcome)).toMatch(/^Persistent storage: the request failed \(not allowed\)\./);
  });

  it('tells the user what a refusal means', () => {
    expect(describePersistence({ status: 'refused' })).toMatch(/^Persistent storage: refused\. The browser may clear Sourcemark’s data under storage pressure/);
  });
});

describe('the backup schedule in words', () => {
  it('describes the settings', () => {
    expect(describeSchedule(DEFAULT_BACKUP_SETTINGS)).toBe('Automatic backups are off.');
    expect(describeSchedule({ ...DEFAULT_BACKUP_SETTINGS, enabled: true, keep: 1, intervalMinutes: 60 })).toBe(
      'Automatic backups are on: checked every hour, written as Sourcemark JSON (everything; can be imported back) when something changed, keeping the last file.',
    );
  });

  it('names the newest file, with its time and counts', () => {
    const state: BackupState = {
      warnings: [],
      files: [
        {
          downloadId: 1,
          path: '/d/a.json',
          filename: 'Sourcemark/sourcemark-backup-2026-01-02T03-04-05.json',
          writtenAt: '2026-01-02T03:04:05.000Z',
          format: 'json',
          fingerprint: 'f',
          annotationCount: 1,
          sourceCount: 2,
        },
      ],
    };
    expect(describeLastBackup(state, at)).toBe('<2026-01-02T03:04> — Sourcemark/sourcemark-backup-2026-01-02T03-04-05.json (1 annotation, 2 sources)');
    expect(describeLastBackup({ files: [], warnings: [] }, at)).toBeNull();
  });

  it('says when the last run wrote nothing, or failed', () => {
    const base: BackupState = { files: [], warnings: [] };
    expect(describeLastRun(base, at)).toBeNull();
    expect(describeLastRun({ ...base, lastOutcome: { kind: 'unchanged', at: '2026-01-02T03:04:05.000Z' } }, at)).toEqual({
      tone: 'info',
      text: 'Last checked <2026-01-02T03:04>: nothing changed since the last backup, so no new file.',
    });
    expect(describeLastRun({ ...base, lastOutcome: { kind: 'failed', at: '2026-01-02T03:04:05.000Z', error: 'disk full' } }, at)).toEqual({
      tone: 'error',
      text: 'The last backup failed (<2026-01-02T03:04>): disk full',
    });
  });

  it('answers "Back up now"', () => {
    expect(describeRunResult({ kind: 'written', at: 'x', filename: 'Sourcemark/b.json', annotationCount: 2, sourceCount: 1 })).toBe(
      'Backed up 2 annotations and 1 source to Sourcemark/b.json.',
    );
    expect(describeRunResult({ kind: 'failed', at: 'x', error: 'disk full' })).toBe('Backup failed: disk full');
  });
});
