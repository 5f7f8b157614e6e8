/**
 * Render a long list in steps: the first `first` items at once, then `step` more after each
 * paint until all `total` are in. The popup shows three or four claim cards; a page can have
 * hundreds, each a small form. Building them all before the first paint made the popup open
 * slowly; this way the cards in view paint first and the rest follow within a few frames,
 * each step a short task (typing and clicks are never held up for long).
 */
import { useEffect, useState } from 'preact/hooks';

/** How many of `total` items to render now: starts at `first`, grows by `step` after each frame. */
export function useRevealedCount(total: number, first: number, step: number): number {
  const [count, setCount] = useState(first);
  const done = count >= total;
  useEffect(() => {
    if (done) return;
    let timer = 0;
    // After the next frame is painted: a timeout scheduled from requestAnimationFrame runs once
    // that frame is out.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setCount((n) => n + step), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [count, done, step]);
  return Math.min(count, total);
}
