/**
 * Saving a file through the downloads API: the only code in lib/background that touches `browser`.
 *
 * The request handler hands over a `data:` URL, since Chrome's MV3 service worker has no
 * `URL.createObjectURL`. Firefox is the other way round: its downloads API refuses `data:` URLs
 * ("Access denied for URL data:…") but its background page has blob URLs. So where blob URLs
 * exist, the data URL is turned into one first.
 */
import { browser } from 'wxt/browser';
import type { DownloadFile } from './handle-request';

/** The change event of a download, as far as this module reads it. */
export type DownloadDelta = {
  /** The download's id. */
  id: number;
  /** Its new state, when the state changed (`in_progress`, `interrupted`, `complete`). */
  state?: { current?: string };
};

/** The part of `browser.downloads` this module uses; tests pass a fake. */
export type DownloadsApi = {
  /** Start a download; resolves with its id once it has started. */
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'uniquify' }): Promise<number>;
  /** Fires when a download's state changes. */
  onChanged: {
    addListener(listener: (delta: DownloadDelta) => void): void;
    removeListener(listener: (delta: DownloadDelta) => void): void;
  };
};

/** Blob URL functions; `null` where they don't exist (a Chrome MV3 service worker). */
export type ObjectUrls = Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;

/** `URL`'s blob functions when this context has them. */
function availableObjectUrls(): ObjectUrls | null {
  return typeof URL.createObjectURL === 'function' ? URL : null;
}

/**
 * Make the `download` function the request handler needs. Files are saved without a prompt
 * (`saveAs: false`: the popup reports where the file went) and never overwrite an earlier
 * export (`conflictAction: 'uniquify'` adds " (1)").
 */
export function createDownloader(
  downloads: DownloadsApi = browser.downloads,
  objectUrls: ObjectUrls | null = availableObjectUrls(),
): (file: DownloadFile) => Promise<number> {
  const start = (url: string, filename: string) =>
    downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });

  return async (file) => {
    if (objectUrls === null || !file.url.startsWith('data:')) return start(file.url, file.filename);

    const blob = await (await fetch(file.url)).blob();
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
      downloadId = await start(objectUrl, file.filename);
    } catch (error) {
      release();
      throw error;
    }
    if (endedEarly.has(downloadId)) release();
    return downloadId;
  };
}

/** Save a file with the browser's downloads API; resolves with the download id. */
export const downloadFile: (file: DownloadFile) => Promise<number> = (file) => createDownloader()(file);
