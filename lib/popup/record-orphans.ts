/**
 * Keep the library's record of orphans up to date from the popup: each page snapshot the popup
 * reads says which saved annotations the page could not anchor.
 */
import type { OrphanRecordStore } from '../library/orphan-record-storage';
import type { PagePort } from './ports';

/**
 * `port`, whose snapshots are also reported to `store` (a page with highlights off was not read,
 * so it reports nothing). A failed report goes to `onError`; the snapshot is answered regardless.
 */
export function recordOrphans(port: PagePort, store: Pick<OrphanRecordStore, 'report'>, onError: (error: unknown) => void): PagePort {
  return {
    ...port,
    async getSnapshot() {
      const answer = await port.getSnapshot();
      if (answer.ok && answer.value.highlights === 'on') {
        store.report(answer.value.url, answer.value.orphans.map((o) => o.annotationId)).catch(onError);
      }
      return answer;
    },
  };
}
