/** A Preact hook over Dexie's `liveQuery`: the view follows the data, including changes made by other extension pages. */
import { liveQuery } from 'dexie';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Where a live query stands. */
export type LiveQueryState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: Error };

/**
 * Subscribe to `querier` while the component is mounted, and again whenever `deps` change.
 * Pass `null` to wait (e.g. until the page's URL is known). A failing query is returned as
 * `failed` so the view can say what went wrong. `initial`: the query's result as read a moment
 * ago (lib/popup/early-read.ts), shown until the live query first answers.
 */
export function useLiveQuery<T>(querier: (() => Promise<T>) | null, deps: readonly unknown[], initial?: T): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>(initial === undefined ? { status: 'loading' } : { status: 'ready', value: initial });
  /** True until the first subscription: `initial` answers for that one only. */
  const first = useRef(true);
  // Without `initial`, a layout effect: the query starts as soon as the component is in the DOM,
  // not after the next paint (which a plain effect waits for): one frame less before the data
  // shows. With it, the data is on screen already, and the query waits until that frame is out.
  // Chosen once, when the component mounts, so every render calls the same hook.
  const useSubscription = useRef(initial === undefined ? useLayoutEffect : useEffect).current;
  useSubscription(() => {
    const keepInitial = first.current && initial !== undefined;
    first.current = false;
    if (!querier) return undefined;
    if (!keepInitial) setState((previous) => (previous.status === 'loading' ? previous : { status: 'loading' }));
    return subscribeLiveQuery(querier, setState);
    // The caller names the query's inputs in `deps`, as with useEffect.
  }, deps);
  return state;
}

/**
 * Run `querier` live (Dexie's `liveQuery`) and pass each result, or its failure, to `update`,
 * from now on: for a query whose input arrives in a callback, to start it there rather than
 * after the render that callback causes. Returns the unsubscribe function.
 */
export function subscribeLiveQuery<T>(querier: () => Promise<T>, update: (state: LiveQueryState<T>) => void): () => void {
  const subscription = liveQuery(querier).subscribe({
    next: (value) => update({ status: 'ready', value }),
    error: (error: unknown) => update({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
  });
  return () => subscription.unsubscribe();
}
