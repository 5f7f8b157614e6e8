/**
 * The orphan record (lib/library/orphan-record.ts) in `storage.local`: the popup writes what each
 * page reports, the library reads it. Takes the storage slice, so tests pass a fake.
 */
import type { SettingsStorageApi } from '../settings/storage';
import { ORPHAN_RECORD_KEY, parseOrphanRecord, recordPageOrphans, type OrphanRecord } from './orphan-record';

/** Reading and updating the stored orphan record. */
export type OrphanRecordStore = {
  /** The stored record ({} when none or malformed). Rejects when storage fails. */
  load(): Promise<OrphanRecord>;
  /** Replace one page's orphans with its latest report (written only when it changed). */
  report(url: string, orphanIds: readonly string[]): Promise<void>;
};

/** The store over `storage.local`. */
export function createOrphanRecordStore(storage: Pick<SettingsStorageApi, 'local'>): OrphanRecordStore {
  const load = async () => parseOrphanRecord((await storage.local.get(ORPHAN_RECORD_KEY))[ORPHAN_RECORD_KEY]);
  // One write at a time, so two reports in quick succession don't lose each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    load,
    report(url, orphanIds) {
      const run = queue.then(async () => {
        const before = await load();
        const after = recordPageOrphans(before, url, orphanIds);
        if (after !== before) await storage.local.set({ [ORPHAN_RECORD_KEY]: after });
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
