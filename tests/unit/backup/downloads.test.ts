import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupDownloads } from '../../../lib/backup/downloads';
import type { BackupFile } from '../../../lib/backup/state';
import { DOWNLOADS_DIR, fakeDownloads } from './fake-downloads';

afterEach(() => vi.useRealTimers());

const content = { filename: 'Sourcemark/b.json', mimeType: 'application/json', chunks: ['{}'] };

function kept(downloadId: number, path: string): BackupFile {
  return {
    downloadId,
    path,
    filename: 'Sourcemark/b.json',
    writtenAt: '2026-01-01T00:00:00.000Z',
    format: 'json',
    fingerprint: 'f',
    annotationCount: 0,
    sourceCount: 0,
  };
}

describe('the backup downloads port', () => {
  it('sees a download that ended before anyone listened', async () => {
    const fake = fakeDownloads();
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await port.waitForEnd(id)).toEqual({ state: 'complete', path: `${DOWNLOADS_DIR}/Sourcemark/b.json`, exists: true });
  });

  it('waits for a download still running and stops listening afterwards', async () => {
    const fake = fakeDownloads();
    fake.mode = 'hold';
    const removeListener = vi.spyOn(fake.onChanged, 'removeListener');
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    const ended = port.waitForEnd(id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    fake.finish(id);
    expect((await ended).state).toBe('complete');
    expect(removeListener).toHaveBeenCalledTimes(1);
  });

  it('gives up waiting after the timeout, in words', async () => {
    vi.useFakeTimers();
    const fake = fakeDownloads();
    fake.mode = 'hold';
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 120_000 });
    const id = await port.save(content);
    const ended = port.waitForEnd(id);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await ended).toEqual({ state: 'interrupted', error: 'the download did not finish within 120 s' });
  });

  it('reports an unknown id as missing', async () => {
    const fake = fakeDownloads();
    const port = createBackupDownloads(fake, fake.save);
    expect(await port.status(42)).toEqual({ state: 'missing' });
  });

  it('removes a kept file from disk and from the list', async () => {
    const fake = fakeDownloads();
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    const end = await port.waitForEnd(id);
    if (end.state !== 'complete') throw new Error('not saved');
    expect(await port.remove(kept(id, end.path))).toBe('removed');
    expect(fake.disk.size).toBe(0);
    expect(fake.items.size).toBe(0);
  });

  it('counts a file already deleted by the user as gone, and erases its entry', async () => {
    const fake = fakeDownloads();
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    await port.waitForEnd(id);
    const path = `${DOWNLOADS_DIR}/Sourcemark/b.json`;
    fake.disk.delete(path); // the browser has not noticed yet: `exists` is still true
    expect(await port.remove(kept(id, path))).toBe('gone');
    expect(fake.items.size).toBe(0);
  });

  it('leaves a download alone when its id now names another file', async () => {
    const fake = fakeDownloads();
    const removeFile = vi.spyOn(fake, 'removeFile');
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    await port.waitForEnd(id);
    expect(await port.remove(kept(id, '/elsewhere/other.json'))).toBe('gone');
    expect(removeFile).not.toHaveBeenCalled();
    expect(fake.items.size).toBe(1);
  });

  it('reports any other failure to delete', async () => {
    const fake = fakeDownloads();
    const port = createBackupDownloads(fake, fake.save, { timeoutMs: 0 });
    const id = await port.save(content);
    await port.waitForEnd(id);
    vi.spyOn(fake, 'removeFile').mockRejectedValueOnce(new Error('Access is denied'));
    expect(await port.remove(kept(id, `${DOWNLOADS_DIR}/Sourcemark/b.json`))).toEqual({ failed: 'Access is denied' });
    expect(fake.items.size).toBe(1);
  });
});
