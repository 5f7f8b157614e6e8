/** A form's unsaved edits over a stored value that can change under it (liveQuery). */
import { useEffect, useRef, useState } from 'preact/hooks';

/** The draft, its setter, and whether it differs from what is stored. */
export type Draft<T> = {
  /** What the controls show (as of this render). */
  value: T;
  /**
   * Change the draft. Pass an updater to change one field: two events can arrive before the next
   * render, and an update built from the rendered value would undo the first.
   */
  set(next: T | ((previous: T) => T)): void;
  /** The draft including changes not rendered yet: what a Save handler must store. */
  latest(): T;
  /** True when the draft differs from the stored value: there is something to save. */
  dirty: boolean;
};

/**
 * Start from `stored`; when `stored` changes (a save here or an edit in another page), follow it
 * unless the user has unsaved edits, which are never overwritten. After a successful save the
 * stored value catches up with the draft, and `dirty` turns false by itself. Values are compared
 * by their JSON, so `T` must be plain data (not a function).
 */
export function useDraft<T>(stored: T): Draft<T> {
  const storedKey = JSON.stringify(stored);
  const [value, setValue] = useState<T>(stored);
  const latest = useRef<T>(stored);
  const baseline = useRef(storedKey);

  const set = (next: T | ((previous: T) => T)) => {
    latest.current = typeof next === 'function' ? (next as (previous: T) => T)(latest.current) : next;
    setValue(latest.current);
  };

  useEffect(() => {
    if (baseline.current === storedKey) return;
    const hadNoEdits = JSON.stringify(latest.current) === baseline.current;
    baseline.current = storedKey;
    if (hadNoEdits) set(stored);
    // Only a change of the stored value matters here; the draft is read from the ref.
  }, [storedKey]);

  return { value, set, latest: () => latest.current, dirty: JSON.stringify(value) !== storedKey };
}
