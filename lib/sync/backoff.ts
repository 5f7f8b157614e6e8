/**
 * When to try again after a failed sync: exponential backoff with ("equal") jitter, so a team whose
 * server went down does not come back to it all in the same second.
 */

/** The first retry waits up to this long. */
export const BASE_DELAY_MS = 30_000;
/** No retry waits longer than this. */
export const MAX_DELAY_MS = 60 * 60_000;

/**
 * The delay before retry number `failures` (1 after the first failure): a uniformly random time
 * between half and all of `min(MAX, BASE × 2^(failures−1))`. `random` returns [0, 1); tests pass
 * their own.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
