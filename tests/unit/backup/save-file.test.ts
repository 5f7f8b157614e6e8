import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import type { DownloadChange } from '../../../lib/backup/downloads';
import { createBackupSaver, dataUrlOf, type DownloadStarter, type ObjectUrlFunctions } from '../../../lib/backup/save-file';

const TEXT = '{"note":"naïve “quote” 🙂"}\n';
const FILE = { filename: 'Sourcemark/sourcemark-backup-2026-01-01T00-00-00.json', mimeType: 'application/json', chunks: [TEXT.slice(0, 9), TEXT.slice(9)] };

function starter(download: DownloadStarter['download'] = async () => 5) {
  const listeners = new Set<(c: DownloadChange) => void>();
  const api: DownloadStarter = {
    download: vi.fn(download),
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { api, listeners, fire: (c: DownloadChange) => [...listeners].forEach((l) => l(c)) };
}

describe('createBackupSaver', () => {
  it('without blob URLs (Chrome’s service worker), saves a data: URL of the joined chunks, overwriting by name, without a prompt', async () => {
    const { api, listeners } = starter();
    expect(await createBackupSaver(api, null)(FILE)).toBe(5);
    const url = await dataUrlOf(FILE);
    expect(api.download).toHaveBeenCalledExactlyOnceWith({ url, filename: FILE.filename, saveAs: false, conflictAction: 'overwrite' });
    expect(url.startsWith('data:application/json;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(TEXT);
    expect(listeners.size).toBe(0);
  });

  it('with blob URLs (Firefox), saves a blob of the same text and revokes it once the download ended', async () => {
    const { api, fire, listeners } = starter();
    const revoked: string[] = [];
    const urls: ObjectUrlFunctions = { createObjectURL: URL.createObjectURL, revokeObjectURL: (u) => revoked.push(u) };
    await createBackupSaver(api, urls)(FILE);
    const url = vi.mocked(api.download).mock.calls[0]![0].url;
    expect(url.startsWith('blob:')).toBe(true);
    expect(await resolveObjectURL(url)?.text()).toBe(TEXT);
    fire({ id: 4, state: { current: 'complete' } });
    expect(revoked).toEqual([]);
    fire({ id: 5, state: { current: 'complete' } });
    expect(revoked).toEqual([url]);
    expect(listeners.size).toBe(0);
  });

  it('revokes the blob URL when the download cannot start, and passes the error on', async () => {
    const { api, listeners } = starter(async () => Promise.reject(new Error('Invalid filename')));
    const revoked: string[] = [];
    const urls: ObjectUrlFunctions = { createObjectURL: () => 'blob:x', revokeObjectURL: (u) => revoked.push(u) };
    await expect(createBackupSaver(api, urls)(FILE)).rejects.toThrow('Invalid filename');
    expect(revoked).toEqual(['blob:x']);
    expect(listeners.size).toBe(0);
  });
});
