import { describe, expect, it } from 'vitest';
import { BASE_DELAY_MS, MAX_DELAY_MS, retryDelayMs } from '../../../lib/sync/backoff';
import { chunk } from '../../../lib/sync/batches';

describe('retryDelayMs', () => {
  it('doubles its ceiling with each failure, up to the maximum', () => {
    const top = (n: number) => retryDelayMs(n, () => 0.999999);
    expect(top(1)).toBeCloseTo(BASE_DELAY_MS, -2);
    expect(top(2)).toBeCloseTo(2 * BASE_DELAY_MS, -2);
    expect(top(4)).toBeCloseTo(8 * BASE_DELAY_MS, -2);
    expect(top(40)).toBeCloseTo(MAX_DELAY_MS, -2);
  });

  it('spreads retries over the upper half of the ceiling (jitter)', () => {
    expect(retryDelayMs(3, () => 0)).toBe(2 * BASE_DELAY_MS);
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(seen.size).toBeGreaterThan(10);
    for (const ms of seen) expect(ms).toBeGreaterThanOrEqual(2 * BASE_DELAY_MS);
  });
});

describe('chunk', () => {
  it('cuts into consecutive slices and refuses a size below 1', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
  });
});
