/**
 * Saving a Blob through the downloads API via a `blob:` URL: exports from an extension page
 * (library, options, popup), and backups where the background has blob URLs (Firefox; see
 * lib/backup/save-file.ts).
 *
 * Exports used to be built in the service worker and downloaded from a `data:` URL, since
 * Chrome's MV3 service worker has no `URL.createObjectURL`; a data URL of more than a few MB
 * fails, and Firefox refuses data URLs altogether. Exports now run in the page that asks for
 * them (lib/store/exchange-export.ts builds a Blob from parts), and the page hands the downloads
 * API a `blob:` URL, which both browsers take at any size. The background downloads only backups.
 */
import { browser } from 'wxt/browser';

/** The change event of a download, as far as this module reads it. */
export type DownloadDelta = {
  /** The download's id. */
  id: number;
  /** Its new state, when the state changed (`in_progress`, `interrupted`, `complete`). */
  state?: { current?: string };
};

/** What the downloads API does when a file of that name exists: add " (1)", or replace it. */
export type ConflictAction = 'uniquify' | 'overwrite';

/** The part of `browser.downloads` this module uses; tests pass a fake. */
export type DownloadsApi = {
  /** Start a download; resolves with its id once it has started. */
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: ConflictAction }): Promise<number>;
  /** Fires when a download's state changes. */
  onChanged: {
    addListener(listener: (delta: DownloadDelta) => void): void;
    removeListener(listener: (delta: DownloadDelta) => void): void;
  };
};

/** Blob URL functions (an extension page's `URL`). */
export type ObjectUrls = Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;

/** Save a Blob under a path relative to the downloads folder; resolves with the download id. */
export type BlobDownloader = (blob: Blob, filename: string) => Promise<number>;

/**
 * Make a Blob downloader. Files are saved without a prompt (`saveAs: false`: the caller reports
 * where the file went) and, by default, never overwrite an earlier export (`'uniquify'` adds
 * " (1)"); backups pass `'overwrite'`. The blob URL is revoked once the download completes or is
 * interrupted.
 */
export function createBlobDownloader(
  downloads: DownloadsApi = browser.downloads,
  objectUrls: ObjectUrls = URL,
  conflictAction: ConflictAction = 'uniquify',
): BlobDownloader {
  return async (blob, filename) => {
    const objectUrl = objectUrls.createObjectURL(blob);
    // The blob must outlive the download's fetch, so it is revoked when the download ends.
    // Ends seen before `download` resolves are remembered, since the id is not known until then.
    let downloadId: number | null = null;
    const endedEarly = new Set<number>();
    const release = () => {
      downloads.onChanged.removeListener(onChanged);
      objectUrls.revokeObjectURL(objectUrl);
    };
    const onChanged = (delta: DownloadDelta) => {
      const state = delta.state?.current;
      if (state !== 'complete' && state !== 'interrupted') return;
      if (downloadId === null) endedEarly.add(delta.id);
      else if (delta.id === downloadId) release();
    };
    downloads.onChanged.addListener(onChanged);
    try {
      downloadId = await downloads.download({ url: objectUrl, filename, saveAs: false, conflictAction });
    } catch (error) {
      release();
      throw error;
    }
    if (endedEarly.has(downloadId)) release();
    return downloadId;
  };
}
