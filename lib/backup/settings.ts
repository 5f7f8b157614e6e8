/**
 * What the user chose for automatic backups: on or off, the format, how often, and how many
 * files to keep. Pure: types, defaults and parsing; lib/backup/storage.ts keeps them in
 * `storage.local`, which the options page writes and the background reads.
 */
import { DEFAULT_FORMAT_ID, formatById } from './formats';

/** The backup settings. */
export type BackupSettings = {
  /** Whether backups are written on a schedule. */
  enabled: boolean;
  /** The export format's id (lib/backup/formats.ts). */
  format: string;
  /** Minutes between scheduled checks; a file is written only when something changed. */
  intervalMinutes: number;
  /** How many backup files to keep; older ones Sourcemark wrote are deleted. */
  keep: number;
};

/** The `storage.local` key of the settings. */
export const BACKUP_SETTINGS_KEY = 'sourcemark:backup-settings';

/** One choice of the interval menu. */
export type IntervalChoice = { minutes: number; label: string };

/** The intervals the options page offers. */
export const INTERVAL_CHOICES: readonly IntervalChoice[] = [
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 360, label: 'Every 6 hours' },
  { minutes: 1440, label: 'Every day' },
  { minutes: 10080, label: 'Every week' },
];

/** Bounds of `intervalMinutes`: one minute (alarms fire no more often) to 30 days. */
export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 43_200;

/** Bounds of `keep`. */
export const MIN_KEEP = 1;
export const MAX_KEEP = 1000;

/** A fresh install: off; when turned on, daily Sourcemark JSON, the last 10 kept. */
export const DEFAULT_BACKUP_SETTINGS: Readonly<BackupSettings> = Object.freeze({
  enabled: false,
  format: DEFAULT_FORMAT_ID,
  intervalMinutes: 1440,
  keep: 10,
});

/** An integer within bounds, or the fallback. */
function intIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/**
 * Settings from whatever the store holds: a missing or malformed field takes its default (a
 * format this version does not know falls back to Sourcemark JSON), so damaged storage never
 * stops backups.
 */
export function parseBackupSettings(raw: unknown): BackupSettings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_BACKUP_SETTINGS;
  return {
    enabled: typeof record.enabled === 'boolean' ? record.enabled : d.enabled,
    format: typeof record.format === 'string' && formatById(record.format) ? record.format : d.format,
    intervalMinutes: intIn(record.intervalMinutes, MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, d.intervalMinutes),
    keep: intIn(record.keep, MIN_KEEP, MAX_KEEP, d.keep),
  };
}

/** "every 15 minutes", "every day", "every 90 minutes": the interval in words. */
export function describeInterval(minutes: number): string {
  const choice = INTERVAL_CHOICES.find((c) => c.minutes === minutes);
  if (choice) return choice.label.toLowerCase();
  return minutes === 1 ? 'every minute' : `every ${minutes} minutes`;
}
