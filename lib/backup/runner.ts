/**
 * One backup run: read the data, decide (lib/backup/schedule.ts), write the file through the
 * downloads API, delete the files beyond `keep`, and record it all in the stored state.
 *
 * The service worker can be stopped at any point of a run. The state is written so that a later
 * run puts things right without a duplicate: the pending backup (name, fingerprint) is stored
 * before the download starts and its download id as soon as it is known; the file joins the
 * kept list only after the download completed. A run that finds a pending backup adopts its file
 * if the download completed, and otherwise writes it again under the same name (overwriting).
 *
 * Runs in one worker are serialised (an alarm during "Back up now" waits for it).
 */
import { describeError } from '../background/handle-request';
import type { BackupDownloads } from './downloads';
import { fingerprintOf } from './fingerprint';
import { formatById, type ExportData } from './formats';
import { backupFilename, decideWrite, gateRun, planPrune, type BackupTrigger } from './schedule';
import type { BackupStore } from './storage';
import { newestBackup, type BackupFile, type BackupRunResult, type BackupState, type PendingBackup } from './state';

/** What a runner needs from the outside world; tests pass fakes. */
export type BackupRunnerDeps = {
  /** Settings and state in storage. */
  store: BackupStore;
  /** Every annotation and source, read in one transaction. */
  readData(): Promise<ExportData>;
  /** The downloads API. */
  downloads: BackupDownloads;
  /** The extension version, written into the files. */
  version: string;
  /** The clock; the system clock by default. */
  now?: () => Date;
  /** Where a failure's details go for developers; console.error by default. */
  logError?: (error: unknown) => void;
};

/** Runs backups. */
export type BackupRunner = {
  /** Run once for `trigger`; never rejects (a failure is a `failed` result, also stored). */
  run(trigger: BackupTrigger): Promise<BackupRunResult>;
};

/** The kept file a completed pending backup becomes. */
function fileOf(pending: PendingBackup, downloadId: number, path: string): BackupFile {
  const { downloadId: _ignored, ...rest } = pending;
  return { ...rest, downloadId, path };
}

/** Make a runner. */
export function createBackupRunner(deps: BackupRunnerDeps): BackupRunner {
  const now = deps.now ?? (() => new Date());
  const logError = deps.logError ?? ((error: unknown) => console.error('Sourcemark backup:', error));
  const { store, downloads } = deps;
  let queue: Promise<unknown> = Promise.resolve();

  /**
   * Finish what a stopped worker left: a pending backup whose download completed joins the kept
   * files; one still downloading is waited for. A pending backup left in the returned state
   * did not complete (its download failed, or never started) and is written again.
   */
  async function settlePending(state: BackupState): Promise<BackupState> {
    const pending = state.pending;
    if (pending?.downloadId === undefined) return state;
    let status = await downloads.status(pending.downloadId);
    if (status.state === 'in_progress') status = await downloads.waitForEnd(pending.downloadId);
    if (status.state === 'complete') {
      const { pending: _done, ...rest } = state;
      const next: BackupState = { ...rest, files: [...state.files, fileOf(pending, pending.downloadId, status.path)] };
      await store.saveState(next);
      return next;
    }
    // Failed or erased: keep the name, forget the id; the write below saves it again.
    const { downloadId: _gone, ...again } = pending;
    return { ...state, pending: again };
  }

  /** Delete the files beyond `keep`; the ones that could not be deleted stay listed, with a warning. */
  async function prune(state: BackupState, keep: number): Promise<BackupState> {
    const plan = planPrune(state.files, keep);
    const stay: BackupFile[] = [];
    const warnings: string[] = [];
    for (const file of plan.remove) {
      try {
        const outcome = await downloads.remove(file);
        if (typeof outcome === 'object') {
          stay.push(file);
          warnings.push(`Couldn't delete the old backup ${file.filename}: ${outcome.failed}`);
        }
      } catch (error) {
        logError(error);
        stay.push(file);
        warnings.push(`Couldn't delete the old backup ${file.filename}: ${describeError(error)}`);
      }
    }
    return { ...state, files: [...stay, ...plan.kept], warnings };
  }

  async function runOnce(trigger: BackupTrigger): Promise<BackupRunResult> {
    const settings = await store.loadSettings();
    let state = await store.loadState();
    const startedAt = now();
    const gate = gateRun(trigger, settings, state, startedAt);
    if (!gate.run) return { kind: 'skipped', reason: gate.reason };

    state = await settlePending(state);
    const format = formatById(settings.format);
    if (!format) throw new Error(`Unknown backup format "${settings.format}".`);

    const data = await deps.readData();
    const fingerprint = await fingerprintOf(data);
    const newest = newestBackup(state);
    const newestStatus = newest ? await downloads.status(newest.downloadId) : undefined;
    const newestExists = newestStatus?.state === 'complete' && newestStatus.exists && newestStatus.path === newest?.path;
    const decision = decideWrite({
      trigger,
      format: format.id,
      fingerprint,
      newest,
      newestExists,
      pendingRetry: state.pending !== undefined,
    });
    const at = now();
    if (!decision.write) {
      const outcome = { kind: 'unchanged', at: at.toISOString() } as const;
      // A lowered "files to keep" takes effect now, not only at the next change.
      const pruned = state.files.length > settings.keep ? await prune(state, settings.keep) : state;
      await store.saveState({ ...pruned, lastCheckedAt: outcome.at, lastOutcome: outcome });
      return outcome;
    }

    // A retry reuses the pending name, so the overwrite leaves one file, not two.
    const pending: PendingBackup = {
      filename: state.pending?.filename ?? backupFilename(format, at),
      writtenAt: at.toISOString(),
      format: format.id,
      fingerprint,
      annotationCount: data.annotations.length,
      sourceCount: data.sources.length,
    };
    state = { ...state, pending };
    await store.saveState(state);
    const downloadId = await downloads.save({
      filename: pending.filename,
      mimeType: format.mimeType,
      chunks: format.produce(data, { version: deps.version, now: at }),
    });
    state = { ...state, pending: { ...pending, downloadId } };
    await store.saveState(state);

    const end = await downloads.waitForEnd(downloadId);
    if (end.state !== 'complete') {
      const reason = end.state === 'interrupted' ? end.error : 'the download disappeared from the browser’s list';
      throw new Error(`The backup file ${pending.filename} was not saved (${reason}).`);
    }
    const { pending: _saved, ...rest } = state;
    state = { ...rest, files: [...state.files, fileOf(pending, downloadId, end.path)] };
    // Recorded before pruning, so a worker stopped while deleting old files loses nothing.
    await store.saveState(state);
    const pruned = await prune(state, settings.keep);
    const outcome = {
      kind: 'written',
      at: pending.writtenAt,
      filename: pending.filename,
      annotationCount: pending.annotationCount,
      sourceCount: pending.sourceCount,
    } as const;
    await store.saveState({ ...pruned, lastCheckedAt: outcome.at, lastOutcome: outcome });
    return outcome;
  }

  /** `runOnce`, with a failure recorded in the state (when storage still works) and returned. */
  async function runRecorded(trigger: BackupTrigger): Promise<BackupRunResult> {
    try {
      return await runOnce(trigger);
    } catch (error) {
      logError(error);
      const outcome = { kind: 'failed', at: now().toISOString(), error: describeError(error) } as const;
      try {
        await store.saveState({ ...(await store.loadState()), lastOutcome: outcome });
      } catch (storeError) {
        logError(storeError);
      }
      return outcome;
    }
  }

  return {
    run(trigger) {
      const result = queue.then(() => runRecorded(trigger));
      queue = result;
      return result;
    },
  };
}
