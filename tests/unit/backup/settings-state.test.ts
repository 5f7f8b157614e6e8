import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, describeInterval, parseBackupSettings } from '../../../lib/backup/settings';
import { parseBackupState } from '../../../lib/backup/state';

describe('parseBackupSettings', () => {
  it('gives the defaults for nothing stored: off, Sourcemark JSON, daily, keep 10', () => {
    expect(parseBackupSettings(undefined)).toEqual({ enabled: false, format: 'json', intervalMinutes: 1440, keep: 10 });
  });

  it('keeps valid values', () => {
    const stored = { enabled: true, format: 'json', intervalMinutes: 15, keep: 2 };
    expect(parseBackupSettings(stored)).toEqual(stored);
  });

  it.each([
    ['an unknown format', { format: 'docx' }, 'format'],
    ['a zero interval', { intervalMinutes: 0 }, 'intervalMinutes'],
    ['a fractional interval', { intervalMinutes: 1.5 }, 'intervalMinutes'],
    ['keep 0', { keep: 0 }, 'keep'],
    ['keep as text', { keep: '3' }, 'keep'],
    ['enabled as text', { enabled: 'yes' }, 'enabled'],
  ] as const)('replaces %s with the default', (_label, raw, field) => {
    expect(parseBackupSettings(raw)[field]).toBe(DEFAULT_BACKUP_SETTINGS[field]);
  });
});

describe('describeInterval', () => {
  it('names the menu’s intervals and counts others in minutes', () => {
    expect(describeInterval(1440)).toBe('every day');
    expect(describeInterval(90)).toBe('every 90 minutes');
    expect(describeInterval(1)).toBe('every minute');
  });
});

describe('parseBackupState', () => {
  const file = {
    downloadId: 7,
    filename: 'Sourcemark/sourcemark-backup-2026-01-01T00-00-00.json',
    path: '/d/Sourcemark/sourcemark-backup-2026-01-01T00-00-00.json',
    writtenAt: '2026-01-01T00:00:00.000Z',
    format: 'json',
    fingerprint: 'ab',
    annotationCount: 1,
    sourceCount: 0,
  };

  it('starts empty', () => {
    expect(parseBackupState(undefined)).toEqual({ files: [], warnings: [] });
  });

  it('round-trips a full state', () => {
    const { downloadId: _id, path: _path, ...pendingFields } = file;
    const full = {
      lastCheckedAt: '2026-01-01T00:00:00.000Z',
      files: [file],
      pending: { ...pendingFields, downloadId: 8 },
      lastOutcome: { kind: 'failed', at: '2026-01-01T00:00:00.000Z', error: 'disk full' },
      warnings: ['w'],
    };
    expect(parseBackupState(structuredClone(full))).toEqual(full);
  });

  it('drops malformed entries and keeps the rest', () => {
    const parsed = parseBackupState({
      lastCheckedAt: 'yesterday',
      files: [file, { ...file, downloadId: -1 }, { ...file, path: 3 }, null],
      pending: { filename: 'x' },
      lastOutcome: { kind: 'exploded', at: '2026-01-01T00:00:00.000Z' },
      warnings: 'no',
    });
    expect(parsed).toEqual({ files: [file], warnings: [] });
  });
});
