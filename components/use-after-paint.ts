/**
 * Hold back what can wait until the popup's first screen is out: secondary widgets (the sync
 * and backup lines, the shortcut hint) each read storage or the database when they mount, and
 * with a large library those reads compete with the ones the claim cards wait for.
 */
import { useEffect, useState } from 'preact/hooks';

/**
 * False until `ready` has been true for one painted frame, then true for good. A `ready` that
 * never comes (a page that never answers) still lets the widgets in after `latestMs`.
 */
export function useAfterPaint(ready: boolean, latestMs = 1000): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (after) return undefined;
    const fallback = window.setTimeout(() => setAfter(true), latestMs);
    if (!ready) return () => window.clearTimeout(fallback);
    let timer = 0;
    // A timeout scheduled from an animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setAfter(true), 0);
    });
    return () => {
      window.clearTimeout(fallback);
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, after, latestMs]);
  return after;
}
