/**
 * Run a handler at most once per animation frame, with the latest arguments: scroll, resize and
 * pointer events fire far more often than the page can paint.
 */

/** A throttled function: call it freely; the handler runs on the next frame with the last arguments. */
export type FrameThrottled<A extends unknown[]> = (...args: A) => void;

/**
 * Throttle `handler` to animation frames of `view`. Once `signal` aborts, pending calls are
 * cancelled and later calls do nothing.
 */
export function throttleToFrame<A extends unknown[]>(
  view: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'>,
  signal: AbortSignal,
  handler: (...args: A) => void,
): FrameThrottled<A> {
  let frame = 0;
  let latest: A | null = null;
  signal.addEventListener('abort', () => {
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
  }, { once: true });
  return (...args: A) => {
    if (signal.aborted) return;
    latest = args;
    if (frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      const call = latest;
      latest = null;
      if (call && !signal.aborted) handler(...call);
    });
  };
}
