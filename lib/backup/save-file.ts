/**
 * How a backup's text becomes a file through the downloads API, from the background (the service
 * worker, where there is no page to make the file in).
 *
 * - Chrome's MV3 service worker has no `URL.createObjectURL`: the text goes as a `data:` URL.
 *   Chrome takes large ones, slowly (measured: a 1.3 MB file in about 3 s, 20 MB in about 30 s).
 * - Firefox's downloads API refuses `data:` URLs, but its background page has blob URLs: a Blob
 *   is made from the chunks and saved by the pages' Blob downloader (lib/background/download.ts),
 *   which revokes its URL once the download has ended.
 *
 * Every backup is saved with `conflictAction: 'overwrite'`: names carry the second they were made,
 * so only a retry under a pending backup's own name meets an existing file, which it replaces.
 */
import { createBlobDownloader, type DownloadsApi } from '../background/download';
import { collectChunks, eachItem } from '../exchange/chunks';
import type { BackupFileContent, SaveBackupFile } from './downloads';

/** The slice of `browser.downloads` used to save. */
export type DownloadStarter = DownloadsApi;

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
  // With blob URLs, the shared Blob downloader revokes the URL once the download has ended.
  const saveBlob = objectUrls === null ? null : createBlobDownloader(downloads, objectUrls, 'overwrite');
  return async (file) => {
    if (saveBlob === null) {
      return downloads.download({ url: await dataUrlOf(file), filename: file.filename, saveAs: false, conflictAction: 'overwrite' });
    }
    return saveBlob(new Blob(await partsOf(file.chunks), { type: `${file.mimeType};charset=utf-8` }), file.filename);
  };
}
