import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDownloader, downloadFile, type DownloadDelta, type DownloadsApi, type ObjectUrls } from '../../../lib/background/download';

const JSON_TEXT = '{\n  "schemaVersion": 1\n}\n';
const DATA_URL = `data:application/json;charset=utf-8,${encodeURIComponent(JSON_TEXT)}`;
const FILENAME = 'Sourcemark/sourcemark-export-2025-03-04T05-06-07.json';

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

describe('createDownloader without blob URLs (Chrome service worker)', () => {
  it('downloads the data: URL itself, without a prompt and without overwriting', async () => {
    const { api, listeners } = fakeDownloads();
    const id = await createDownloader(api, null)({ url: DATA_URL, filename: FILENAME });
    expect(id).toBe(7);
    expect(api.download).toHaveBeenCalledExactlyOnceWith({
      url: DATA_URL,
      filename: FILENAME,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    expect(listeners.size).toBe(0);
  });

  it('passes a failure of the downloads API on to the caller', async () => {
    const { api } = fakeDownloads(() => Promise.reject(new Error('Invalid filename')));
    await expect(createDownloader(api, null)({ url: DATA_URL, filename: FILENAME })).rejects.toThrow('Invalid filename');
  });
});

describe('createDownloader with blob URLs (Firefox, which refuses data: URLs)', () => {
  it('downloads a blob URL holding the same bytes, and revokes it when that download completes', async () => {
    const { api, fire, listeners } = fakeDownloads();
    const { urls, blobs, revoked } = fakeObjectUrls();

    const id = await createDownloader(api, urls)({ url: DATA_URL, filename: FILENAME });
    expect(id).toBe(7);
    expect(api.download).toHaveBeenCalledExactlyOnceWith({
      url: 'blob:sourcemark/1',
      filename: FILENAME,
      saveAs: false,
      conflictAction: 'uniquify',
    });
    expect(await blobs[0]?.text()).toBe(JSON_TEXT);
    expect(blobs[0]?.type).toBe('application/json;charset=utf-8');

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
    await createDownloader(api, urls)({ url: DATA_URL, filename: FILENAME });
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
    await createDownloader(api, urls)({ url: DATA_URL, filename: FILENAME });
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });

  it('revokes the blob URL and rethrows when the download cannot start', async () => {
    const { api, listeners } = fakeDownloads(() => Promise.reject(new Error('Access denied')));
    const { urls, revoked } = fakeObjectUrls();
    await expect(createDownloader(api, urls)({ url: DATA_URL, filename: FILENAME })).rejects.toThrow('Access denied');
    expect(revoked).toEqual(['blob:sourcemark/1']);
    expect(listeners.size).toBe(0);
  });

  it('downloads a URL that is not a data: URL as it is', async () => {
    const { api } = fakeDownloads();
    const { urls, blobs } = fakeObjectUrls();
    await createDownloader(api, urls)({ url: 'https://example.org/file.json', filename: 'file.json' });
    expect(api.download).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://example.org/file.json' }));
    expect(blobs).toEqual([]);
  });
});

describe('downloadFile', () => {
  it('uses the extension downloads API', async () => {
    // Simulate the service worker, where URL.createObjectURL does not exist.
    const original = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
    Object.defineProperty(URL, 'createObjectURL', { value: undefined, configurable: true });
    try {
      // Typed through the module's narrow API: the full type's callback overload hides the Promise one.
      const downloads: DownloadsApi = fakeBrowser.downloads;
      const download = vi.spyOn(downloads, 'download').mockResolvedValue(3);
      await expect(downloadFile({ url: DATA_URL, filename: FILENAME })).resolves.toBe(3);
      expect(download).toHaveBeenCalledExactlyOnceWith({
        url: DATA_URL,
        filename: FILENAME,
        saveAs: false,
        conflictAction: 'uniquify',
      });
    } finally {
      if (original) Object.defineProperty(URL, 'createObjectURL', original);
    }
  });
});
