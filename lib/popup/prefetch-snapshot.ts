/**
 * Ask the page for its snapshot as soon as the popup's script runs, before anything renders:
 * the content script answers while the popup builds its first frame, instead of after it.
 */
import type { PageSnapshot, Result } from '../messages';
import type { PagePort } from './ports';

/**
 * `port`, whose first `getSnapshot()` answers with `first` (a request already made, e.g. by the
 * popup's early script, lib/popup/early-read.ts); later calls (after a switch changed the page)
 * ask again.
 */
export function withFirstSnapshot(port: PagePort, first: Promise<Result<PageSnapshot>>): PagePort {
  let early: Promise<Result<PageSnapshot>> | null = first;
  return {
    ...port,
    getSnapshot() {
      const answer = early ?? port.getSnapshot();
      early = null;
      return answer;
    },
  };
}

/**
 * `port`, with `getSnapshot()` called now: the first `getSnapshot()` made through the returned
 * port gets that answer; later calls ask again.
 */
export function prefetchSnapshot(port: PagePort): PagePort {
  return withFirstSnapshot(port, port.getSnapshot());
}
