/**
 * An in-memory downloads API with a disk: what lib/backup/downloads.ts takes (`DownloadsSlice`)
 * and the save function the background gives it. Saving overwrites a file of the same name, as
 * the background asks the browser to (`conflictAction: 'overwrite'`).
 */
import { collectChunks } from '../../../lib/exchange/chunks';
import type { BackupFileContent, DownloadChange, DownloadItemLike, DownloadsSlice } from '../../../lib/backup/downloads';

type Listener = (change: DownloadChange) => void;

/** What the next saves do: complete, fail, or stay in progress until `finish` is called. */
export type SaveMode = 'complete' | 'interrupt' | 'hold' | 'reject';

export type FakeDownloads = DownloadsSlice & {
  /** The files on disk, by full path. */
  disk: Map<string, string>;
  /** The browser's download list, by id. */
  items: Map<number, DownloadItemLike>;
  /** Every save, in order: the name asked for. */
  saves: string[];
  /** What the next saves do. */
  mode: SaveMode;
  /** Start a download as the background would (resolves with its id). */
  save(file: BackupFileContent): Promise<number>;
  /** Complete a held download. */
  finish(id: number): void;
};

/** Where the fake browser saves, like a downloads folder. */
export const DOWNLOADS_DIR = '/home/reader/Downloads';

export function fakeDownloads(): FakeDownloads {
  const disk = new Map<string, string>();
  const items = new Map<number, DownloadItemLike>();
  const listeners = new Set<Listener>();
  let nextId = 1;
  const emit = (change: DownloadChange) => {
    for (const listener of [...listeners]) listener(change);
  };

  const fake: FakeDownloads = {
    disk,
    items,
    saves: [],
    mode: 'complete',
    async search({ id }) {
      const item = items.get(id);
      return item ? [{ ...item }] : [];
    },
    async removeFile(id) {
      const item = items.get(id);
      if (!item) throw new Error('Invalid download id');
      if (item.state !== 'complete') throw new Error('Download must be complete');
      if (!disk.has(item.filename)) throw new Error('Download file already deleted');
      disk.delete(item.filename);
      item.exists = false;
    },
    async erase({ id }) {
      items.delete(id);
      return [id];
    },
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
    async save(file) {
      fake.saves.push(file.filename);
      if (fake.mode === 'reject') throw new Error('Invalid filename');
      const id = nextId++;
      const path = `${DOWNLOADS_DIR}/${file.filename}`;
      items.set(id, { id, filename: path, state: 'in_progress', exists: true });
      const content = await collectChunks(file.chunks);
      const mode = fake.mode;
      // Like the browser: the download ends after `download()` resolved.
      setTimeout(() => {
        if (mode === 'complete') {
          disk.set(path, content);
          fake.finish(id);
        } else if (mode === 'interrupt') {
          items.set(id, { id, filename: path, state: 'interrupted', error: 'FILE_NO_SPACE', exists: false });
          emit({ id, state: { current: 'interrupted' } });
        }
      }, 0);
      return id;
    },
    finish(id) {
      const item = items.get(id);
      if (!item) throw new Error(`no download ${id}`);
      if (!disk.has(item.filename)) disk.set(item.filename, '(held)');
      items.set(id, { ...item, state: 'complete', exists: true });
      emit({ id, state: { current: 'complete' } });
    },
  };
  return fake;
}
