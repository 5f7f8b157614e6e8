/**
 * The backup runner's view of the downloads API: save a file, see how its download went, wait
 * for it to end, delete an old backup. Built over a narrow slice of `browser.downloads` passed in
 * (a fake in tests), plus the function that starts a download (the background decides how the
 * text becomes a URL the downloads API takes).
 */
import type { ItemSource } from '../exchange/chunks';
import type { BackupFile } from './state';

/** A backup file to save. */
export type BackupFileContent = {
  /** Path relative to the downloads folder, `/`-separated. */
  filename: string;
  /** The file's media type. */
  mimeType: string;
  /** The file's text, in chunks (an array or a stream of them). */
  chunks: ItemSource<string>;
};

/**
 * Starts saving a file and resolves with the download id. It must overwrite a file of the same
 * name: a retry after a stopped worker saves under the pending backup's name again, and must not
 * leave a second copy beside the first.
 */
export type SaveBackupFile = (file: BackupFileContent) => Promise<number>;

/** Where a download is, as far as the runner cares. */
export type DownloadStatus =
  | { state: 'complete'; /** The full path the browser saved to. */ path: string; /** Whether the file is still on disk. */ exists: boolean }
  | { state: 'in_progress' }
  | { state: 'interrupted'; /** The browser's reason. */ error: string }
  /** No download with that id (erased from the browser's list, or another profile's id). */
  | { state: 'missing' };

/** What became of an old backup the runner tried to delete. */
export type RemoveOutcome = 'removed' | 'gone' | { failed: string };

/** The runner's downloads port. */
export type BackupDownloads = {
  /** Start saving a file; resolves with its download id. */
  save: SaveBackupFile;
  /** The download's status now. */
  status(id: number): Promise<DownloadStatus>;
  /** Resolves once the download completed or failed (never `in_progress`). */
  waitForEnd(id: number): Promise<DownloadStatus>;
  /**
   * Delete an old backup's file and its entry in the browser's download list. A file the user
   * already deleted, or a download id that no longer points at the file Sourcemark wrote, counts
   * as gone: nothing else is touched.
   */
  remove(file: BackupFile): Promise<RemoveOutcome>;
};

/** A download as `downloads.search` returns it, as far as this module reads it. */
export type DownloadItemLike = { id: number; filename: string; state?: string; exists?: boolean; error?: string };

/** The change event of a download, as far as this module reads it. */
export type DownloadChange = { id: number; state?: { current?: string } };

/** The slice of `browser.downloads` used here. */
export type DownloadsSlice = {
  search(query: { id: number }): Promise<DownloadItemLike[]>;
  removeFile(id: number): Promise<void>;
  erase(query: { id: number }): Promise<unknown>;
  onChanged: {
    addListener(listener: (change: DownloadChange) => void): void;
    removeListener(listener: (change: DownloadChange) => void): void;
  };
};

/** The browser's words when the file to delete is not there any more (Chrome, Firefox). */
const ALREADY_GONE = /already deleted|does not exist|doesn't exist|not found|no such file/i;

/** Words for a thrown value. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Options of `createBackupDownloads`. */
export type BackupDownloadsOptions = {
  /**
   * How long to wait for a download to end before calling the run failed; 5 minutes by default
   * (a backup is written from memory, but Chrome takes about 30 s for a 20 MB `data:` URL). The
   * download itself goes on; the next run adopts it if it completed. 0 waits for ever.
   */
  timeoutMs?: number;
};

/** The downloads port over `api`, saving with `save`. */
export function createBackupDownloads(api: DownloadsSlice, save: SaveBackupFile, options: BackupDownloadsOptions = {}): BackupDownloads {
  const timeoutMs = options.timeoutMs ?? 300_000;

  async function status(id: number): Promise<DownloadStatus> {
    const [item] = await api.search({ id });
    if (!item) return { state: 'missing' };
    if (item.state === 'complete') return { state: 'complete', path: item.filename, exists: item.exists !== false };
    if (item.state === 'interrupted') return { state: 'interrupted', error: item.error ?? 'interrupted' };
    return { state: 'in_progress' };
  }

  function waitForEnd(id: number): Promise<DownloadStatus> {
    return new Promise<DownloadStatus>((resolve, reject) => {
      let done = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: Promise<DownloadStatus>) => {
        if (done) return;
        done = true;
        api.onChanged.removeListener(onChanged);
        if (timer !== undefined) clearTimeout(timer);
        outcome.then(resolve, reject);
      };
      const onChanged = (change: DownloadChange) => {
        const state = change.state?.current;
        if (change.id === id && (state === 'complete' || state === 'interrupted')) finish(status(id));
      };
      // Listen first, then look: a download that ended in between is seen by the look.
      api.onChanged.addListener(onChanged);
      if (timeoutMs > 0) {
        timer = setTimeout(
          () => finish(Promise.resolve({ state: 'interrupted', error: `the download did not finish within ${Math.round(timeoutMs / 1000)} s` })),
          timeoutMs,
        );
      }
      status(id).then(
        (now) => {
          if (now.state !== 'in_progress') finish(Promise.resolve(now));
        },
        (error: unknown) => finish(Promise.reject(error)),
      );
    });
  }

  async function remove(file: BackupFile): Promise<RemoveOutcome> {
    const [item] = await api.search({ id: file.downloadId });
    // Not the file Sourcemark wrote (the id was erased and reused): leave it alone.
    if (!item || item.filename !== file.path) return 'gone';
    let outcome: RemoveOutcome = item.exists === false ? 'gone' : 'removed';
    if (outcome === 'removed') {
      try {
        await api.removeFile(file.downloadId);
      } catch (error) {
        const message = messageOf(error);
        if (!ALREADY_GONE.test(message)) return { failed: message };
        outcome = 'gone';
      }
    }
    await api.erase({ id: file.downloadId });
    return outcome;
  }

  return { save, status, waitForEnd, remove };
}
