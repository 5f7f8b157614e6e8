/**
 * Running work when the page is idle: `requestIdleCallback` where the browser has it, else a
 * short timeout with a fixed budget. Shared by the overlay (lazy tag placement) and lib/page
 * (batches of page changes).
 */

/** What `whenIdleTime` needs from the window (narrow, so tests can pass fakes). */
export type IdleView = Pick<Window, 'setTimeout' | 'clearTimeout'> & {
  requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** The budget a callback gets where there are no idle callbacks, ms. */
const FALLBACK_BUDGET_MS = 10;

/**
 * Run `callback` when the page is idle (at the latest after `timeoutMs`); it is told how much idle
 * time is left. Returns a function that cancels it.
 */
export function whenIdleTime(view: IdleView, callback: (timeLeft: () => number) => void, timeoutMs: number): () => void {
  if (typeof view.requestIdleCallback === 'function') {
    const handle = view.requestIdleCallback((deadline) => callback(() => deadline.timeRemaining()), { timeout: timeoutMs });
    return () => view.cancelIdleCallback?.(handle);
  }
  const handle = view.setTimeout(() => {
    const started = Date.now();
    callback(() => Math.max(0, FALLBACK_BUDGET_MS - (Date.now() - started)));
  }, 1);
  return () => view.clearTimeout(handle);
}
