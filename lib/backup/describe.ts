/**
 * The backup schedule in words, for the options page and the popup. Pure: dates are formatted by
 * a function passed in (the pages pass the user's locale).
 */
import { formatById } from './formats';
import { describeInterval, type BackupSettings } from './settings';
import { newestBackup, type BackupRunResult, type BackupState } from './state';

/** Formats an ISO time for people. */
export type FormatTime = (iso: string) => string;

/** A time in the user's locale: "27 Nov 2026, 18:50". */
export const localTime: FormatTime = (iso) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** "1 annotation", "3 sources". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "Off." or "On: every day, Sourcemark JSON, keeping the last 10 files." */
export function describeSchedule(settings: BackupSettings): string {
  if (!settings.enabled) return 'Automatic backups are off.';
  const format = formatById(settings.format)?.label ?? settings.format;
  const files = settings.keep === 1 ? 'the last file' : `the last ${settings.keep} files`;
  return `Automatic backups are on: checked ${describeInterval(settings.intervalMinutes)}, written as ${format} when something changed, keeping ${files}.`;
}

/** "27 Nov 2026, 18:50 — Sourcemark/sourcemark-backup-….json (3 annotations, 2 sources)", or null before the first. */
export function describeLastBackup(state: BackupState, formatTime: FormatTime): string | null {
  const newest = newestBackup(state);
  if (!newest) return null;
  return `${formatTime(newest.writtenAt)} — ${newest.filename} (${count(newest.annotationCount, 'annotation')}, ${count(newest.sourceCount, 'source')})`;
}

/** The popup's short form: "27 Nov 2026, 18:50 · sourcemark-backup-….json", or null before the first. */
export function describeLastBackupShort(state: BackupState, formatTime: FormatTime): string | null {
  const newest = newestBackup(state);
  if (!newest) return null;
  return `${formatTime(newest.writtenAt)} · ${newest.filename.slice(newest.filename.lastIndexOf('/') + 1)}`;
}

/** What the last run said when it wrote nothing or failed; null when it wrote the newest file (or never ran). */
export function describeLastRun(state: BackupState, formatTime: FormatTime): { tone: 'info' | 'error'; text: string } | null {
  const outcome = state.lastOutcome;
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'written':
      return null;
    case 'unchanged':
      return { tone: 'info', text: `Last checked ${formatTime(outcome.at)}: nothing changed since the last backup, so no new file.` };
    case 'failed':
      return { tone: 'error', text: `The last backup failed (${formatTime(outcome.at)}): ${outcome.error}` };
  }
}

/** The answer to "Back up now", in words. */
export function describeRunResult(result: BackupRunResult): string {
  switch (result.kind) {
    case 'written':
      return `Backed up ${count(result.annotationCount, 'annotation')} and ${count(result.sourceCount, 'source')} to ${result.filename}.`;
    case 'unchanged':
      return 'Nothing changed since the last backup, so no new file was written.';
    case 'failed':
      return `Backup failed: ${result.error}`;
    case 'skipped':
      return result.reason === 'disabled' ? 'Automatic backups are off.' : 'No backup was due.';
  }
}
