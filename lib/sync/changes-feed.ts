/**
 * The `_changes` pages of one pull, downloaded one after another as fast as the server sends
 * them while earlier pages are applied. A page's request needs the previous page's `last_seq`,
 * so pages cannot be asked for at once; but the next request need not wait for the database
 * either: it goes out the moment a page arrives, so the server is never idle while the device
 * writes. At most `ahead` pages are held (on the way or arrived) beyond the one being applied,
 * which bounds memory when the database is the slower side.
 */
import type { ChangesPage, CouchClient } from './couch-client';

/** A pull's pages, in order. */
export type ChangesFeed = {
  /**
   * The next page, or null after the last one. Rejects with the request's error when a page
   * could not be fetched (every page before it was delivered; nothing after it is asked for).
   */
  next(): Promise<ChangesPage | null>;
};

/**
 * Start downloading the changes after `since` (null: from the start), `limit` per page, with
 * up to `ahead` (≥ 1) pages fetched ahead of the one the caller holds. The first request goes
 * out now. A page shorter than `limit`, or one that does not move the sequence, is the last.
 */
export function changesFeed(client: Pick<CouchClient, 'changes'>, since: string | null, limit: number, ahead: number): ChangesFeed {
  if (!Number.isInteger(ahead) || ahead < 1) throw new Error(`Pages ahead must be a positive integer, got ${ahead}.`);
  /** Pages asked for and not yet handed out, oldest first. */
  const queue: Promise<ChangesPage>[] = [];
  /** Where the next request starts, while it waits for room in the queue. */
  let paused: { from: string } | null = null;

  function request(from: string | null): void {
    const page = client.changes(from, limit).then((p) => {
      const more = p.results.length >= limit && p.lastSeq !== from;
      if (more) {
        if (queue.length < ahead) request(p.lastSeq);
        else paused = { from: p.lastSeq };
      }
      return p;
    });
    // Handed to the caller, who sees a failure when it reaches that page; a caller that stopped
    // earlier (its run failed) does not care, and the rejection must not count as unhandled.
    page.catch(() => undefined);
    queue.push(page);
  }

  request(since);
  return {
    async next() {
      const head = queue.shift();
      if (!head) return null;
      if (paused && queue.length < ahead) {
        const { from } = paused;
        paused = null;
        request(from);
      }
      return head;
    },
  };
}
