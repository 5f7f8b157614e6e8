/** Splitting work into server round trips. */

/** Documents per `_bulk_docs` request: big enough to amortise the round trip, small enough that a failed request redoes little. */
export const PUSH_BATCH_SIZE = 500;
/** Changes per `_changes` request. */
export const PULL_BATCH_SIZE = 1000;

/** `items` in consecutive slices of at most `size` (size ≥ 1). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Batch size must be a positive integer, got ${size}.`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
