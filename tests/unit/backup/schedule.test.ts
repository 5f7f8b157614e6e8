import { describe, expect, it } from 'vitest';
import { formatById } from '../../../lib/backup/formats';
import { backupFilename, decideWrite, gateRun, isDue, nextCheckAt, planPrune, type WriteInput } from '../../../lib/backup/schedule';
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../../lib/backup/settings';
import type { BackupFile, BackupState } from '../../../lib/backup/state';

const NOW = new Date('2026-03-04T10:20:30.000Z');
const HOURLY: BackupSettings = { ...DEFAULT_BACKUP_SETTINGS, enabled: true, intervalMinutes: 60 };
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const state = (over: Partial<BackupState> = {}): BackupState => ({ files: [], warnings: [], ...over });

function file(n: number, over: Partial<BackupFile> = {}): BackupFile {
  return {
    downloadId: n,
    filename: `Sourcemark/sourcemark-backup-${n}.json`,
    path: `/home/u/Downloads/Sourcemark/sourcemark-backup-${n}.json`,
    writtenAt: minutesAgo(100 - n),
    format: 'json',
    fingerprint: `fp${n}`,
    annotationCount: n,
    sourceCount: 0,
    ...over,
  };
}

describe('isDue', () => {
  it.each([
    ['never checked', undefined, true],
    ['checked 59 minutes ago', minutesAgo(59), false],
    ['checked exactly one interval ago', minutesAgo(60), true],
    ['checked 3 days ago (browser closed, machine asleep)', minutesAgo(3 * 1440), true],
    ['checked "in the future" (clock set back)', minutesAgo(-30), true],
  ])('hourly, %s → %s', (_label, lastCheckedAt, due) => {
    expect(isDue(HOURLY, state(lastCheckedAt ? { lastCheckedAt } : {}), NOW)).toBe(due);
  });

  it('is never due while backups are off', () => {
    expect(isDue({ ...HOURLY, enabled: false }, state(), NOW)).toBe(false);
  });
});

describe('nextCheckAt', () => {
  it('is one interval after the last check', () => {
    expect(nextCheckAt(HOURLY, state({ lastCheckedAt: minutesAgo(20) }), NOW).toISOString()).toBe(minutesAgo(-40));
  });

  it('is now when a check was missed or never ran', () => {
    expect(nextCheckAt(HOURLY, state({ lastCheckedAt: minutesAgo(600) }), NOW)).toEqual(NOW);
    expect(nextCheckAt(HOURLY, state(), NOW)).toEqual(NOW);
  });
});

describe('gateRun', () => {
  const recent = state({ lastCheckedAt: minutesAgo(5) });
  it('runs "Back up now" even when backups are off', () => {
    expect(gateRun('manual', { ...HOURLY, enabled: false }, recent, NOW)).toEqual({ run: true });
  });
  it('skips scheduled runs while backups are off', () => {
    expect(gateRun('alarm', { ...HOURLY, enabled: false }, state(), NOW)).toEqual({ run: false, reason: 'disabled' });
    expect(gateRun('startup', { ...HOURLY, enabled: false }, state(), NOW)).toEqual({ run: false, reason: 'disabled' });
  });
  it('runs at startup only when a check was missed', () => {
    expect(gateRun('startup', HOURLY, recent, NOW)).toEqual({ run: false, reason: 'not-due' });
    expect(gateRun('startup', HOURLY, state({ lastCheckedAt: minutesAgo(61) }), NOW)).toEqual({ run: true });
  });
  it('runs whenever the alarm fires: the alarm is the schedule', () => {
    expect(gateRun('alarm', HOURLY, recent, NOW)).toEqual({ run: true });
  });
});

describe('decideWrite', () => {
  const newest = file(3);
  const base: WriteInput = { trigger: 'alarm', format: 'json', fingerprint: 'fp3', newest, newestExists: true, pendingRetry: false };

  it.each<[string, Partial<WriteInput>, ReturnType<typeof decideWrite>]>([
    ['nothing changed', {}, { write: false, reason: 'unchanged' }],
    ['nothing changed, at startup', { trigger: 'startup' }, { write: false, reason: 'unchanged' }],
    ['the data changed', { fingerprint: 'fp4' }, { write: true, reason: 'changed' }],
    ['the format changed', { format: 'csv' }, { write: true, reason: 'format-changed' }],
    ['no backup yet', { newest: undefined, newestExists: false }, { write: true, reason: 'first' }],
    ['the newest file was deleted from disk', { newestExists: false }, { write: true, reason: 'newest-missing' }],
    ['an earlier backup did not complete', { pendingRetry: true }, { write: true, reason: 'retry' }],
    ['"Back up now", nothing changed', { trigger: 'manual' }, { write: true, reason: 'manual' }],
  ])('%s', (_label, over, expected) => {
    expect(decideWrite({ ...base, ...over })).toEqual(expected);
  });
});

describe('backupFilename', () => {
  it('is a dated name in the Sourcemark folder, UTC, without colons, with the format’s extension', () => {
    const json = formatById('json');
    if (!json) throw new Error('no Sourcemark JSON format');
    expect(backupFilename(json, NOW)).toBe('Sourcemark/sourcemark-backup-2026-03-04T10-20-30.json');
    expect(backupFilename({ extension: 'csv' }, new Date('2026-12-31T23:59:59.999Z'))).toBe(
      'Sourcemark/sourcemark-backup-2026-12-31T23-59-59.csv',
    );
  });

  it('gives backups a second apart different names', () => {
    const a = backupFilename({ extension: 'json' }, NOW);
    const b = backupFilename({ extension: 'json' }, new Date(NOW.getTime() + 1000));
    expect(a).not.toBe(b);
  });
});

describe('planPrune', () => {
  const files = [file(1), file(2), file(3), file(4)];
  it.each([
    [10, [1, 2, 3, 4], []],
    [4, [1, 2, 3, 4], []],
    [2, [3, 4], [1, 2]],
    [1, [4], [1, 2, 3]],
    [0, [4], [1, 2, 3]],
  ])('keep %i → keeps %j, removes %j (oldest first)', (keep, kept, removed) => {
    const plan = planPrune(files, keep);
    expect(plan.kept.map((f) => f.downloadId)).toEqual(kept);
    expect(plan.remove.map((f) => f.downloadId)).toEqual(removed);
  });
});
