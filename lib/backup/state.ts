/**
 * What the background remembers between runs of the backup schedule. An MV3 service worker can be
 * stopped at any moment, so nothing lives in memory: this record in `storage.local` is the
 * schedule's whole state. Pure: types and parsing.
 */

/** A backup file Sourcemark wrote and still keeps (it deletes the oldest beyond `keep`). */
export type BackupFile = {
  /** The browser's download id: how the file is deleted later. */
  downloadId: number;
  /** The file name asked for, relative to the downloads folder (`Sourcemark/…`). */
  filename: string;
  /**
   * The file's full path as the browser reported it when the download completed. A file is only
   * deleted while its download id still points at this path, so a reused id never costs the user
   * someone else's file.
   */
  path: string;
  /** ISO time the backup was made. */
  writtenAt: string;
  /** The format's id. */
  format: string;
  /** Fingerprint of the data the file holds (lib/backup/fingerprint.ts). */
  fingerprint: string;
  /** Annotations in the file (tombstones included). */
  annotationCount: number;
  /** Sources in the file. */
  sourceCount: number;
};

/**
 * A backup whose download was started and not yet seen to complete. Written before the download
 * starts, so a worker stopped mid-run leaves it behind: the next run adopts the file if it
 * completed, or writes it again under the same name (overwriting), so a retry never leaves two.
 */
export type PendingBackup = Omit<BackupFile, 'downloadId' | 'path'> & {
  /** The download id, once the browser gave one. */
  downloadId?: number;
};

/** How the last run ended, for the options page and the popup. */
export type BackupOutcome =
  | {
      kind: 'written';
      /** ISO time. */
      at: string;
      /** The file name asked for. */
      filename: string;
      annotationCount: number;
      sourceCount: number;
    }
  | {
      /** Nothing changed since the last backup: no file written. */
      kind: 'unchanged';
      at: string;
    }
  | {
      kind: 'failed';
      at: string;
      /** What went wrong, in words a user can act on. */
      error: string;
    };

/** The schedule's state. */
export type BackupState = {
  /** ISO time of the last run that finished its check (wrote a file or found nothing changed). */
  lastCheckedAt?: string;
  /** The files Sourcemark keeps, oldest first. */
  files: BackupFile[];
  /** A backup started and not yet seen complete. */
  pending?: PendingBackup;
  /** How the last run ended. */
  lastOutcome?: BackupOutcome;
  /** Old files that could not be deleted in the last run, in words. */
  warnings: string[];
};

/** The `storage.local` key of the state. */
export const BACKUP_STATE_KEY = 'sourcemark:backup-state';

/** Before the first run. */
export const EMPTY_BACKUP_STATE: Readonly<BackupState> = Object.freeze({ files: [], warnings: [] });

/** Most files the state lists (a bound on what a damaged store can make us read). */
const MAX_FILES = 10_000;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isIso = (v: unknown): v is string => isStr(v) && !Number.isNaN(Date.parse(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The fields a pending backup and a kept file share, or null when any is malformed. */
function parseCommon(r: Rec): Omit<BackupFile, 'downloadId' | 'path'> | null {
  if (!isStr(r.filename) || !isIso(r.writtenAt) || !isStr(r.format) || !isStr(r.fingerprint)) return null;
  if (!isCount(r.annotationCount) || !isCount(r.sourceCount)) return null;
  return {
    filename: r.filename,
    writtenAt: r.writtenAt,
    format: r.format,
    fingerprint: r.fingerprint,
    annotationCount: r.annotationCount,
    sourceCount: r.sourceCount,
  };
}

function parseFile(raw: unknown): BackupFile | null {
  if (!isRec(raw) || !isCount(raw.downloadId) || !isStr(raw.path)) return null;
  const common = parseCommon(raw);
  return common && { ...common, downloadId: raw.downloadId, path: raw.path };
}

function parsePending(raw: unknown): PendingBackup | undefined {
  if (!isRec(raw)) return undefined;
  const common = parseCommon(raw);
  if (!common) return undefined;
  return isCount(raw.downloadId) ? { ...common, downloadId: raw.downloadId } : common;
}

function parseOutcome(raw: unknown): BackupOutcome | undefined {
  if (!isRec(raw) || !isIso(raw.at)) return undefined;
  switch (raw.kind) {
    case 'written':
      return isStr(raw.filename) && isCount(raw.annotationCount) && isCount(raw.sourceCount)
        ? { kind: 'written', at: raw.at, filename: raw.filename, annotationCount: raw.annotationCount, sourceCount: raw.sourceCount }
        : undefined;
    case 'unchanged':
      return { kind: 'unchanged', at: raw.at };
    case 'failed':
      return isStr(raw.error) ? { kind: 'failed', at: raw.at, error: raw.error } : undefined;
    default:
      return undefined;
  }
}

/**
 * The state from whatever the store holds. Malformed parts are dropped rather than failing the
 * schedule: a malformed file entry only means that file is no longer deleted automatically.
 */
export function parseBackupState(raw: unknown): BackupState {
  if (!isRec(raw)) return { files: [], warnings: [] };
  const files = (Array.isArray(raw.files) ? raw.files.slice(-MAX_FILES) : [])
    .map(parseFile)
    .filter((f): f is BackupFile => f !== null);
  const state: BackupState = {
    files,
    warnings: Array.isArray(raw.warnings) ? raw.warnings.filter(isStr).slice(0, 100) : [],
  };
  if (isIso(raw.lastCheckedAt)) state.lastCheckedAt = raw.lastCheckedAt;
  const pending = parsePending(raw.pending);
  if (pending) state.pending = pending;
  const outcome = parseOutcome(raw.lastOutcome);
  if (outcome) state.lastOutcome = outcome;
  return state;
}

/** The newest file kept, if any. */
export function newestBackup(state: BackupState): BackupFile | undefined {
  return state.files.at(-1);
}

/** What one run did: its outcome, or why it did not run. The answer to "Back up now". */
export type BackupRunResult =
  | BackupOutcome
  | {
      kind: 'skipped';
      /** Backups are off (a scheduled run), or no check was missed (a startup run). */
      reason: 'disabled' | 'not-due';
    };
