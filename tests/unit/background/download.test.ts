import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBlobDownloader, type DownloadDelta, type DownloadsApi, type ObjectUrls } from '../../../lib/background/download';

const JSON_TEXT = '{\n  "schemaVersion": 1\n}\n';
const FILENAME = 'Sourcemark/sourcemark-export-2025-03-04T05-06-07.json';
const blob = () => new Blob([JSON_TEXT], { type: 'application/json;charset=utf-8' });

/** A downloads API that records calls and lets the test fire state changes. */
function fakeDownloads(download: DownloadsApi['download'] = async () => 7) {
  const listeners = new Set<(delta: DownloadDelta) => void>();
  const api: DownloadsApi = {
    download: vi.fn(download),
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
  const fire = (delta: DownloadDelta) => {
    for (const listener of [...listeners]) listener(delta);
  };
  return { api, listeners, fire };
}

/** Blob URL functions that record what they were given. */
function fakeObjectUrls() {
  const blobs: Blob[] = [];
  const revoked: string[] = [];
  const urls: ObjectUrls = {
    createObjectURL: (obj) => {
      if (!(obj instanceof Blob)) throw new Error('expected a Blob');
      blobs.push(obj);
      return `blob:sourcemark/${blobs.length}`;
    },
    revokeObjectURL: (url) => revoked.push(url),
  };
  return { urls, blobs, revoked };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createBlobDownloader', () => {
  it('downloads a blob URL of the Blob, without a prompt and without overwriting, and revokes it when that download completes', async () => {
    const { api, fire, listeners } = fakeDownloads();
    const { urls, blobs, revoked } = fakeObjectUrls();

    const id = await createBlobDownloader(api, urls)(blob(), FILENAME);
    expect(id).toBe(7);
    expect(api.download).toHaveBeenCalledExactlyOnceWith({
      url: 'blob:sourcemark/1',
      filename: FILENAME,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    expect(await blobs[0]?.text()).toBe(JSON_TEXT);

    fire({ id: 99, state: { current: 'complete' } });
    fire({ id: 7, state: { current: 'in_progress' } });
    expect(revoked).toEqual([]);
    fire({ id: 7, state: { current: 'complete' } });
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });

  it('revokes the blob URL when the download is interrupted', async () => {
    const { api, fire, listeners } = fakeDownloads();
    const { urls, revoked } = fakeObjectUrls();
    await createBlobDownloader(api, urls)(blob(), FILENAME);
    fire({ id: 7, state: { current: 'interrupted' } });
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });

  it('revokes the blob URL of a download that ended before its id was known', async () => {
    const { api, fire, listeners } = fakeDownloads(async () => {
      fire({ id: 7, state: { current: 'complete' } });
      return 7;
    });
    const { urls, revoked } = fakeObjectUrls();
    await createBlobDownloader(api, urls)(blob(), FILENAME);
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });

  it('revokes the blob URL and rethrows when the download cannot start', async () => {
    const { api, listeners } = fakeDownloads(() => Promise.reject(new Error('Invalid filename')));
    const { urls, revoked } = fakeObjectUrls();
    await expect(createBlobDownloader(api, urls)(blob(), FILENAME)).rejects.toThrow('Invalid filename');
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });
});
