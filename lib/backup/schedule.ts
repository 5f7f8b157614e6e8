/**
 * The backup schedule's decisions, as pure functions of the settings, the stored state and the
 * time: is a check due, should this run write a file, what is it called, which old files go.
 * The runner (lib/backup/runner.ts) does what these say; tests drive them directly.
 */
import type { ExportFormat } from './formats';
import type { BackupSettings } from './settings';
import type { BackupFile, BackupState } from './state';

/** The subfolder of the downloads folder that backups (like manual exports) go to. */
export const BACKUP_FOLDER = 'Sourcemark';

/** What started a run. */
export type BackupTrigger =
  /** The periodic alarm fired: the schedule itself. */
  | 'alarm'
  /** The browser started, the extension was installed or updated, or the settings changed: run only if a check was missed. */
  | 'startup'
  /** The user pressed "Back up now": write a file whatever changed. */
  | 'manual';

const MINUTE_MS = 60_000;

/**
 * Whether a scheduled check is due at `now`: backups are on and no check finished within the last
 * interval (never, or the browser was closed or asleep when it should have run). A last check
 * "in the future" (the clock was set back) counts as due, so a wrong clock can't stop backups.
 */
export function isDue(settings: BackupSettings, state: Pick<BackupState, 'lastCheckedAt'>, now: Date): boolean {
  if (!settings.enabled) return false;
  if (state.lastCheckedAt === undefined) return true;
  const elapsed = now.getTime() - Date.parse(state.lastCheckedAt);
  return elapsed < 0 || elapsed >= settings.intervalMinutes * MINUTE_MS;
}

/** When the next check should run: one interval after the last, or now if that has passed. */
export function nextCheckAt(settings: BackupSettings, state: Pick<BackupState, 'lastCheckedAt'>, now: Date): Date {
  if (state.lastCheckedAt === undefined || isDue(settings, state, now)) return now;
  return new Date(Date.parse(state.lastCheckedAt) + settings.intervalMinutes * MINUTE_MS);
}

/** Whether a run goes ahead at all, before reading any data. */
export type RunGate = { run: true } | { run: false; reason: 'disabled' | 'not-due' };

/** Scheduled runs need backups on, and a startup run needs a missed check; "Back up now" always runs. */
export function gateRun(trigger: BackupTrigger, settings: BackupSettings, state: BackupState, now: Date): RunGate {
  if (trigger === 'manual') return { run: true };
  if (!settings.enabled) return { run: false, reason: 'disabled' };
  if (trigger === 'startup' && !isDue(settings, state, now)) return { run: false, reason: 'not-due' };
  return { run: true };
}

/** Why a run writes a file, or why not. */
export type WriteDecision =
  | { write: true; reason: 'manual' | 'retry' | 'first' | 'changed' | 'format-changed' | 'newest-missing' }
  | { write: false; reason: 'unchanged' };

/** What `decideWrite` looks at. */
export type WriteInput = {
  trigger: BackupTrigger;
  /** The format the settings ask for. */
  format: string;
  /** Fingerprint of the data now. */
  fingerprint: string;
  /** The newest backup kept, if any. */
  newest: BackupFile | undefined;
  /** Whether the newest backup's file is still on disk (the user may have deleted or moved it). */
  newestExists: boolean;
  /** Whether an earlier run started a backup that did not complete (its file may be half written). */
  pendingRetry: boolean;
};

/**
 * Write only when something changed since the last backup: the data's fingerprint, or the
 * format. A newest file that is gone from disk no longer protects anything, so it is written
 * again. "Back up now" always writes, and so does a run after one whose backup did not complete
 * (it writes the same name again, so the unfinished file is replaced, not left beside it).
 */
export function decideWrite({ trigger, format, fingerprint, newest, newestExists, pendingRetry }: WriteInput): WriteDecision {
  if (trigger === 'manual') return { write: true, reason: 'manual' };
  if (pendingRetry) return { write: true, reason: 'retry' };
  if (!newest) return { write: true, reason: 'first' };
  if (newest.format !== format) return { write: true, reason: 'format-changed' };
  if (newest.fingerprint !== fingerprint) return { write: true, reason: 'changed' };
  if (!newestExists) return { write: true, reason: 'newest-missing' };
  return { write: false, reason: 'unchanged' };
}

/**
 * The backup's file name: `Sourcemark/sourcemark-backup-YYYY-MM-DDTHH-MM-SS.<ext>`, in UTC like
 * the export's `exportedAt`. Seconds, so two backups a minute apart never share a name; colons
 * become hyphens because Windows rejects `:` in file names.
 */
export function backupFilename(format: Pick<ExportFormat, 'extension'>, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-');
  return `${BACKUP_FOLDER}/sourcemark-backup-${stamp}.${format.extension}`;
}

/** Which files to keep and which to delete. */
export type PrunePlan = {
  /** Kept, oldest first. */
  kept: BackupFile[];
  /** To delete, oldest first. */
  remove: BackupFile[];
};

/** Keep the newest `keep` files (at least one: the backup just written is never deleted). */
export function planPrune(files: readonly BackupFile[], keep: number): PrunePlan {
  const n = Math.max(1, Math.floor(keep));
  const cut = Math.max(0, files.length - n);
  return { kept: files.slice(cut), remove: files.slice(0, cut) };
}
