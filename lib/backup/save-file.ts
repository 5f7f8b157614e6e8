/**
 * How a backup's text becomes a file through the downloads API, from the background. Kept in
 * lib/backup (rather than reusing the pages' export downloader) because backups are written by
 * the service worker, where there is no page to make the file in.
 *
 * - Chrome's MV3 service worker has no `URL.createObjectURL`: the text goes as a `data:` URL.
 *   Chrome takes large ones, slowly (measured: a 1.3 MB file in about 3 s, 20 MB in about 30 s).
 * - Firefox's downloads API refuses `data:` URLs, but its background page has blob URLs: a Blob
 *   is made from the chunks, and its URL revoked once the download has ended.
 *
 * Every backup is saved with `conflictAction: 'overwrite'`: names carry the second they were made,
 * so only a retry under a pending backup's own name meets an existing file, which it replaces.
 */
import { collectChunks, eachItem } from '../exchange/chunks';
import type { BackupFileContent, DownloadChange, SaveBackupFile } from './downloads';

/** The slice of `browser.downloads` used to save. */
export type DownloadStarter = {
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'overwrite' }): Promise<number>;
  onChanged: {
    addListener(listener: (change: DownloadChange) => void): void;
    removeListener(listener: (change: DownloadChange) => void): void;
  };
};

/** Blob URL functions; null where they don't exist (a Chrome MV3 service worker). */
export type ObjectUrlFunctions = Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> | null;

/** A file's text as a `data:` URL of its media type. */
export async function dataUrlOf(file: BackupFileContent): Promise<string> {
  return `data:${file.mimeType};charset=utf-8,${encodeURIComponent(await collectChunks(file.chunks))}`;
}

/** The chunks, gathered. */
async function partsOf(chunks: BackupFileContent['chunks']): Promise<string[]> {
  const parts: string[] = [];
  for await (const chunk of eachItem(chunks)) parts.push(chunk);
  return parts;
}

/** `URL`'s blob functions when this context has them. */
export function availableObjectUrls(): ObjectUrlFunctions {
  return typeof URL.createObjectURL === 'function' ? URL : null;
}

/** The save function for the backup runner over `downloads`. */
export function createBackupSaver(downloads: DownloadStarter, objectUrls: ObjectUrlFunctions): SaveBackupFile {
  const start = (url: string, filename: string) => downloads.download({ url, filename, saveAs: false, conflictAction: 'overwrite' });
  return async (file) => {
    if (objectUrls === null) return start(await dataUrlOf(file), file.filename);

    const blob = new Blob(await partsOf(file.chunks), { type: `${file.mimeType};charset=utf-8` });
    const objectUrl = objectUrls.createObjectURL(blob);
    // The blob must outlive the download's fetch. Ends seen before `download` resolves are
    // remembered, since the id is not known until then.
    let downloadId: number | null = null;
    const endedEarly = new Set<number>();
    const release = () => {
      downloads.onChanged.removeListener(onChanged);
      objectUrls.revokeObjectURL(objectUrl);
    };
    const onChanged = (change: DownloadChange) => {
      const state = change.state?.current;
      if (state !== 'complete' && state !== 'interrupted') return;
      if (downloadId === null) endedEarly.add(change.id);
      else if (change.id === downloadId) release();
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
