/**
 * Ask the page for its snapshot as soon as the popup's script runs, before anything renders:
 * the content script answers while the popup builds its first frame, instead of after it.
 */
import type { PageSnapshot, Result } from '../messages';
import type { PagePort } from './ports';

/**
 * `port`, with `getSnapshot()` called now: the first `getSnapshot()` made through the returned
 * port gets that answer; later calls (after a switch changed the page) ask again.
 */
export function prefetchSnapshot(port: PagePort): PagePort {
  let early: Promise<Result<PageSnapshot>> | null = port.getSnapshot();
  return {
    ...port,
    getSnapshot() {
      const answer = early ?? port.getSnapshot();
      early = null;
      return answer;
    },
  };
}
